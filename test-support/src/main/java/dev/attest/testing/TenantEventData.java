package dev.attest.testing;

import java.util.Map;

/**
 * The data of the gateway's tenant events ({@code attest.tenant.v1}) as their JSON Schemas state it, for the tests of
 * the tenant replica (common's and the services that keep it): one place that writes them.
 */
public final class TenantEventData {
    private TenantEventData() {}

    /** {@code attest.tenant.organization-created.v1} / {@code -updated.v1}, named "Org &lt;slug&gt;". */
    public static Map<String, String> organization(String orgId, String slug) {
        return Map.of("org_id", orgId, "slug", slug, "name", "Org " + slug);
    }

    /** {@code attest.tenant.project-created.v1} / {@code -updated.v1}: a sandbox project named "Project". */
    public static Map<String, String> project(
            String orgId, String projectId, String kycProvider, String walletNetwork) {
        return Map.of(
                "org_id", orgId,
                "project_id", projectId,
                "name", "Project",
                "environment", "sandbox",
                "kyc_provider", kycProvider,
                "wallet_network", walletNetwork);
    }

    /** As {@link #project(String, String, String, String)}, with a fallback KYC provider. */
    public static Map<String, String> project(
            String orgId, String projectId, String kycProvider, String kycFallbackProvider, String walletNetwork) {
        Map<String, String> data = new java.util.HashMap<>(project(orgId, projectId, kycProvider, walletNetwork));
        data.put("kyc_fallback_provider", kycFallbackProvider);
        return Map.copyOf(data);
    }
}
