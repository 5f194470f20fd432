package dev.attest.common.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The key ring of master keys, by id, and which one is active. */
final class MasterKeys {
    private final Map<String, SecretKey> keys;
    private final String activeId;

    private MasterKeys(Map<String, SecretKey> keys, String activeId) {
        this.keys = keys;
        this.activeId = activeId;
    }

    static MasterKeys parse(List<String> entries, String activeId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a master key must be given as id:base64");
            }
            String id = entry.substring(0, colon).trim();
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                // Never include the value: it is the key.
                throw new IllegalArgumentException("master key " + id + " is not valid base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException("master key " + id + " must be 32 bytes, not " + material.length);
            }
            if (keys.put(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("master key " + id + " is listed twice");
            }
        }
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException("the active master key " + activeId + " is not among the master keys");
        }
        return new MasterKeys(keys, activeId);
    }

    String activeId() {
        return activeId;
    }

    SecretKey active() {
        return keys.get(activeId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }
}
