package dev.attest.gateway.support;

import java.util.List;
import java.util.Map;

/**
 * Every path the services serve (their JAX-RS paths, as their OpenAPI documents state them), by service: all
 * of them are public, so the gateway must route each to its service. {@code RouteTableTest} (in {@code dev.attest.gateway.proxy}) checks this list
 * against the services' compiled resources, when the reactor has built them.
 */
public final class ServicePaths {
    private ServicePaths() {}

    public static final Map<String, List<String>> BY_SERVICE = Map.of(
            "compliance-service",
            List.of(
                    "/compliance/kyc",
                    "/compliance/kyc/me",
                    "/compliance/kyc/{case_id}",
                    "/compliance/kyc/{case_id}/claim",
                    "/compliance/kyc/{case_id}/steps",
                    "/compliance/kyb",
                    "/compliance/kyb/me",
                    "/compliance/kyb/{id}",
                    "/compliance/kyb/{id}/claim",
                    "/compliance/kyb/{id}/owners/{owner_id}/link",
                    "/orgs/{org}/integrations/persona",
                    "/orgs/{org}/integrations/persona/test",
                    "/orgs/{org}/integrations/persona/webhooks",
                    "/orgs/{org}/integrations/persona/webhooks/refusals",
                    "/orgs/{org}/integrations/sumsub",
                    "/orgs/{org}/integrations/sumsub/test",
                    "/orgs/{org}/kyc/cases",
                    "/orgs/{org}/kyc/cases/{case_id}",
                    "/orgs/{org}/kyc/cases/{case_id}/decision",
                    "/orgs/{org}/kyc/cases/{case_id}/history",
                    "/orgs/{org}/kyc/cases/{case_id}/steps",
                    "/orgs/{org}/kyb/cases",
                    "/orgs/{org}/kyb/cases/{id}",
                    "/orgs/{org}/kyb/cases/{id}/decision",
                    "/platform/persona/webhooks/refusals",
                    "/webhooks/persona/health",
                    "/webhooks/persona/inquiry",
                    "/webhooks/persona/{org}",
                    "/webhooks/sumsub/{org}"),
            "wallet-service",
            List.of(
                    "/orgs/{org}/integrations/dfns",
                    "/orgs/{org}/integrations/dfns/test",
                    "/orgs/{org}/spending-policy",
                    "/orgs/{org}/sponsorship/{project_id}",
                    "/orgs/{org}/transactions",
                    "/orgs/{org}/transfer-approvals",
                    "/orgs/{org}/transfer-approvals/{transfer_id}/approve",
                    "/orgs/{org}/transfer-approvals/{transfer_id}/reject",
                    "/orgs/{org}/users/{user_id}/wallet/retry",
                    "/orgs/{org}/wallets",
                    "/paymaster/{project_id}",
                    "/wallets/me",
                    "/wallets/{wallet_id}/assets",
                    "/wallets/{wallet_id}/transfers",
                    "/wallets/{wallet_id}/transfers/{transfer_id}",
                    "/webhooks/dfns/{org}"),
            "identity-service",
            List.of("/identities/me", "/identities/verify", "/identities/{user}"),
            "notification-service",
            List.of(
                    "/notifications/me",
                    "/notifications/me/read-all",
                    "/notifications/me/stream",
                    "/notifications/{id}/read",
                    "/orgs/{org}/projects/{project}/webhooks/endpoints",
                    "/orgs/{org}/projects/{project}/webhooks/endpoints/{id}",
                    "/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/messages",
                    "/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/messages/{message}/resend",
                    "/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/recover",
                    "/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/secret/rotate",
                    "/orgs/{org}/projects/{project}/webhooks/endpoints/{id}/test"),
            "document-service",
            List.of(
                    "/documents/cases",
                    "/documents/cases/{case_id}",
                    "/documents/cases/{case_id}/decision",
                    "/documents/cases/{case_id}/documents",
                    "/documents/cases/{case_id}/recipients",
                    "/documents/keys/me",
                    "/documents/keys/{subject}",
                    "/documents/projects/{project}/requirements",
                    "/documents/shared-with-me",
                    "/documents/uploads",
                    "/documents/uploads/{document_id}",
                    "/documents/{document_id}/ciphertext",
                    "/documents/{document_id}/grants",
                    "/documents/{document_id}/key",
                    "/documents/{document_id}/releases"));

    /** A concrete path: {@code {org}} and {@code {project}} as given, every other parameter {@code other}. */
    public static String concrete(String template, String org, String project, String other) {
        return template.replace("{org}", org).replace("{project}", project).replaceAll("\\{[^/}]+}", other);
    }
}
