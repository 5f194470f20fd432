package dev.attest.wallet.service;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.jcajce.provider.digest.Keccak;

/**
 * EVM address syntax: {@code 0x} and 40 hex digits; a mixed-case address must carry a valid EIP-55
 * checksum, so a mistyped one is refused before anything is sent.
 */
public final class EvmAddresses {
    private EvmAddresses() {}

    public static boolean isValid(String address) {
        if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
            return false;
        }
        String hex = address.substring(2);
        if (hex.equals(hex.toLowerCase()) || hex.equals(hex.toUpperCase())) {
            return true;
        }
        byte[] hash = new Keccak.Digest256().digest(hex.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        String hashHex = HexFormat.of().formatHex(hash);
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (Character.isLetter(c)) {
                boolean upper = Character.digit(hashHex.charAt(i), 16) >= 8;
                if (upper != Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return true;
    }
}
