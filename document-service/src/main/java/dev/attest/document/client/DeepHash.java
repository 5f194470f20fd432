package dev.attest.document.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Arweave's deep hash (SHA-384 over tagged blobs and lists), what a format-2 transaction's signature covers. The
 * same algorithm as arweave-js {@code lib/deepHash}: a blob is {@code sha384(sha384("blob" + length) ‖ sha384(bytes))};
 * a list folds its items into {@code sha384("list" + count)}, each step {@code sha384(acc ‖ deepHash(item))}. A value is
 * a {@code byte[]} or a {@code List} of values.
 */
public final class DeepHash {
    private DeepHash() {}

    public static byte[] of(Object value) {
        if (value instanceof byte[] blob) {
            byte[] tag = sha384(("blob" + blob.length).getBytes(StandardCharsets.UTF_8));
            return sha384(concat(tag, sha384(blob)));
        }
        if (value instanceof List<?> list) {
            byte[] acc = sha384(("list" + list.size()).getBytes(StandardCharsets.UTF_8));
            for (Object item : list) {
                acc = sha384(concat(acc, of(item)));
            }
            return acc;
        }
        throw new IllegalArgumentException("a deep hash takes bytes or lists, not " + value);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static byte[] sha384(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-384").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
