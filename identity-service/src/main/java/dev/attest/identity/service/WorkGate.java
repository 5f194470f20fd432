package dev.attest.identity.service;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Closed when the service shuts down: the issuance round in progress stops taking new work at the next step
 * boundary. Every step is recorded before its transaction is broadcast, so whatever it leaves is continued by
 * the next start. Closed by {@link IssuanceWorker#stopRequested()} when the work is stopped; never opened again.
 */
@ApplicationScoped
public class WorkGate {
    private volatile boolean closed;

    public boolean isOpen() {
        return !closed;
    }

    /** Stops new work for good; the process is on its way out. */
    public void close() {
        closed = true;
    }
}
