package dev.attest.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuring an OTLP endpoint is all it takes to export: {@link NoCollector} steps aside. */
@QuarkusTest
@TestProfile(ExportConfiguredTest.WithEndpoint.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ExportConfiguredTest {
    /** An endpoint nothing listens on; the test app's in-memory exporter keeps Quarkus' OTLP exporter out anyway. */
    public static class WithEndpoint implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:9");
        }
    }

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void aConfiguredEndpointTurnsTheNoCollectorExporterOff() {
        assertThat(exporters.stream()).noneMatch(NoCollector.class::isInstance).isNotEmpty();
    }
}
