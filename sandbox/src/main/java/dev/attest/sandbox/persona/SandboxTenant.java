package dev.attest.sandbox.persona;

import java.util.Optional;

/**
 * A sandbox-side Persona organization, identified by its API key.
 *
 * @param webhookUrl where its webhooks go; empty means the global URL, if any
 * @param webhookSecret the secret that signs its webhooks
 */
public record SandboxTenant(String apiKey, Optional<String> webhookUrl, String webhookSecret, Scenario scenario) {}
