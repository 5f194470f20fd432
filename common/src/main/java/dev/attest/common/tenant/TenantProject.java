package dev.attest.common.tenant;

/**
 * A project as the gateway last announced it on {@code attest.tenant.v1}, with every attribute the gateway
 * publishes: compliance-service reads its {@code kycProvider} and {@code kycFallbackProvider} (null: none),
 * wallet-service its {@code walletNetwork}.
 */
public record TenantProject(
        String projectId,
        String orgId,
        String name,
        String environment,
        String kycProvider,
        String walletNetwork,
        String kycFallbackProvider) {}
