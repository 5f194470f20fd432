package dev.attest.compliance.support;

import dev.attest.common.security.Roles;
import dev.attest.testing.GatewayTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.lang.reflect.Field;
import java.security.KeyPair;
import java.util.Set;

/**
 * A signed-in user's token naming a project, as the gateway issues it for OIDC users with
 * {@code Attest-Project} (this session's contract). test-support's GatewayTokens has no such builder yet,
 * so this signs with its key pair, reached by reflection; to be replaced by a GatewayTokens method.
 */
public final class ProjectTokens {
    private ProjectTokens() {}

    public static String user(String orgId, String projectId, String subject) {
        GatewayTokens.user(orgId, subject, Roles.USER); // makes sure the key pair exists
        return Jwt.issuer("attest-gateway")
                .audience("attest-services")
                .subject(subject)
                .claim("org_id", orgId)
                .claim("project_id", projectId)
                .groups(Set.of(Roles.USER))
                .expiresIn(60)
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .sign(keys().getPrivate());
    }

    private static KeyPair keys() {
        try {
            Field field = GatewayTokens.class.getDeclaredField("keys");
            field.setAccessible(true);
            return (KeyPair) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
