package dev.attest.identity.service;

import dev.attest.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;

/**
 * The platform's two keys, read once from configuration: the operator (sends every transaction, owns the
 * contracts) and the claim signer (a CLAIM key of the ClaimIssuer). Only their addresses ever leave this class.
 */
@ApplicationScoped
public class PlatformKeys {
    private final Credentials operator;
    private final Credentials issuerSigner;

    PlatformKeys(IdentityConfig config) {
        this.operator = Credentials.create(config.operatorKey());
        this.issuerSigner = Credentials.create(config.issuerKey());
        if (operator.getAddress().equals(issuerSigner.getAddress())) {
            throw new IllegalStateException(
                    "attest.identity.operator-key and attest.identity.issuer-key must be different accounts");
        }
    }

    public String operatorAddress() {
        return operator.getAddress();
    }

    public String issuerSignerAddress() {
        return issuerSigner.getAddress();
    }

    Credentials operator() {
        return operator;
    }

    ECKeyPair issuerSigningKey() {
        return issuerSigner.getEcKeyPair();
    }

    @Override
    public String toString() {
        return "PlatformKeys[operator=" + operatorAddress() + ", issuerSigner=" + issuerSignerAddress() + "]";
    }
}
