package dev.attest.gateway.security;

import java.util.Set;

/**
 * What a project API key may be granted. The gateway checks the coarse scope of each route (read for GET
 * and HEAD, write otherwise); services may check finer ones from the token's {@code scope} claim.
 */
public final class ApiScopes {
    public static final Set<String> ALL = Set.of(
            "kyc:read",
            "kyc:write",
            "wallets:read",
            "wallets:write",
            "identities:read",
            "identities:write",
            "notifications:read",
            "notifications:write",
            "documents:read",
            "documents:write");

    private ApiScopes() {}

    /** The scope a request with {@code method} to an area such as {@code kyc} needs. */
    public static String required(String area, String method) {
        boolean reads = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        return area + (reads ? ":read" : ":write");
    }
}
