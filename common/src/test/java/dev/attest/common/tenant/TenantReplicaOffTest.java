package dev.attest.common.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service that leaves the replica off (gateway, identity-service) has neither its consumer nor its channel. */
@QuarkusTest
@TestProfile(TenantReplicaOffTest.ReplicaOff.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class TenantReplicaOffTest {
    /** The test application as a service without the replica: common's defaults. */
    public static class ReplicaOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(Tenants.ENABLED, "false", "quarkus.flyway.locations", "db/attest,db/alerts,db/test");
        }
    }

    @Inject
    ChannelRegistry channels;

    @Test
    void aServiceThatLeavesTheReplicaOffConsumesNoTenantEvents() {
        assertThat(Arc.container().select(TenantEventsConsumer.class).isResolvable())
                .isFalse();
        assertThat(Arc.container().select(Tenants.class).isResolvable()).isFalse();
        assertThat(channels.getIncomingNames()).contains("test-events").doesNotContain(TenantEventsConsumer.CHANNEL);
    }
}
