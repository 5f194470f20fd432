package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * A wallet of the Dfns stand-in: a real secp256k1 key on the EVM node.
 *
 * @param firstBlock the latest block when the key was made: nothing reached the address before it
 */
record SandboxWallet(
        String id,
        String orgId,
        String network,
        String name,
        String externalId,
        java.util.List<String> tags,
        String keyId,
        Credentials keys,
        Instant dateCreated,
        String requestBody,
        BigInteger firstBlock) {

    String address() {
        return keys.getAddress();
    }

    ObjectNode toJson() {
        ObjectNode json = DfnsJson.object();
        json.put("id", id);
        json.put("network", network);
        json.put("address", address());
        ObjectNode signingKey = json.putObject("signingKey");
        signingKey.put("id", keyId);
        signingKey.put("scheme", "ECDSA");
        signingKey.put("curve", "secp256k1");
        // Compressed public key in hex, as Dfns shows it.
        signingKey.put(
                "publicKey",
                Numeric.toHexStringNoPrefix(org.web3j.crypto.Sign.publicPointFromPrivate(
                                keys.getEcKeyPair().getPrivateKey())
                        .getEncoded(true)));
        json.put("status", "Active");
        json.put("dateCreated", dateCreated.toString());
        if (name != null) {
            json.put("name", name);
        }
        json.put("custodial", true);
        if (externalId != null) {
            json.put("externalId", externalId);
        }
        var tagArray = json.putArray("tags");
        tags.forEach(tagArray::add);
        return json;
    }
}
