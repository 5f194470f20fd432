package dev.attest.wallet.aa;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * The platform's own paymaster service: eth-infinitism's VerifyingPaymaster (v0.7), which pays for an operation
 * whose {@code paymasterData} is {@code abi.encode(validUntil, validAfter)} followed by its verifying signer's
 * EIP-191 signature of {@code getHash(op, validUntil, validAfter)}. Approves whatever it is asked: the policy is
 * {@link SponsorshipAdmission}'s, checked before an approval is asked for.
 */
@ApplicationScoped
public class PlatformPaymaster implements Paymaster {
    public static final String KIND = "platform";

    // A well-formed signature by a throwaway key: during estimation the paymaster answers "signature failed"
    // instead of reverting, as ERC-7677's stub data intends, and the data has the length of the real one.
    private static final byte[] STUB_SIGNATURE = signature(Sign.signMessage(
            Hash.sha3(new byte[1]), Credentials.create("0x" + "11".repeat(32)).getEcKeyPair(), false));

    private final AaConfig config;
    private final AccountContracts contracts;
    private volatile Credentials signer;

    PlatformPaymaster(AaConfig config, AccountContracts contracts) {
        this.config = config;
        this.contracts = contracts;
    }

    /** Whether the platform's paymaster is deployed and its verifying key is at hand. */
    public boolean available() {
        return config.paymaster().isPresent() && config.paymasterSignerKey().isPresent();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Fields stubData(UserOperation op, long chainId) {
        Instant validUntil = validUntil();
        return new Fields(
                paymaster(), UserOperation.concat(validity(validUntil), STUB_SIGNATURE), null, null, validUntil);
    }

    @Override
    public Fields data(UserOperation op, long chainId) {
        Instant validUntil = validUntil();
        op.paymaster = paymaster(); // getHash covers the gas limits, not the paymaster's own address or data
        byte[] hash = contracts.paymasterHash(paymaster(), op, validUntil.getEpochSecond(), 0);
        byte[] approval = signature(Sign.signPrefixedMessage(hash, signer().getEcKeyPair()));
        return new Fields(paymaster(), UserOperation.concat(validity(validUntil), approval), null, null, validUntil);
    }

    /** A stub owner signature: what an account's validation can recover without reverting, during estimation. */
    public static byte[] stubSignature() {
        return STUB_SIGNATURE.clone();
    }

    private Instant validUntil() {
        return Instant.now().plus(config.approvalValidity()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private String paymaster() {
        return config.paymaster().orElseThrow(() -> new IllegalStateException("no platform paymaster configured"));
    }

    private Credentials signer() {
        if (signer == null) {
            String configured = config.paymasterSignerKey()
                    .orElseThrow(() -> new IllegalStateException("no paymaster signer key configured"));
            signer = Credentials.create(readKey(configured));
        }
        return signer;
    }

    /** The key itself, or the content of the file it names (the local stack's is mode 600 under .attest/secrets). */
    private static String readKey(String configured) {
        String value = configured.trim();
        if (value.matches("(0x)?[0-9a-fA-F]{64}")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the paymaster signer key file cannot be read", e);
        }
    }

    /** abi.encode(uint48 validUntil, uint48 validAfter = 0). */
    private static byte[] validity(Instant validUntil) {
        return Numeric.hexStringToByteArray(
                FunctionEncoder.encodeConstructor(List.of(new Uint48(validUntil.getEpochSecond()), new Uint48(0))));
    }

    /** r ‖ s ‖ v, the 65 bytes ECDSA.recover takes. */
    private static byte[] signature(Sign.SignatureData signature) {
        return UserOperation.concat(signature.getR(), signature.getS(), signature.getV());
    }
}
