package dev.attest.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EventContractsTest {
    private static final String SUFFIX = ".schema.json";
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyEventTypeHasItsSchemaAndEverySchemaItsType() throws Exception {
        Set<String> types = Stream.of(EventTypes.class.getDeclaredClasses())
                .filter(topic -> topic != EventTypes.Webhook.class)
                .flatMap(topic -> Arrays.stream(topic.getDeclaredFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(EventContractsTest::value)
                .collect(Collectors.toSet());
        Path folder = Path.of(
                getClass().getClassLoader().getResource(JsonSchemas.LOCATION).toURI());
        Set<String> schemas;
        try (Stream<Path> files = Files.list(folder)) {
            schemas = files.map(file -> file.getFileName().toString())
                    .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                    .collect(Collectors.toSet());
        }

        assertThat(types).isEqualTo(schemas);
        for (String type : schemas) {
            assertThat(mapper.readTree(folder.resolve(type + SUFFIX).toFile())
                            .path("title")
                            .asText())
                    .isEqualTo(type);
        }
    }

    @Test
    void dataIsCheckedAgainstTheSchemaOfItsType() throws Exception {
        JsonSchemas schemas = new JsonSchemas();
        String valid = "{\"provider\":\"dfns\",\"operation\":\"create-wallet\",\"status_code\":401}";

        assertThat(schemas.violations(EventTypes.Wallet.PROVIDER_CREDENTIALS_REJECTED, mapper.readTree(valid)))
                .isEmpty();
        assertThat(schemas.violations(
                        EventTypes.Wallet.PROVIDER_CREDENTIALS_REJECTED,
                        mapper.readTree("{\"operation\":\"create-wallet\",\"status_code\":500}")))
                .hasSize(2)
                .anyMatch(violation -> violation.contains("provider"))
                .anyMatch(violation -> violation.contains("status_code"));
        assertThatThrownBy(() -> schemas.violations(EventTypes.Webhook.TEST, mapper.readTree("{}")))
                .isInstanceOf(JsonSchemas.MissingSchemaException.class)
                .hasMessageContaining("no JSON Schema");
    }

    @Test
    void theEnvelopeIsACloudEventInKafkaBinaryMode() {
        OffsetDateTime time = OffsetDateTime.parse("2025-01-02T03:04:05Z");
        EventEnvelope envelope = new EventEnvelope(
                "evt-1", EventTypes.Kyc.CASE_OPENED, "/attest/test", "kyc-case/1", time, "org-1", "00-trace-span-01");

        ProducerRecord<String, byte[]> record =
                envelope.toRecord("attest.kyc.v1", null, "org-1:user-1", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(record.topic()).isEqualTo("attest.kyc.v1");
        assertThat(record.key()).isEqualTo("org-1:user-1");
        assertThat(record.headers().lastHeader("ce_orgid").value()).isEqualTo("org-1".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> received =
                new ConsumerRecord<>(record.topic(), 0, 0, record.key(), record.value());
        record.headers().forEach(received.headers()::add);
        CloudEvent read = KafkaMessageFactory.createReader(received).toEvent();
        assertThat(read.getId()).isEqualTo("evt-1");
        assertThat(read.getType()).isEqualTo(EventTypes.Kyc.CASE_OPENED);
        assertThat(read.getSource()).isEqualTo(URI.create("/attest/test"));
        assertThat(read.getSubject()).isEqualTo("kyc-case/1");
        assertThat(read.getTime()).isEqualTo(time);
        assertThat(read.getDataContentType()).isEqualTo(EventEnvelope.CONTENT_TYPE);
        assertThat(read.getExtension(CloudEventAttributes.ORG_ID)).isEqualTo("org-1");
        assertThat(read.getExtension(CloudEventAttributes.TRACEPARENT)).isEqualTo("00-trace-span-01");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
