package dev.attest.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of notification-service. */
@ConfigMapping(prefix = "attest.notification")
public interface NotificationConfig {

    Webhooks webhooks();

    Email email();

    Retention retention();

    /**
     * The platform's security contacts: they get every security incident by email, an organization's or the
     * platform's. Unset or empty: nobody beyond the affected organization's admins.
     */
    Optional<List<String>> securityContacts();

    interface Webhooks {
        /**
         * Delays between attempts after the first, immediate one (Svix's schedule by default); a delivery
         * that fails its last attempt is failed for good.
         */
        @WithDefault("5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retrySchedule();

        /** How long a receiver has to answer before the attempt counts as a timeout. */
        @WithDefault("15s")
        Duration requestTimeout();

        /** An endpoint failing without a success for this long is disabled and its admins told. */
        @WithDefault("5d")
        Duration disableAfter();

        /** How long the previous signing secret still signs after a rotation. */
        @WithDefault("24h")
        Duration rotationGracePeriod();

        /** Messages per second an endpoint gets when it states no rate limit of its own. */
        @WithDefault("50")
        int defaultRateLimit();

        /** How many due deliveries one worker pass claims. */
        @WithDefault("100")
        int batchSize();

        /** Parallel requests of one worker pass: a slow endpoint holds one of them, never the others. */
        @WithDefault("16")
        int concurrency();

        /** How often the delivery worker looks for due deliveries (tests switch it off: {@code attest.work.disabled}). */
        @WithDefault("1s")
        Duration pollInterval();

        /** How many characters of a receiver's response body are kept with the attempt. */
        @WithDefault("1024")
        int responseBodyLimit();
    }

    interface Email {
        /** The From address of admin email. */
        @WithDefault("notifications@attest.local")
        String from();

        /** Delays between attempts after a failed SMTP send; then the email is failed for good. */
        @WithDefault("10s,1m,5m,30m,2h")
        List<Duration> retrySchedule();

        /** How often the mail worker looks for due emails. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Base URL of links in emails and notifications. */
        @WithDefault("http://localhost:8080")
        String consoleUrl();
    }

    /** How long finished records are kept; a scheduled job deletes older ones. */
    interface Retention {
        /** Read notifications are deleted this long after they were read; unread ones are kept. */
        @WithDefault("30d")
        Duration readNotifications();

        /**
         * Webhook messages whose deliveries are all finished (succeeded or failed for good) are deleted,
         * with their deliveries and attempts, this long after they were created.
         */
        @WithDefault("90d")
        Duration webhookMessages();

        /** Sent or failed emails are deleted this long after they were created. */
        @WithDefault("90d")
        Duration emails();

        /** How often the purge runs ({@code off} to drive it by hand). */
        @WithDefault("1h")
        String interval();
    }
}
