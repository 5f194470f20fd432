package dev.attest.wallet.rest;

import java.math.BigDecimal;

/** How stored amounts are answered: integer strings in the smallest unit, null for none. */
final class Amounts {
    private Amounts() {}

    static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
