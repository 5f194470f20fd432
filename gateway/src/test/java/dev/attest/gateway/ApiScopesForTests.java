package dev.attest.gateway;

/** Every scope, for keys whose scopes are beside the point of a test. */
final class ApiScopesForTests {
    static final String[] ALL = dev.attest.gateway.security.ApiScopes.ALL.toArray(String[]::new);

    private ApiScopesForTests() {}
}
