package dev.attest.document.support;

import dev.attest.testing.GatewayTokens;

/** A person in a test: their organization, subject, roles, and their browser's key pair. */
public record Party(String orgId, String subject, String[] roles, Browser browser) {

    public static Party user(String orgId, String subject) {
        return new Party(orgId, subject, new String[] {"user"}, new Browser());
    }

    public static Party reviewer(String orgId, String subject) {
        return new Party(orgId, subject, new String[] {"org-admin"}, new Browser());
    }

    public String token() {
        return GatewayTokens.user(orgId, subject, roles);
    }
}
