package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/**
 * Dfns's signature generation for a wallet's key ({@code POST /wallets/{walletId}/signatures}), for the EVM kinds
 * {@code Hash} (the 32-byte digest signed as it is), {@code Message} (hex bytes, signed as EIP-191's
 * {@code personal_sign}) and {@code Eip712} (typed data: {@code types} without {@code EIP712Domain}, the primary
 * type being the one no other type refers to, as Dfns and ethers read it). Signing is synchronous, as Dfns's is
 * for a wallet without policies: the answer is {@code Signed} with {@code signature: {r, s, recid, encoded}},
 * {@code encoded} being r ‖ s ‖ v (v = 27 + recid), the form Ethereum contracts recover from. Idempotent by
 * {@code externalId} like transfers.
 */
@ApplicationScoped
public class Signatures {
    private static final List<String> KINDS = List.of("Hash", "Message", "Eip712");
    private static final Pattern HEX = Pattern.compile("(0x)?([0-9a-fA-F]{2})*");
    private static final List<String[]> DOMAIN_FIELDS = List.of(
            new String[] {"name", "string"},
            new String[] {"version", "string"},
            new String[] {"chainId", "uint256"},
            new String[] {"verifyingContract", "address"},
            new String[] {"salt", "bytes32"});

    private final List<SandboxSignature> ordered = new CopyOnWriteArrayList<>();
    private final Map<String, SandboxSignature> byId = new ConcurrentHashMap<>();

    /** The answer to a request: the signature, and whether an earlier request (same externalId and body) made it. */
    record Created(SandboxSignature signature, boolean existing) {}

    /** A signature request of a wallet, signed at once. */
    record SandboxSignature(
            String id,
            String walletId,
            String orgId,
            String network,
            String keyId,
            String tokenId,
            ObjectNode requestBody,
            String externalId,
            Sign.SignatureData signature,
            Instant dateRequested,
            Instant dateSigned) {

        ObjectNode toJson() {
            ObjectNode json = DfnsJson.object();
            json.put("id", id);
            json.put("walletId", walletId);
            json.put("network", network);
            json.put("keyId", keyId);
            json.putObject("requester")
                    .put("userId", "us-sandbox-service-account")
                    .put("tokenId", tokenId);
            json.set("requestBody", requestBody);
            json.put("status", "Signed");
            int v = Byte.toUnsignedInt(signature.getV()[0]);
            ObjectNode sig = json.putObject("signature");
            sig.put("r", Numeric.toHexString(signature.getR()));
            sig.put("s", Numeric.toHexString(signature.getS()));
            sig.put("recid", v - 27);
            byte[] encoded = new byte[65];
            System.arraycopy(signature.getR(), 0, encoded, 0, 32);
            System.arraycopy(signature.getS(), 0, encoded, 32, 32);
            encoded[64] = (byte) v;
            sig.put("encoded", Numeric.toHexString(encoded));
            json.put("dateRequested", dateRequested.toString());
            json.put("dateSigned", dateSigned.toString());
            json.put("externalId", externalId);
            return json;
        }
    }

    /** Validates the request before anything is signed; then signs with the wallet's key. */
    synchronized Created create(SandboxWallet wallet, String tokenId, ObjectNode body) {
        byte[] digest = digest(body);
        String externalId =
                body.hasNonNull("externalId") ? body.get("externalId").asText() : null;
        if (externalId != null) {
            for (SandboxSignature earlier : ordered) {
                if (earlier.orgId().equals(wallet.orgId()) && externalId.equals(earlier.externalId())) {
                    if (earlier.walletId().equals(wallet.id())
                            && earlier.requestBody().equals(body)) {
                        return new Created(earlier, true);
                    }
                    ObjectNode duplicate = DfnsJson.object();
                    duplicate.putObject("duplicate").put("id", earlier.id()).put("externalId", externalId);
                    throw DfnsApiException.conflict("Conflicting signature with same externalId", duplicate);
                }
            }
        }
        Instant requested = Instant.now();
        Sign.SignatureData signature = Sign.signMessage(digest, wallet.keys().getEcKeyPair(), false);
        SandboxSignature created = new SandboxSignature(
                Ids.next("sig"),
                wallet.id(),
                wallet.orgId(),
                wallet.network(),
                wallet.keyId(),
                tokenId,
                body,
                externalId,
                signature,
                requested,
                Instant.now());
        ordered.add(created);
        byId.put(created.id(), created);
        return new Created(created, false);
    }

    SandboxSignature get(SandboxWallet wallet, String signatureId) {
        SandboxSignature signature = byId.get(signatureId);
        if (signature == null || !signature.walletId().equals(wallet.id())) {
            throw DfnsApiException.notFound("Signature " + signatureId);
        }
        return signature;
    }

    ObjectNode list(SandboxWallet wallet, Integer limit, String token) {
        List<SandboxSignature> mine =
                ordered.stream().filter(s -> s.walletId().equals(wallet.id())).toList();
        return Pages.page(mine, SandboxSignature::id, SandboxSignature::toJson, limit, token);
    }

    /** The 32 bytes the key signs, as Dfns derives them from each kind; bad input is refused here. */
    static byte[] digest(ObjectNode body) {
        String kind = body.path("kind").asText("");
        return switch (kind) {
            case "Hash" -> {
                byte[] hash = hex(body.get("hash"), "hash");
                if (hash.length != 32) {
                    throw DfnsApiException.badRequest("hash must be 32 bytes in hex");
                }
                yield hash;
            }
            case "Message" -> {
                byte[] message = hex(body.get("message"), "message");
                if (message.length == 0) {
                    throw DfnsApiException.badRequest("message must not be empty");
                }
                yield Sign.getEthereumMessageHash(message);
            }
            case "Eip712" -> typedDataHash(body);
            default -> throw DfnsApiException.badRequest(
                    "kind " + (kind.isEmpty() ? "(missing)" : kind) + " is not supported; use one of " + KINDS);
        };
    }

    private static byte[] hex(JsonNode value, String field) {
        if (value == null || !value.isTextual() || !HEX.matcher(value.asText()).matches()) {
            throw DfnsApiException.badRequest(field + " must be a hex string");
        }
        return Numeric.hexStringToByteArray(value.asText());
    }

    // EIP-712: Dfns's body has types (without EIP712Domain), domain and message, and no primaryType.
    private static byte[] typedDataHash(ObjectNode body) {
        JsonNode types = body.get("types");
        JsonNode domain = body.get("domain");
        JsonNode message = body.get("message");
        if (!(types instanceof ObjectNode) || !(domain instanceof ObjectNode) || !(message instanceof ObjectNode)) {
            throw DfnsApiException.badRequest("Eip712 needs the objects types, domain and message");
        }
        ObjectNode typed = DfnsJson.object();
        ObjectNode allTypes = typed.putObject("types");
        ArrayNode domainType = allTypes.putArray("EIP712Domain");
        for (String[] field : DOMAIN_FIELDS) {
            if (domain.hasNonNull(field[0])) {
                domainType.addObject().put("name", field[0]).put("type", field[1]);
            }
        }
        types.fields().forEachRemaining(type -> allTypes.set(type.getKey(), type.getValue()));
        typed.put("primaryType", primaryType((ObjectNode) types));
        typed.set("domain", domain);
        typed.set("message", message);
        try {
            return new StructuredDataEncoder(DfnsJson.write(typed)).hashStructuredData();
        } catch (IOException | RuntimeException e) {
            throw DfnsApiException.badRequest("Eip712 typed data is not valid: " + e.getMessage());
        }
    }

    /** The one type that no other type's fields refer to. */
    private static String primaryType(ObjectNode types) {
        Set<String> referenced = new HashSet<>();
        types.forEach(fields -> fields.forEach(
                field -> referenced.add(field.path("type").asText().replaceAll("\\[\\d*]", ""))));
        List<String> roots = new ArrayList<>();
        for (Iterator<String> names = types.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!referenced.contains(name)) {
                roots.add(name);
            }
        }
        if (roots.size() != 1) {
            throw DfnsApiException.badRequest("Eip712 types must have exactly one primary type, found " + roots);
        }
        return roots.get(0);
    }
}
