package dev.attest.wallet.aa;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A paymaster service as ERC-7677 describes it: stub fields, good enough for the bundler to estimate gas, then the
 * fields that make the paymaster pay for the operation with its final gas values. The platform's own
 * ({@link PlatformPaymaster}) or an external one by URL ({@link ExternalPaymaster}).
 */
public interface Paymaster {
    /** {@code platform} or {@code external}: recorded with what it sponsored. */
    String kind();

    Fields stubData(UserOperation op, long chainId);

    /** The approval of {@code op} as it stands (gas values set); refused: {@link SponsorshipRefusedException}. */
    Fields data(UserOperation op, long chainId);

    /**
     * What goes into the operation's paymaster fields; the gas limits may be null (the bundler's estimate stands).
     * {@code validUntil} is when the approval lapses, as far as the service says or the platform assumes.
     */
    record Fields(
            String paymaster,
            byte[] paymasterData,
            BigInteger paymasterVerificationGasLimit,
            BigInteger paymasterPostOpGasLimit,
            Instant validUntil) {
        void applyTo(UserOperation op) {
            op.paymaster = paymaster;
            op.paymasterData = paymasterData;
            if (paymasterVerificationGasLimit != null) {
                op.paymasterVerificationGasLimit = paymasterVerificationGasLimit;
            }
            if (paymasterPostOpGasLimit != null) {
                op.paymasterPostOpGasLimit = paymasterPostOpGasLimit;
            }
        }
    }
}
