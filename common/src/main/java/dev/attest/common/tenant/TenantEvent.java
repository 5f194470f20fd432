package dev.attest.common.tenant;

import dev.attest.common.inbox.IncomingEvent;

/**
 * Every event of {@code attest.tenant.v1} a service's replica consumes, fired (synchronously, as a CDI event) after
 * the replica applied it and inside the same inbox transaction: a service that keeps more of the tenancy than
 * organizations and projects (notification-service: its org admins' addresses, from member events) observes it,
 * so that one consumer, once per event, serves both. An observer's {@code PoisonEventException} sends the event to
 * the dead-letter topic; any other failure rolls the whole event back and retries it.
 */
public record TenantEvent(IncomingEvent event) {}
