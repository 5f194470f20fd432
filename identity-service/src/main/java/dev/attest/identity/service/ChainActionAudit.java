package dev.attest.identity.service;

import dev.attest.common.audit.AuditChanges;
import dev.attest.common.audit.AuditEntry;
import dev.attest.common.audit.AuditTrail;
import dev.attest.identity.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * What identity-service does on chain with the platform's keys, in the audit trail (issue 20, docs/audit.md): a
 * claim revoked because its verification was withdrawn (the platform's issuer acting on a reviewer's or the
 * provider's decision), and a platform contract deployed by the operator. Issuance itself is the onboarding's normal
 * course and is not recorded here: it is in the claim's events and on chain. Each entry is written in the
 * transaction that records the mined transaction, so it exists once that state does; the actor is the service
 * (no request: the trail says so).
 */
@ApplicationScoped
public class ChainActionAudit {
    private final AuditTrail trail;

    ChainActionAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** {@code claim} was revoked on chain by {@code txHash}; its identity at {@code identityAddress}. */
    void claimRevoked(Claim claim, String identityAddress, String txHash) {
        trail.record(AuditEntry.of("claim.revoked", claim.orgId, "claim", claim.id.toString())
                .withChanges(AuditChanges.of(
                        Map.of("status", "issued"),
                        Map.of(
                                "status",
                                "revoked",
                                "kyc_case_id",
                                claim.kycCaseId,
                                "topic",
                                claim.topic.toString(),
                                "identity",
                                identityAddress,
                                "revoke_tx",
                                txHash))));
    }

    /** The operator deployed the platform's contract {@code name} (a platform action: no organization). */
    void contractDeployed(long chainId, String name, String address, String txHash) {
        trail.record(AuditEntry.of("platform-contract.deployed", null, "contract", name)
                .withChanges(AuditChanges.of(
                        Map.of(), Map.of("chain_id", Long.toString(chainId), "address", address, "tx", txHash))));
    }
}
