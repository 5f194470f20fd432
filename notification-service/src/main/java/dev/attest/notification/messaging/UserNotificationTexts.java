package dev.attest.notification.messaging;

import dev.attest.contracts.EventTypes;
import dev.attest.notification.messaging.in.UserEvent;
import dev.attest.notification.service.InAppNotifications.Content;
import java.util.Optional;

/** What a user is told about an event that concerns them: type, readable text, where it leads. */
public final class UserNotificationTexts {
    private UserNotificationTexts() {}

    public static Optional<Content> of(String eventType, UserEvent e) {
        return switch (eventType) {
            case EventTypes.Kyc.CASE_OPENED -> kyc("kyc.started", "Your identity verification has started.", e);
            case EventTypes.Kyc.STATUS_CHANGED -> kycStatus(e);
            case EventTypes.Kyc.BUSINESS_CASE_OPENED -> business(
                    "kyb.started", "Your business verification has started.", e);
            case EventTypes.Kyc.BUSINESS_STATUS_CHANGED -> businessStatus(e);
            case EventTypes.Wallet.PROVISIONED -> Optional.of(
                    new Content("wallet.provisioned", "Your wallet is ready.", "/wallets/" + e.walletId()));
            case EventTypes.Wallet.PROVISIONING_FAILED -> e.finalFailure()
                    ? Optional.of(new Content(
                            "wallet.failed", "We could not create your wallet. Support has been told.", "/wallets"))
                    : Optional.empty();
            case EventTypes.Wallet.TRANSFER_STATUS_CHANGED -> transfer(e);
            case EventTypes.Identity.CLAIM_ISSUED -> Optional.of(
                    new Content("claim.issued", "Your verified identity claim was issued.", "/identity"));
            case EventTypes.Identity.CLAIM_REVOKED -> Optional.of(
                    new Content("claim.revoked", "Your verified identity claim was revoked.", "/identity"));
                // confirmed adds nothing the user can act on: stored already says the document is safe
            case EventTypes.Document.STORED -> document(
                    "document.stored", "Your document was received and stored, encrypted.", e);
            case EventTypes.Document.STORAGE_FAILED -> document(
                    "document.failed", "We could not store your document. Support has been told.", e);
            case EventTypes.Document.CASE_DECIDED -> documentDecision(e);
            default -> Optional.empty();
        };
    }

    private static Optional<Content> kycStatus(UserEvent e) {
        if (e.status() == null) {
            return Optional.empty();
        }
        return switch (e.status()) {
            case "pending" -> kyc("kyc.pending", "Your identity verification is waiting for your documents.", e);
            case "review" -> kyc("kyc.in-review", "Your identity verification is being reviewed.", e);
            case "verified" -> kyc("kyc.verified", "Your identity is verified.", e);
            case "rejected" -> kyc("kyc.declined", "Your identity verification was declined.", e);
            default -> Optional.empty();
        };
    }

    private static Optional<Content> businessStatus(UserEvent e) {
        if (e.status() == null) {
            return Optional.empty();
        }
        return switch (e.status()) {
            case "pending" -> business("kyb.pending", "Your business verification is waiting for its owners.", e);
            case "review" -> business("kyb.in-review", "Your business verification is being reviewed.", e);
            case "verified" -> business("kyb.verified", "Your business is verified.", e);
            case "rejected" -> business("kyb.declined", "Your business verification was declined.", e);
            default -> Optional.empty();
        };
    }

    private static Optional<Content> business(String type, String text, UserEvent e) {
        return Optional.of(new Content(type, text, "/kyb/" + e.businessCaseId()));
    }

    private static Optional<Content> kyc(String type, String text, UserEvent e) {
        return Optional.of(new Content(type, text, "/kyc/cases/" + e.caseId()));
    }

    private static Optional<Content> document(String type, String text, UserEvent e) {
        return Optional.of(new Content(type, text, "/documents/cases/" + e.caseId()));
    }

    private static Optional<Content> documentDecision(UserEvent e) {
        if (e.decision() == null) {
            return Optional.empty();
        }
        return switch (e.decision()) {
            case "approved" -> document("document.approved", "Your documents were approved.", e);
            case "rejected" -> document("document.rejected", "Your documents were declined.", e);
            default -> Optional.empty();
        };
    }

    private static Optional<Content> transfer(UserEvent e) {
        if (e.status() == null) {
            return Optional.empty();
        }
        String link = "/transfers/" + e.transferId();
        return switch (e.status()) {
            case "pending" -> Optional.of(new Content("transfer.requested", "Your transfer was requested.", link));
                // executing is Dfns signing: one notification when the signed transfer is broadcast is enough
            case "broadcasted" -> Optional.of(
                    new Content("transfer.broadcast", "Your transfer was signed and broadcast.", link));
            case "confirmed" -> Optional.of(new Content("transfer.confirmed", "Your transfer is confirmed.", link));
            case "failed" -> Optional.of(new Content("transfer.failed", "Your transfer failed.", link));
            case "rejected" -> Optional.of(new Content("transfer.rejected", "Your transfer was rejected.", link));
            default -> Optional.empty();
        };
    }
}
