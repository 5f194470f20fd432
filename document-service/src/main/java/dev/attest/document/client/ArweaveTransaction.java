package dev.attest.document.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A format-2 Arweave data transaction, signed as Arweave requires: the signature covers the deep hash of
 * {@code ["2", owner, target, quantity, reward, last_tx, tags, data_size, data_root]} and the id is the SHA-256 of the
 * signature. Signed once and kept: posting the same signed transaction again cannot make a second one (same id).
 */
public record ArweaveTransaction(
        String id,
        String lastTx,
        String owner,
        List<Tag> tags,
        String reward,
        String dataSize,
        String dataRoot,
        String signature) {

    /** A tag; Arweave stores names and values as bytes, we write UTF-8 text. */
    public record Tag(String name, String value) {}

    public static ArweaveTransaction sign(
            ArweaveWallet wallet, byte[] data, List<Tag> tags, String reward, String lastTx) {
        String owner = wallet.owner();
        String dataSize = Long.toString(data.length);
        String dataRoot = Base64Url.encode(DataRoot.of(data));
        byte[] signature = wallet.sign(signatureData(owner, "", "0", reward, lastTx, tags, dataSize, dataRoot));
        return new ArweaveTransaction(
                Base64Url.encode(sha256(signature)),
                lastTx,
                owner,
                List.copyOf(tags),
                reward,
                dataSize,
                dataRoot,
                Base64Url.encode(signature));
    }

    /** What a format-2 signature covers; target and quantity are empty and 0 (data, not a transfer). */
    public static byte[] signatureData(
            String owner,
            String target,
            String quantity,
            String reward,
            String lastTx,
            List<Tag> tags,
            String dataSize,
            String dataRoot) {
        List<Object> tagList = new ArrayList<>();
        for (Tag tag : tags) {
            tagList.add(List.of(utf8(tag.name()), utf8(tag.value())));
        }
        return DeepHash.of(List.of(
                utf8("2"),
                Base64Url.decode(owner),
                Base64Url.decode(target),
                utf8(quantity),
                utf8(reward),
                Base64Url.decode(lastTx),
                tagList,
                utf8(dataSize),
                Base64Url.decode(dataRoot)));
    }

    /** Whether the signature verifies and the id is its hash: what a node checks before it accepts the transaction. */
    public boolean verifies() {
        byte[] sig = Base64Url.decode(signature);
        return Base64Url.encode(sha256(sig)).equals(id)
                && ArweaveWallet.verify(
                        owner, signatureData(owner, "", "0", reward, lastTx, tags, dataSize, dataRoot), sig);
    }

    /** The JSON body of {@code POST /tx}, with the data inline (base64url). */
    public Map<String, Object> toJson(byte[] data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", 2);
        json.put("id", id);
        json.put("last_tx", lastTx);
        json.put("owner", owner);
        json.put(
                "tags",
                tags.stream()
                        .map(t -> Map.of(
                                "name", Base64Url.encode(utf8(t.name())), "value", Base64Url.encode(utf8(t.value()))))
                        .toList());
        json.put("target", "");
        json.put("quantity", "0");
        json.put("data", Base64Url.encode(data));
        json.put("data_size", dataSize);
        json.put("data_root", dataRoot);
        json.put("reward", reward);
        json.put("signature", signature);
        return json;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
