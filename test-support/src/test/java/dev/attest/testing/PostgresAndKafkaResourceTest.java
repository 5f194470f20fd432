package dev.attest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class PostgresAndKafkaResourceTest {

    @Test
    void everyStartGetsAFreshDatabaseOnARealServer() throws Exception {
        Map<String, String> first = new PostgresResource().start();
        Map<String, String> second = new PostgresResource().start();

        assertThat(first.get("quarkus.datasource.jdbc.url")).isNotEqualTo(second.get("quarkus.datasource.jdbc.url"));
        try (Connection connection = DriverManager.getConnection(
                        first.get("quarkus.datasource.jdbc.url"),
                        first.get("quarkus.datasource.username"),
                        first.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("show server_version_num")) {
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(150000);
        }
    }

    @Test
    void recordsWrittenToTheBrokerCanBeReadBack() throws Exception {
        String topic = "test-support-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer());
                TopicReader reader = TopicReader.of(topic)) {
            producer.send(new ProducerRecord<>(topic, "k", "hello".getBytes(StandardCharsets.UTF_8)))
                    .get();

            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(20));

            assertThat(records).hasSize(1);
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
                    .isEqualTo("hello");
        }
    }
}
