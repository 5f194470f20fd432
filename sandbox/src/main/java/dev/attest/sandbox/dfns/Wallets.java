package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** The stand-in's wallets: create (idempotent by externalId), get, list; scoped by Dfns org. */
@ApplicationScoped
public class Wallets {
    private static final Logger LOG = Logger.getLogger(Wallets.class);

    private final DfnsSandboxConfig config;
    private final EvmChain chain;
    private final Webhooks webhooks;
    private final List<SandboxWallet> ordered = new CopyOnWriteArrayList<>();
    private final Map<String, SandboxWallet> byId = new ConcurrentHashMap<>();

    /** The answer to a create: the wallet, and whether an earlier create with the same externalId made it. */
    record Created(SandboxWallet wallet, boolean existing) {}

    Wallets(DfnsSandboxConfig config, EvmChain chain, Webhooks webhooks) {
        this.config = config;
        this.chain = chain;
        this.webhooks = webhooks;
    }

    /**
     * Creates a wallet, funded by the faucet. Only the bookkeeping is serialized: the funding and the webhook
     * happen outside the lock, so wallets created at once are funded at once (the faucet pipelines its nonces).
     */
    Created create(String orgId, ObjectNode body, String rawBody) {
        Created created = register(orgId, body, rawBody, firstBlock());
        if (created.existing()) {
            return created;
        }
        SandboxWallet wallet = created.wallet();
        try {
            chain.fund(wallet.address());
        } catch (RuntimeException e) {
            // An empty wallet is still a wallet; its transfers will fail on-chain for lack of funds.
            LOG.warnf("faucet could not fund %s: %s", wallet.id(), e.getMessage());
        }
        ObjectNode data = DfnsJson.object();
        data.set("wallet", wallet.toJson());
        webhooks.publish(orgId, "wallet.created", data);
        return created;
    }

    private synchronized Created register(String orgId, ObjectNode body, String rawBody, BigInteger firstBlock) {
        String network = body.path("network").asText("");
        if (!config.evmNetworks().contains(network)) {
            throw DfnsApiException.badRequest(
                    "network " + network + " is not supported; use one of " + config.evmNetworks());
        }
        String externalId =
                body.hasNonNull("externalId") ? body.get("externalId").asText() : null;
        if (externalId != null) {
            for (SandboxWallet wallet : ordered) {
                if (wallet.orgId().equals(orgId) && externalId.equals(wallet.externalId())) {
                    if (sameRequest(wallet.requestBody(), body)) {
                        return new Created(wallet, true);
                    }
                    ObjectNode duplicate = DfnsJson.object();
                    duplicate.putObject("duplicate").put("id", wallet.id()).put("externalId", externalId);
                    throw DfnsApiException.conflict("Conflicting wallet with same externalId", duplicate);
                }
            }
        }
        SandboxWallet wallet = new SandboxWallet(
                Ids.next("wa"),
                orgId,
                network,
                body.hasNonNull("name") ? body.get("name").asText() : null,
                externalId,
                tags(body.path("tags")),
                Ids.next("key"),
                Credentials.create(newKey()),
                Instant.now(),
                rawBody,
                firstBlock);
        ordered.add(wallet);
        byId.put(wallet.id(), wallet);
        return new Created(wallet, false);
    }

    SandboxWallet get(String orgId, String walletId) {
        SandboxWallet wallet = byId.get(walletId);
        if (wallet == null || !wallet.orgId().equals(orgId)) {
            throw DfnsApiException.notFound("Wallet " + walletId);
        }
        return wallet;
    }

    /** Any org's wallet, for the scripting endpoints. */
    SandboxWallet find(String walletId) {
        SandboxWallet wallet = byId.get(walletId);
        if (wallet == null) {
            throw DfnsApiException.notFound("Wallet " + walletId);
        }
        return wallet;
    }

    ObjectNode list(String orgId, Integer limit, String paginationToken) {
        List<SandboxWallet> mine =
                ordered.stream().filter(w -> w.orgId().equals(orgId)).toList();
        return Pages.page(mine, SandboxWallet::id, SandboxWallet::toJson, limit, paginationToken);
    }

    // Where the asset listing starts looking for the wallet's tokens; from genesis if the node cannot say.
    private BigInteger firstBlock() {
        try {
            return chain.blockNumber();
        } catch (RuntimeException e) {
            LOG.debugf("block number unknown, token discovery will start at genesis: %s", e.getMessage());
            return BigInteger.ZERO;
        }
    }

    private static boolean sameRequest(String earlier, ObjectNode now) {
        return DfnsJson.parseObject(earlier).equals(now);
    }

    private static List<String> tags(JsonNode tags) {
        return tags.isArray()
                ? StreamSupport.stream(tags.spliterator(), false)
                        .map(JsonNode::asText)
                        .toList()
                : List.of();
    }

    private static org.web3j.crypto.ECKeyPair newKey() {
        try {
            return Keys.createEcKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a secp256k1 key", e);
        }
    }
}
