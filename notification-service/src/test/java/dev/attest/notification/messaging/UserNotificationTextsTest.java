package dev.attest.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.contracts.EventTypes;
import dev.attest.notification.messaging.in.UserEvent;
import dev.attest.notification.service.InAppNotifications.Content;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which events tell the user what, and where the notification leads (the list, item by item). */
class UserNotificationTextsTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "attest.kyc.case-opened.v1,            -,           -,     kyc.started,        /kyc/cases/case-1",
                "attest.kyc.status-changed.v1,         pending,     -,     kyc.pending,        /kyc/cases/case-1",
                "attest.kyc.status-changed.v1,         review,      -,     kyc.in-review,      /kyc/cases/case-1",
                "attest.kyc.status-changed.v1,         verified,    -,     kyc.verified,       /kyc/cases/case-1",
                "attest.kyc.status-changed.v1,         rejected,    -,     kyc.declined,       /kyc/cases/case-1",
                "attest.wallet.provisioned.v1,         -,           -,     wallet.provisioned, /wallets/wallet-1",
                "attest.wallet.provisioning-failed.v1, -,           true,  wallet.failed,      /wallets",
                "attest.wallet.transfer-status-changed.v1, pending,    -,  transfer.requested, /transfers/transfer-1",
                "attest.wallet.transfer-status-changed.v1, broadcasted, -, transfer.broadcast, /transfers/transfer-1",
                "attest.wallet.transfer-status-changed.v1, confirmed,  -,  transfer.confirmed, /transfers/transfer-1",
                "attest.wallet.transfer-status-changed.v1, failed,     -,  transfer.failed,    /transfers/transfer-1",
                "attest.wallet.transfer-status-changed.v1, rejected,   -,  transfer.rejected,  /transfers/transfer-1",
                "attest.identity.claim-issued.v1,      -,           -,     claim.issued,       /identity",
                "attest.identity.claim-revoked.v1,     -,           -,     claim.revoked,      /identity",
                "attest.document.stored.v1,            -,           -,     document.stored,    /documents/cases/case-1",
                "attest.document.storage-failed.v1,    -,           -,     document.failed,    /documents/cases/case-1",
                "attest.document.case-decided.v1,      approved,    -,     document.approved,  /documents/cases/case-1",
                "attest.document.case-decided.v1,      rejected,    -,     document.rejected,  /documents/cases/case-1",
            })
    void anEventThatConcernsTheUserBecomesAReadableNotification(
            String eventType, String status, Boolean isFinal, String type, String link) {
        Optional<Content> content = UserNotificationTexts.of(eventType, event(status, isFinal));

        assertThat(content).isPresent();
        assertThat(content.get().type()).isEqualTo(type);
        assertThat(content.get().link()).isEqualTo(link);
        assertThat(content.get().text()).endsWith(".").doesNotContain("null");
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "attest.kyc.status-changed.v1,             created,   -",
                "attest.wallet.provisioning-failed.v1,     -,         false",
                "attest.wallet.transfer-status-changed.v1, executing, -",
                "attest.kyc.claim-recorded.v1,             -,         -",
                "attest.identity.created.v1,               -,         -",
                "attest.document.confirmed.v1,             -,         -",
                "attest.document.case-decided.v1,          -,         -",
                EventTypes.Wallet.TRANSFER_STATUS_CHANGED + ",    -,         -",
            })
    void intermediateOrInternalStepsTellTheUserNothing(String eventType, String status, Boolean isFinal) {
        assertThat(UserNotificationTexts.of(eventType, event(status, isFinal))).isEmpty();
    }

    private static UserEvent event(String status, Boolean isFinal) {
        return new UserEvent(
                "user-1",
                "prj-1",
                "case-1",
                "case-1",
                status,
                "provider_error",
                "wallet-1",
                "ethereum-sepolia",
                "0x01",
                "transfer-1",
                "claim-1",
                isFinal,
                "document-1",
                status, // a document case's decision: the same column of the table as the others' status
                "case-1",
                "user-1");
    }
}
