package dev.attest.compliance.service;

import dev.attest.common.crypto.SecretCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How every provider's settings row keeps its secrets (each sealed under its organization and field), its current and
 * previous webhook secrets, and its required steps, written once for Persona's and Sumsub's settings services.
 */
final class SealedProviderSettings {
    private static final String WEBHOOK_SECRET = "webhook-secret";

    private final SecretCipher cipher;
    private final String provider;

    /** @param provider the contexts' provider part ({@code persona}: {@code org:<org>/persona.<field>}) */
    SealedProviderSettings(SecretCipher cipher, String provider) {
        this.cipher = cipher;
        this.provider = provider;
    }

    /** Binds a sealed secret to its organization, provider and field: copied elsewhere, it does not open. */
    static String context(String provider, String orgId, String field) {
        return "org:" + orgId + "/" + provider + "." + field;
    }

    String seal(String orgId, String field, String secret) {
        return cipher.encrypt(secret, context(provider, orgId, field));
    }

    /** The sealed value opened; none when nothing is sealed. */
    Optional<String> open(String orgId, String field, String sealed) {
        return Optional.ofNullable(sealed).map(value -> cipher.decrypt(value, context(provider, orgId, field)));
    }

    /** The current webhook secret (the first), sealed; null when there is none. */
    String sealCurrentWebhookSecret(String orgId, List<String> secrets) {
        return secrets.isEmpty() ? null : seal(orgId, WEBHOOK_SECRET, secrets.get(0));
    }

    /** The previous webhook secret (the second, during a rotation), sealed; null when there is none. */
    String sealPreviousWebhookSecret(String orgId, List<String> secrets) {
        return secrets.size() < 2 ? null : seal(orgId, WEBHOOK_SECRET, secrets.get(1));
    }

    /** The webhook secrets opened: the current one first, then the previous one. */
    List<String> openWebhookSecrets(String orgId, String current, String previous) {
        List<String> secrets = new ArrayList<>();
        open(orgId, WEBHOOK_SECRET, current).ifPresent(secrets::add);
        open(orgId, WEBHOOK_SECRET, previous).ifPresent(secrets::add);
        return List.copyOf(secrets);
    }

    /** Required step kinds as stored: comma-separated, null for none. */
    static String storedSteps(List<String> kinds) {
        return kinds.isEmpty() ? null : String.join(",", kinds);
    }

    static List<String> steps(String stored) {
        return stored == null ? List.of() : List.of(stored.split(","));
    }
}
