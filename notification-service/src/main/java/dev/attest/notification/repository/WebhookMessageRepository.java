package dev.attest.notification.repository;

import dev.attest.notification.WebhookMessage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class WebhookMessageRepository implements PanacheRepositoryBase<WebhookMessage, String> {}
