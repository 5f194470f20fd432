package dev.attest.gateway.security;

import dev.attest.common.security.Roles;
import dev.attest.gateway.service.ApiKeyService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a presented API key into an identity: role {@code api-key}, the key's grant as an attribute. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
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
            EdgeCaller.ApiKeyGrant grant = apiKeys.authenticate(request.key())
                    .orElseThrow(() -> new AuthenticationFailedException("invalid API key"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(grant.keyId().toString()))
                    .addRole(Roles.API_KEY)
                    .addAttribute(EdgeCaller.API_KEY_ATTRIBUTE, grant)
                    .build();
        });
    }
}
