package dev.attest.identity.service;

import dev.attest.identity.client.ClaimSigning;
import dev.attest.identity.client.ContractCalls;
import dev.attest.identity.client.EvmNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

/**
 * Answers "does this wallet hold a valid claim of ours on this topic?" from the chain, the way an ERC-3643
 * IdentityRegistry decides: the wallet's identity, our issuer's claim on it, and isClaimValid. Only a further
 * wallet of a user, which the IdFactory does not know, is found in our records; the claim is still read from
 * the chain.
 */
@ApplicationScoped
public class ClaimVerifier {
    private static final BigInteger ZERO = BigInteger.ZERO;
    static final String FACTORY_LINK = "factory";
    static final String RECORDED_LINK = "attest-records";

    private final EvmNode node;
    private final PlatformContracts contracts;
    private final WalletLinks wallets;

    ClaimVerifier(EvmNode node, PlatformContracts contracts, WalletLinks wallets) {
        this.node = node;
        this.contracts = contracts;
        this.wallets = wallets;
    }

    /** What the chain says; empty if the platform's contracts are not known yet. */
    public Optional<Verification> verify(String wallet, BigInteger topic) {
        Optional<PlatformContracts.Addresses> addresses = contracts.addresses();
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        String issuer = addresses.get().claimIssuer();
        String claimId = Numeric.toHexString(ClaimSigning.claimId(issuer, topic));
        String identity = node.view(addresses.get().idFactory(), ContractCalls.getIdentity(wallet))
                .get(0)
                .toString();
        String link = FACTORY_LINK;
        if (Numeric.toBigInt(identity).equals(ZERO)) {
            Optional<String> recorded = wallets.identityOf(wallet).map(found -> found.identityAddress);
            if (recorded.isEmpty()) {
                return Optional.of(new Verification(wallet, topic, null, null, issuer, claimId, null, null, false));
            }
            identity = recorded.get();
            link = RECORDED_LINK;
        }
        @SuppressWarnings("rawtypes")
        List<Type> claim = node.view(identity, ContractCalls.getClaim(Numeric.hexStringToByteArray(claimId)));
        if (!issuer.equalsIgnoreCase(claim.get(2).toString())) {
            return Optional.of(new Verification(wallet, topic, identity, link, issuer, claimId, null, null, false));
        }
        byte[] signature = (byte[]) claim.get(3).getValue();
        byte[] data = (byte[]) claim.get(4).getValue();
        boolean valid = (Boolean) node.view(issuer, ContractCalls.isClaimValid(identity, topic, signature, data))
                .get(0)
                .getValue();
        return Optional.of(new Verification(
                wallet,
                topic,
                identity,
                link,
                issuer,
                claimId,
                Numeric.toHexString(signature),
                Numeric.toHexString(data),
                valid));
    }

    /**
     * The answer; {@code walletLink} says how the wallet was found to belong to the identity: {@code factory}
     * (the IdFactory on chain) or {@code attest-records} (a further wallet of the user, linked in our records).
     * {@code claimSignature} and {@code claimData} are the claim as the identity holds it (public on chain), what an
     * access condition passes to {@code isClaimValid} (docs/documents.md); absent when the identity holds none of
     * ours.
     */
    public record Verification(
            String wallet,
            BigInteger topic,
            String identityAddress,
            String walletLink,
            String issuerAddress,
            String claimId,
            String claimSignature,
            String claimData,
            boolean valid) {}
}
