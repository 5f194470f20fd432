package dev.attest.e2e;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the running platform is. Defaults are the local stack's ports ({@code ./attest up}); each can be
 * overridden by the environment variable named beside it, which is how the launcher passes them.
 */
public record Settings(
        String gatewayUrl,
        String oidcUrl,
        String oidcClientId,
        String keycloakAdminUser,
        String keycloakAdminPassword,
        String greenMailApiUrl,
        String evmRpcUrl,
        String sandboxUrl,
        String dfnsApiUrl,
        Path secretsDir,
        String demoOrgSlug) {

    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(
                env.getOrDefault("ATTEST_GATEWAY_URL", "http://127.0.0.1:8080"),
                env.getOrDefault("ATTEST_OIDC_URL", "http://127.0.0.1:8180/realms/attest"),
                env.getOrDefault("ATTEST_OIDC_CLIENT_ID", "attest-web"),
                env.getOrDefault("ATTEST_KEYCLOAK_ADMIN", "admin"),
                env.getOrDefault("ATTEST_KEYCLOAK_ADMIN_PASSWORD", "admin"),
                env.getOrDefault("ATTEST_GREENMAIL_API_URL", "http://127.0.0.1:8025"),
                env.getOrDefault("ATTEST_EVM_RPC_URL", "http://127.0.0.1:8545"),
                env.getOrDefault("ATTEST_SANDBOX_URL", "http://127.0.0.1:8090"),
                // Where wallet-service reaches Dfns: the sandbox's Dfns port, Dfns at the root of its own origin as
                // at Dfns (the launcher passes it; compose names the sandbox's address in its network).
                env.getOrDefault("ATTEST_DFNS_API_URL", "http://127.0.0.1:8091"),
                Path.of(env.getOrDefault("ATTEST_SECRETS_DIR", ".attest/secrets")),
                env.getOrDefault("ATTEST_DEMO_ORG", "demo"));
    }

    /** Keycloak's base URL ({@code http://host:port}), from the realm's issuer URL. */
    public String keycloakBaseUrl() {
        int realms = oidcUrl.indexOf("/realms/");
        return realms < 0 ? oidcUrl : oidcUrl.substring(0, realms);
    }

    /** The realm name, from the issuer URL. */
    public String realm() {
        int realms = oidcUrl.indexOf("/realms/");
        return realms < 0
                ? "attest"
                : oidcUrl.substring(realms + "/realms/".length()).replaceAll("/.*", "");
    }
}
