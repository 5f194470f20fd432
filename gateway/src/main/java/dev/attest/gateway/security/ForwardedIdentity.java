package dev.attest.gateway.security;

import java.util.Optional;
import java.util.Set;

/**
 * What the gateway states about a caller to the services, once it has decided the caller's organization
 * and rights: exactly the claims of the gateway token.
 */
public record ForwardedIdentity(
        String subject,
        Optional<String> orgId,
        Optional<String> orgSlug,
        Optional<String> projectId,
        Set<String> roles,
        Set<String> scopes,
        Optional<String> email) {}
