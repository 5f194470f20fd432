package dev.attest.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.messaging.in.ProviderCredentialsRejected;
import dev.attest.notification.service.AdminAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Set;

/**
 * A provider (Persona, Dfns) refused the organization's stored credentials: its admins get a critical
 * alert by email and in-app, once per event. The producers already send at most one such event per
 * organization per hour, so every event is worth an alert.
 */
@ApplicationScoped
public class ProviderCredentialsAlerts {
    private static final Set<String> TYPES =
            Set.of(EventTypes.Kyc.PROVIDER_CREDENTIALS_REJECTED, EventTypes.Wallet.PROVIDER_CREDENTIALS_REJECTED);

    private final ObjectMapper mapper;
    private final AdminAlerts alerts;

    ProviderCredentialsAlerts(ObjectMapper mapper, AdminAlerts alerts) {
        this.mapper = mapper;
        this.alerts = alerts;
    }

    static boolean handles(String eventType) {
        return TYPES.contains(eventType);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(IncomingEvent event) {
        ProviderCredentialsRejected rejected = event.dataAs(mapper, ProviderCredentialsRejected.class);
        if (!PlainNames.isPlain(rejected.provider())) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") has no valid provider");
        }
        String provider = rejected.provider();
        // The operation only helps the reader: an odd one does not cost the admins their alert.
        String operation = PlainNames.isPlain(rejected.operation()) ? rejected.operation() : "unknown";
        String status = rejected.statusCode() == null ? "an error" : Integer.toString(rejected.statusCode());
        String providerName = provider.substring(0, 1).toUpperCase(Locale.ROOT) + provider.substring(1);
        alerts.critical(
                event.orgId(),
                event.id(),
                "provider.credentials-rejected",
                providerName + " rejected your credentials",
                providerName + " answered " + status + " to your organization's stored credentials (operation: "
                        + operation + "). Calls to " + providerName
                        + " fail until an admin stores valid credentials.",
                "/settings/providers/" + provider);
    }
}
