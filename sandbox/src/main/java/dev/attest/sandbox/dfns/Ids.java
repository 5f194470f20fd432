package dev.attest.sandbox.dfns;

import java.security.SecureRandom;

/** Dfns-shaped ids: a kind prefix and random lowercase base-36, e.g. {@code wa-3k9f...}. */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {}

    static String next(String prefix) {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "-" + new String(id);
    }
}
