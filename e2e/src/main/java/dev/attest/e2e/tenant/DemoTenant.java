package dev.attest.e2e.tenant;

/**
 * The local stack's demo organization as the launcher set it up: its id (a UUID made by the gateway), its
 * project, and the Persona and Dfns settings its admin stored.
 */
public record DemoTenant(String orgId, String slug, String projectId) {}
