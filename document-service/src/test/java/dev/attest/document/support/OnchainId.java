package dev.attest.document.support;

import static dev.attest.testing.Waits.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.evm.EvmNodes;
import dev.attest.testing.AnvilResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.utils.Numeric;

/**
 * OnchainID's real contracts on anvil, as the platform uses them for KYC: a ClaimIssuer whose claim key signs, an
 * Identity that holds the signed claim, and what ends a claim (the identity removes it, the issuer revokes it).
 * Deployed from the npm artifacts the build copies into the test class path; every transaction is signed by anvil's
 * funded account 0, the management key of both contracts.
 */
public final class OnchainId {
    /** The KYC claim topic (identity-service's {@code attest.identity.claim-topics}). */
    public static final BigInteger KYC = BigInteger.ONE;

    private static final BigInteger CLAIM_PURPOSE = BigInteger.valueOf(3);
    private static final BigInteger ECDSA = BigInteger.ONE;
    private static final BigInteger GAS = BigInteger.valueOf(8_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Web3j web3 = EvmNodes.connect(AnvilResource.rpcUrl());
    private final Credentials account = Credentials.create(AnvilResource.ACCOUNT_0_KEY);
    private final RawTransactionManager transactions = new RawTransactionManager(web3, account, 1337);

    /** A claim as an identity holds it. */
    public record Claim(String issuer, String identity, BigInteger topic, byte[] signature, byte[] data) {
        /** {@code keccak256(abi.encode(issuer, topic))}: how the identity files it. */
        public String id() {
            return Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(
                    TypeEncoder.encode(new Address(issuer)) + TypeEncoder.encode(new Uint256(topic)))));
        }
    }

    /** A ClaimIssuer whose claim key is {@code signer}'s. */
    public String claimIssuer(ECKeyPair signer) {
        String issuer = deploy("ClaimIssuer.sol/ClaimIssuer.json", new Address(account.getAddress()));
        byte[] key = Hash.sha3(Numeric.hexStringToByteArray(TypeEncoder.encode(new Address(address(signer)))));
        send(issuer, "addKey", new Bytes32(key), new Uint256(CLAIM_PURPOSE), new Uint256(ECDSA));
        return issuer;
    }

    /** A person's Identity, managed by account 0. */
    public String identity() {
        return deploy("Identity.sol/Identity.json", new Address(account.getAddress()), new Bool(false));
    }

    /** A KYC claim signed by {@code signer} for {@code identity}, added to it (Identity checks it with the issuer). */
    public Claim addClaim(String issuer, ECKeyPair signer, String identity) {
        byte[] data = "kyc:approved".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] dataHash = Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(
                List.of(new Address(identity), new Uint256(KYC), new DynamicBytes(data)))));
        Sign.SignatureData signed = Sign.signPrefixedMessage(dataHash, signer);
        byte[] signature = new byte[65];
        System.arraycopy(signed.getR(), 0, signature, 0, 32);
        System.arraycopy(signed.getS(), 0, signature, 32, 32);
        signature[64] = signed.getV()[0];
        send(
                identity,
                "addClaim",
                new Uint256(KYC),
                new Uint256(ECDSA),
                new Address(issuer),
                new DynamicBytes(signature),
                new DynamicBytes(data),
                new Utf8String(""));
        return new Claim(issuer, identity, KYC, signature, data);
    }

    /** The identity drops the claim. */
    public void remove(Claim claim) {
        send(claim.identity(), "removeClaim", new Bytes32(Numeric.hexStringToByteArray(claim.id())));
    }

    /** The issuer revokes the claim, which the identity still holds. */
    public void revoke(Claim claim) {
        send(claim.issuer(), "revokeClaimBySignature", new DynamicBytes(claim.signature()));
    }

    /** The ABI entry of {@code function} in the contract of {@code artifact}, as a Lit condition carries it. */
    public static JsonNode abi(String artifact, String function) {
        for (JsonNode entry : artifact(artifact).path("abi")) {
            if (function.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        throw new IllegalArgumentException(artifact + " has no function " + function);
    }

    public static String address(ECKeyPair key) {
        return "0x" + Keys.getAddress(key);
    }

    private String deploy(String artifact, Type<?>... constructorArguments) {
        String code = artifact(artifact).path("bytecode").asText()
                + FunctionEncoder.encodeConstructor(List.of(constructorArguments));
        return mined(code, null).getContractAddress();
    }

    private void send(String contract, String function, Type<?>... arguments) {
        mined(FunctionEncoder.encode(new Function(function, List.of(arguments), List.of())), contract);
    }

    private TransactionReceipt mined(String data, String to) {
        try {
            BigInteger gasPrice = web3.ethGasPrice().send().getGasPrice();
            EthSendTransaction sent = transactions.sendTransaction(gasPrice, GAS, to, data, BigInteger.ZERO);
            if (sent.hasError()) {
                throw new IllegalStateException(
                        "anvil refused the transaction: " + sent.getError().getMessage());
            }
            TransactionReceipt receipt = waitFor("the transaction mined")
                    .until(
                            () -> web3.ethGetTransactionReceipt(sent.getTransactionHash())
                                    .send()
                                    .getTransactionReceipt(),
                            Optional::isPresent)
                    .orElseThrow();
            if (!receipt.isStatusOK()) {
                throw new IllegalStateException("the transaction reverted");
            }
            return receipt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode artifact(String name) {
        try (InputStream in = OnchainId.class.getClassLoader().getResourceAsStream("contracts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("contracts/" + name + " is not on the test class path: run `npm ci"
                        + " --prefix tools/node` at the repository root and build again");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
