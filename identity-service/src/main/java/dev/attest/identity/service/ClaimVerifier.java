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
 * Answers "does this wallet hold a valid claim of ours on this topic?" from the chain alone, the way an
 * ERC-3643 IdentityRegistry decides: the wallet's identity, our issuer's claim on it, and isClaimValid.
 */
@ApplicationScoped
public class ClaimVerifier {
    private static final BigInteger ZERO = BigInteger.ZERO;

    private final EvmNode node;
    private final PlatformContracts contracts;

    ClaimVerifier(EvmNode node, PlatformContracts contracts) {
        this.node = node;
        this.contracts = contracts;
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
        if (Numeric.toBigInt(identity).equals(ZERO)) {
            return Optional.of(new Verification(wallet, topic, null, issuer, claimId, false));
        }
        @SuppressWarnings("rawtypes")
        List<Type> claim = node.view(identity, ContractCalls.getClaim(Numeric.hexStringToByteArray(claimId)));
        boolean valid = false;
        if (issuer.equalsIgnoreCase(claim.get(2).toString())) {
            byte[] signature = (byte[]) claim.get(3).getValue();
            byte[] data = (byte[]) claim.get(4).getValue();
            valid = (Boolean) node.view(issuer, ContractCalls.isClaimValid(identity, topic, signature, data))
                    .get(0)
                    .getValue();
        }
        return Optional.of(new Verification(wallet, topic, identity, issuer, claimId, valid));
    }

    public record Verification(
            String wallet,
            BigInteger topic,
            String identityAddress,
            String issuerAddress,
            String claimId,
            boolean valid) {}
}
