package dev.attest.notification.webhook;

import dev.attest.common.work.RetrySchedule;
import dev.attest.notification.config.NotificationConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The webhook retry schedule as configured. */
public class RetryScheduleProducer {

    @Produces
    @Singleton
    RetrySchedule retrySchedule(NotificationConfig config) {
        return new RetrySchedule(config.webhooks().retrySchedule());
    }
}
