package dev.attest.wallet.aa;

import java.math.BigInteger;

/**
 * Bounds on what an operation may ask a paymaster to pay for, checked before anything is approved or signed: gas
 * values no block could hold and fees no market asks are mistakes or attacks, never a transfer.
 */
final class OperationLimits {
    /** All of an operation's gas limits together: a third of a 30M-gas block is more than any transfer needs. */
    static final BigInteger MAX_TOTAL_GAS = BigInteger.valueOf(10_000_000);
    /** 10,000 gwei: far above any fee a chain has asked for long. */
    static final BigInteger MAX_FEE_PER_GAS = BigInteger.TEN.pow(13);

    private OperationLimits() {}

    /** Why the operation's gas values are refused, or null when they are within bounds. */
    static String refusal(UserOperation op) {
        if (!op.gasFits()) {
            return "a gas value or fee is negative or beyond 128 bits";
        }
        BigInteger total = op.callGasLimit
                .add(op.verificationGasLimit)
                .add(op.preVerificationGas)
                .add(op.paymasterVerificationGasLimit)
                .add(op.paymasterPostOpGasLimit);
        if (total.compareTo(MAX_TOTAL_GAS) > 0) {
            return "the operation's gas limits add up to more than " + MAX_TOTAL_GAS;
        }
        if (op.maxFeePerGas.compareTo(MAX_FEE_PER_GAS) > 0) {
            return "maxFeePerGas is above " + MAX_FEE_PER_GAS + " wei";
        }
        if (op.maxPriorityFeePerGas.compareTo(op.maxFeePerGas) > 0) {
            return "maxPriorityFeePerGas is above maxFeePerGas";
        }
        return null;
    }
}
