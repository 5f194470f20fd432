package dev.attest.notification.service;

import dev.attest.common.tenant.OrganizationErasure.Erasure;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What notification-service erases of a deleted organization (common's OrganizationErasure, in the inbox transaction
 * of {@code attest.tenant.organization-deleted.v1}): its webhook endpoints (sealed signing secrets, custom header
 * values) with their rate-limit buckets, deliveries and attempts, its webhook messages (payloads), its admins'
 * addresses, its users' projects, its in-app notifications and its emails (recipients and contents).
 *
 * <p>The order in which common runs these statements is not defined (an {@code Instance} of beans), so each one is
 * safe alone: deleting an endpoint cascades to its deliveries, their attempts and its bucket ({@code on delete
 * cascade} of V1 and V3), and the messages' statement first deletes whatever deliveries still refer to them, in the
 * same statement (their foreign key has no cascade; it is checked at the end of the statement). The counts do not
 * depend on the order either: each statement counts only its own table's rows.
 *
 * <p>Kept: the audit trail's entries of the organization's endpoint changes (an append-only chain that an erased
 * entry would break; no secret or header value is in them, and its retention deletes them), and common's inbox and
 * outbox rows (purged by common).
 */
public class OrganizationDataErasure {
    /** Its signing secrets; the deliveries, attempts and rate-limit bucket of each endpoint go with it. */
    @Produces
    @Singleton
    Erasure webhookEndpoints() {
        return new Erasure("webhook_endpoint", "delete from webhook_endpoint where org_id = ?");
    }

    /** The messages' payloads, with any delivery still referring to them (and its attempts). */
    @Produces
    @Singleton
    Erasure webhookMessages() {
        return new Erasure(
                "webhook_message",
                "with org as (select ?::text as id),"
                        + " deliveries as (delete from webhook_delivery where message_id in"
                        + " (select m.id from webhook_message m, org where m.org_id = org.id))"
                        + " delete from webhook_message m using org where m.org_id = org.id");
    }

    /** The admins' email addresses. */
    @Produces
    @Singleton
    Erasure orgAdmins() {
        return new Erasure("org_admin", "delete from org_admin where org_id = ?");
    }

    /** Which project each of its users belongs to. */
    @Produces
    @Singleton
    Erasure userProjects() {
        return new Erasure("user_project", "delete from user_project where org_id = ?");
    }

    /** Its users' and admins' in-app notifications. */
    @Produces
    @Singleton
    Erasure notifications() {
        return new Erasure("notification", "delete from notification where org_id = ?");
    }

    /**
     * Every email about it (to its admins, and the security contacts' copies of its incidents): recipients and
     * contents. One still pending is not sent; the incident itself stays at the gateway.
     */
    @Produces
    @Singleton
    Erasure emails() {
        return new Erasure("email_message", "delete from email_message where org_id = ?");
    }
}
