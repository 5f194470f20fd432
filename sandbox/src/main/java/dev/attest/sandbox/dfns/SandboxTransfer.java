package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A transfer request of the stand-in and its Dfns lifecycle: Pending → Executing → Broadcasted → Confirmed|Failed|Rejected. */
final class SandboxTransfer {
    final String id;
    final String walletId;
    final String orgId;
    final String network;
    final String tokenId;
    final ObjectNode requestBody;
    final String externalId;
    final Instant dateRequested = Instant.now();
    private String status;
    private String reason;
    private String txHash;
    private Instant datePolicyResolved;
    private Instant dateBroadcasted;
    private Instant dateConfirmed;

    SandboxTransfer(SandboxWallet wallet, String tokenId, ObjectNode requestBody, String status) {
        this.id = Ids.next("xfr");
        this.walletId = wallet.id();
        this.orgId = wallet.orgId();
        this.network = wallet.network();
        this.tokenId = tokenId;
        this.requestBody = requestBody;
        this.externalId = requestBody.hasNonNull("externalId")
                ? requestBody.get("externalId").asText()
                : null;
        this.status = status;
    }

    synchronized String status() {
        return status;
    }

    synchronized String txHash() {
        return txHash;
    }

    synchronized void executing() {
        status = "Executing";
        datePolicyResolved = Instant.now();
    }

    synchronized void rejected(String why) {
        status = "Rejected";
        reason = why;
        datePolicyResolved = Instant.now();
    }

    synchronized void broadcasted(String hash) {
        status = "Broadcasted";
        txHash = hash;
        dateBroadcasted = Instant.now();
    }

    synchronized void confirmed() {
        status = "Confirmed";
        dateConfirmed = Instant.now();
    }

    synchronized void failed(String why) {
        status = "Failed";
        reason = why;
    }

    synchronized ObjectNode toJson() {
        ObjectNode json = DfnsJson.object();
        json.put("id", id);
        json.put("walletId", walletId);
        json.put("network", network);
        json.putObject("requester").put("userId", "us-sandbox-service-account").put("tokenId", tokenId);
        json.set("requestBody", requestBody);
        boolean token = "Erc20".equals(requestBody.path("kind").asText());
        ObjectNode asset = json.putObject("metadata").putObject("asset");
        if (!token) {
            asset.put("symbol", "ETH").put("decimals", 18).put("verified", true);
        }
        json.put("status", status);
        json.put("reason", reason);
        json.put("txHash", txHash);
        json.put("dateRequested", dateRequested.toString());
        json.put("datePolicyResolved", datePolicyResolved == null ? null : datePolicyResolved.toString());
        json.put("dateBroadcasted", dateBroadcasted == null ? null : dateBroadcasted.toString());
        json.put("dateConfirmed", dateConfirmed == null ? null : dateConfirmed.toString());
        json.put("externalId", externalId);
        return json;
    }
}
