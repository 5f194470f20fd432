package dev.attest.notification.webhook;

import dev.attest.notification.config.NotificationConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The SSRF guard as configured: system DNS, the allowlist, and whether only https is accepted. */
public class WebhookGuardProducer {

    @Produces
    @Singleton
    EndpointAddressGuard guard(NotificationConfig config) {
        AddressPolicy policy =
                new AddressPolicy(config.webhooks().allowedNetworks().orElse(List.of()));
        return new EndpointAddressGuard(
                policy, HostResolver.SYSTEM, config.webhooks().httpsOnly());
    }

    @Produces
    @Singleton
    RetrySchedule retrySchedule(NotificationConfig config) {
        return new RetrySchedule(config.webhooks().retrySchedule());
    }
}
