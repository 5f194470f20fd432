package dev.attest.common.testapp;

import dev.attest.common.tenant.TenantEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the tenant events the replica consumed, as a service that keeps more of the tenancy does. */
@ApplicationScoped
public class ObservedTenantEvents {
    /** The types observed per event id: once per event, whatever Kafka redelivers. */
    public static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    void observe(@Observes TenantEvent tenantEvent) {
        SEEN.computeIfAbsent(tenantEvent.event().id(), id -> new CopyOnWriteArrayList<>())
                .add(tenantEvent.event().type());
    }
}
