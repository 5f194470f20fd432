package dev.attest.gateway.support;

/** Every scope, for keys whose scopes are beside the point of a test. */
public final class ApiScopesForTests {
    public static final String[] ALL = dev.attest.gateway.security.ApiScopes.ALL.toArray(String[]::new);

    private ApiScopesForTests() {}
}
