package dev.attest.wallet.client;

/**
 * Dfns answered 401 or 403 to an organization's credentials during {@code operation}: fired as a CDI
 * event by {@link DfnsClient}, so the service can alert the org's admins.
 */
public record CredentialsRejected(String orgId, String operation, int statusCode) {}
