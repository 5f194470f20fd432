package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.web3j.crypto.WalletUtils;

/**
 * Transfers of the stand-in's wallets: validated as Dfns validates them, idempotent by externalId,
 * signed with the wallet's key and broadcast to the node; the mined receipt decides Confirmed or Failed.
 * Every status change is announced to the org's webhooks.
 */
@ApplicationScoped
public class Transfers {
    private static final Logger LOG = Logger.getLogger(Transfers.class);
    private static final List<String> KINDS = List.of("Native", "Erc20");

    private final EvmChain chain;
    private final Webhooks webhooks;
    private final Faults faults;
    private final List<SandboxTransfer> ordered = new CopyOnWriteArrayList<>();
    private final Map<String, SandboxTransfer> byId = new ConcurrentHashMap<>();
    private final Map<String, Long> confirmNotBefore = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newScheduledThreadPool(2);

    /** The answer to a create: the transfer, and whether it is an earlier one (same externalId and body). */
    record Created(SandboxTransfer transfer, boolean existing) {}

    Transfers(EvmChain chain, Webhooks webhooks, Faults faults, DfnsSandboxConfig config) {
        this.chain = chain;
        this.webhooks = webhooks;
        this.faults = faults;
        long every = config.receiptPollInterval().toMillis();
        worker.scheduleWithFixedDelay(this::checkReceipts, every, every, TimeUnit.MILLISECONDS);
    }

    synchronized Created create(SandboxWallet wallet, String tokenId, ObjectNode body) {
        validate(body);
        String externalId =
                body.hasNonNull("externalId") ? body.get("externalId").asText() : null;
        if (externalId != null) {
            for (SandboxTransfer earlier : ordered) {
                if (earlier.orgId.equals(wallet.orgId()) && externalId.equals(earlier.externalId)) {
                    if (earlier.walletId.equals(wallet.id()) && earlier.requestBody.equals(body)) {
                        return new Created(earlier, true);
                    }
                    ObjectNode duplicate = DfnsJson.object();
                    duplicate.putObject("duplicate").put("id", earlier.id).put("externalId", externalId);
                    throw DfnsApiException.conflict("Conflicting transfer with same externalId", duplicate);
                }
            }
        }
        boolean rejected = faults.take("rejection", null).isPresent();
        boolean pending = rejected || faults.take("policy-pending", null).isPresent();
        SandboxTransfer transfer = new SandboxTransfer(wallet, tokenId, body, pending ? "Pending" : "Executing");
        ordered.add(transfer);
        byId.put(transfer.id, transfer);
        announce(transfer, "wallet.transfer.requested");
        if (rejected) {
            worker.schedule(() -> reject(transfer, "Rejected by policy"), 100, TimeUnit.MILLISECONDS);
        } else if (!pending) {
            worker.execute(() -> execute(wallet, transfer));
        }
        return new Created(transfer, false);
    }

    SandboxTransfer get(SandboxWallet wallet, String transferId) {
        SandboxTransfer transfer = byId.get(transferId);
        if (transfer == null || !transfer.walletId.equals(wallet.id())) {
            throw DfnsApiException.notFound("Transfer " + transferId);
        }
        return transfer;
    }

    ObjectNode list(SandboxWallet wallet, Integer limit, String token) {
        List<SandboxTransfer> mine =
                ordered.stream().filter(t -> t.walletId.equals(wallet.id())).toList();
        return Pages.page(mine, t -> t.id, SandboxTransfer::toJson, limit, token);
    }

    /** Scripted policy decision on a Pending transfer. */
    void decide(SandboxWallet wallet, String transferId, boolean approve) {
        SandboxTransfer transfer = get(wallet, transferId);
        if (!"Pending".equals(transfer.status())) {
            throw DfnsApiException.badRequest("Transfer " + transferId + " is not pending approval");
        }
        if (approve) {
            transfer.executing();
            worker.execute(() -> execute(wallet, transfer));
        } else {
            reject(transfer, "Rejected by approver");
        }
    }

    private void reject(SandboxTransfer transfer, String reason) {
        transfer.rejected(reason);
        announce(transfer, "wallet.transfer.rejected");
    }

    private void execute(SandboxWallet wallet, SandboxTransfer transfer) {
        JsonNode body = transfer.requestBody;
        try {
            BigInteger amount = new BigInteger(body.get("amount").asText());
            String to = body.get("to").asText();
            String hash = "Erc20".equals(body.get("kind").asText())
                    ? chain.sendErc20(wallet.keys(), body.get("contract").asText(), to, amount)
                    : chain.sendNative(wallet.keys(), to, amount);
            faults.take("slow-confirmation", null)
                    .ifPresent(f -> confirmNotBefore.put(
                            transfer.id, System.currentTimeMillis() + f.delay().toMillis()));
            transfer.broadcasted(hash);
            announce(transfer, "wallet.transfer.broadcasted");
        } catch (RuntimeException e) {
            LOG.debugf("transfer %s failed: %s", transfer.id, e.getMessage());
            transfer.failed(e.getMessage());
            announce(transfer, "wallet.transfer.failed");
        }
    }

    private void checkReceipts() {
        for (SandboxTransfer transfer : ordered) {
            if (!"Broadcasted".equals(transfer.status())
                    || confirmNotBefore.getOrDefault(transfer.id, 0L) > System.currentTimeMillis()) {
                continue;
            }
            try {
                chain.receipt(transfer.txHash()).ifPresent(receipt -> {
                    if (receipt.isStatusOK()) {
                        transfer.confirmed();
                        announce(transfer, "wallet.transfer.confirmed");
                    } else {
                        transfer.failed("Transaction reverted on-chain");
                        announce(transfer, "wallet.transfer.failed");
                    }
                });
            } catch (RuntimeException e) {
                LOG.debugf("receipt of %s not readable yet: %s", transfer.id, e.getMessage());
            }
        }
    }

    private void announce(SandboxTransfer transfer, String kind) {
        ObjectNode data = DfnsJson.object();
        data.set("transferRequest", transfer.toJson());
        webhooks.publish(transfer.orgId, kind, data);
    }

    private static void validate(ObjectNode body) {
        String kind = body.path("kind").asText("");
        if (!KINDS.contains(kind)) {
            throw DfnsApiException.badRequest("kind must be one of " + KINDS);
        }
        if (!WalletUtils.isValidAddress(body.path("to").asText(""))
                || !body.path("to").asText().startsWith("0x")) {
            throw DfnsApiException.badRequest("to is not a valid address for this network");
        }
        String amount = body.path("amount").asText("");
        if (!body.path("amount").isTextual() || !amount.matches("[0-9]+") || new BigInteger(amount).signum() <= 0) {
            throw DfnsApiException.badRequest("amount must be a positive integer string in the minimum denomination");
        }
        if ("Erc20".equals(kind)
                && !WalletUtils.isValidAddress(body.path("contract").asText(""))) {
            throw DfnsApiException.badRequest("contract is not a valid address");
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
