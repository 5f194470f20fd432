package dev.attest.gateway.security;

import dev.attest.common.security.Roles;
import dev.attest.gateway.service.ApiKeyService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a presented API key into an identity: role {@code api-key}, the key's grant as an attribute. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    /** The routing context's entry for a refused key's {@link ApiKeyService.KeyCheck}. */
    public static final String REFUSAL = "attest.api-key.refusal";

    private final ApiKeyService apiKeys;

    ApiKeyIdentityProvider(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ApiKeyService.KeyCheck check = apiKeys.authenticate(request.key());
            if (check.grant().isEmpty()) {
                // why, for the security monitoring's edge signals (EdgeSignals); the caller learns nothing of it
                RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
                if (routing != null) {
                    routing.put(REFUSAL, check);
                }
                throw new AuthenticationFailedException("invalid API key");
            }
            EdgeCaller.ApiKeyGrant grant = check.grant().get();
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(grant.keyId().toString()))
                    .addRole(Roles.API_KEY)
                    .addAttribute(EdgeCaller.API_KEY_ATTRIBUTE, grant)
                    .build();
        });
    }
}
