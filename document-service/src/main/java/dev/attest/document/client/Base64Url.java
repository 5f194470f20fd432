package dev.attest.document.client;

import java.util.Base64;

/** Arweave's encoding of every binary field: base64url without padding. */
public final class Base64Url {
    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
