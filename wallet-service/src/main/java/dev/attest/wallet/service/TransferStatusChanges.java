package dev.attest.wallet.service;

import dev.attest.common.outbox.Outbox;
import dev.attest.wallet.Transfer;
import dev.attest.wallet.events.WalletEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** A transfer's move to a new status, announced through the outbox in the caller's transaction. */
@ApplicationScoped
public class TransferStatusChanges {
    private final Outbox outbox;

    TransferStatusChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    public void move(Transfer transfer, String status) {
        String previous = transfer.status;
        transfer.status = status;
        transfer.updatedAt = Instant.now();
        outbox.publish(WalletEvents.transferStatusChanged(transfer, previous));
    }
}
