package dev.attest.document.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code data_root} of a format-2 transaction: the root of Arweave's Merkle tree over the data's chunks, as
 * arweave-js {@code lib/merkle} builds it. Chunks are 256 KiB, except that a remainder under 32 KiB is avoided by
 * splitting the last two chunks evenly; a leaf is {@code sha256(sha256(chunkHash) ‖ sha256(note(end)))}, a branch
 * {@code sha256(sha256(left) ‖ sha256(right) ‖ sha256(note(left end)))}, a note being the offset as 32 big-endian
 * bytes; an odd node is carried up unchanged.
 */
public final class DataRoot {
    static final int MAX_CHUNK_SIZE = 256 * 1024;
    static final int MIN_CHUNK_SIZE = 32 * 1024;

    private record Node(byte[] id, long end) {}

    private DataRoot() {}

    public static byte[] of(byte[] data) {
        List<Node> layer = leaves(data);
        while (layer.size() > 1) {
            List<Node> next = new ArrayList<>();
            for (int i = 0; i < layer.size(); i += 2) {
                if (i + 1 == layer.size()) {
                    next.add(layer.get(i));
                } else {
                    Node left = layer.get(i);
                    Node right = layer.get(i + 1);
                    next.add(new Node(sha256(sha256(left.id), sha256(right.id), sha256(note(left.end))), right.end));
                }
            }
            layer = next;
        }
        return layer.get(0).id;
    }

    private static List<Node> leaves(byte[] data) {
        List<Node> leaves = new ArrayList<>();
        int cursor = 0;
        while (data.length - cursor >= MAX_CHUNK_SIZE) {
            int rest = data.length - cursor;
            int size = MAX_CHUNK_SIZE;
            int next = rest - MAX_CHUNK_SIZE;
            if (next > 0 && next < MIN_CHUNK_SIZE) {
                size = (rest + 1) / 2;
            }
            leaves.add(leaf(Arrays.copyOfRange(data, cursor, cursor + size), cursor + size));
            cursor += size;
        }
        leaves.add(leaf(Arrays.copyOfRange(data, cursor, data.length), data.length));
        return leaves;
    }

    private static Node leaf(byte[] chunk, long end) {
        return new Node(sha256(sha256(sha256(chunk)), sha256(note(end))), end);
    }

    private static byte[] note(long value) {
        byte[] note = new byte[32];
        for (int i = 31; i >= 24; i--) {
            note[i] = (byte) value;
            value >>>= 8;
        }
        return note;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
