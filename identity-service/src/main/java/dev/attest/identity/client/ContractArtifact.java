package dev.attest.identity.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The compiled bytecode of one contract, read from the npm packages' artifacts that the build copies into
 * {@code contracts/} on the class path (the contracts are GPL-3.0 dependencies, never copied into the repo), or
 * from the artifact the build compiles from {@code src/main/solidity}.
 */
public enum ContractArtifact {
    IDENTITY("Identity.sol/Identity.json"),
    IMPLEMENTATION_AUTHORITY("proxy/ImplementationAuthority.sol/ImplementationAuthority.json"),
    IDENTITY_PROXY("proxy/IdentityProxy.sol/IdentityProxy.json"),
    ID_FACTORY("factory/IdFactory.sol/IdFactory.json"),
    CLAIM_ISSUER("ClaimIssuer.sol/ClaimIssuer.json"),
    CLAIM_TOPICS_REGISTRY("ClaimTopicsRegistry.sol/ClaimTopicsRegistry.json"),
    TRUSTED_ISSUERS_REGISTRY("TrustedIssuersRegistry.sol/TrustedIssuersRegistry.json"),
    /** The platform's own contract (src/main/solidity), compiled by the build. */
    IDENTITY_ONBOARDER("IdentityOnboarder.sol/IdentityOnboarder.json");

    private final String resource;
    private volatile String bytecode;

    ContractArtifact(String resource) {
        this.resource = "contracts/" + resource;
    }

    /** The creation bytecode, 0x-prefixed hex. */
    public String bytecode() {
        if (bytecode == null) {
            bytecode = read().path("bytecode").asText();
            if (!bytecode.startsWith("0x") || bytecode.length() < 4) {
                throw new IllegalStateException(resource + " has no bytecode");
            }
        }
        return bytecode;
    }

    private JsonNode read() {
        try (InputStream in = ContractArtifact.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: run `npm ci --prefix"
                        + " tools/node` at the repository root and build again");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
