package dev.attest.gateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A project API key presented as a bearer token. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest"; // never the key
    }
}
