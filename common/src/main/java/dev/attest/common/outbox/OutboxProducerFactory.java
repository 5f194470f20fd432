package dev.attest.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the relay's Kafka producer: idempotent, {@code acks=all}, at most five requests in flight, so
 * that retries neither duplicate nor reorder records of a partition.
 */
@ApplicationScoped
class OutboxProducerFactory {
    private final String bootstrapServers;
    private final String clientId;

    OutboxProducerFactory(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-outbox";
    }

    Producer<String, byte[]> create() {
        return new KafkaProducer<>(settings(), new StringSerializer(), new ByteArraySerializer());
    }

    Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // The relay flushes each batch itself; lingering would only add latency.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Fail a batch within seconds when Kafka is away, so the relay backs off instead of hanging.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return settings;
    }
}
