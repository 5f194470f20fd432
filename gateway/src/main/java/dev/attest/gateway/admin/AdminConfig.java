package dev.attest.gateway.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the platform administration ({@code attest.gateway.admin.*}). */
@ConfigMapping(prefix = "attest.gateway.admin")
public interface AdminConfig {
    /** The currency of an organization's statements while no plan is set (its plan is then free). */
    @WithDefault("EUR")
    String defaultCurrency();
}
