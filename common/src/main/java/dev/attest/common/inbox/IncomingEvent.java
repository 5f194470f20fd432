package dev.attest.common.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.contracts.CloudEventAttributes;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A CloudEvent read from Kafka (binary mode): the envelope attributes consumers use, and the raw data.
 *
 * @param id the CloudEvents id, the inbox's deduplication key
 * @param key the Kafka key (the aggregate id)
 * @param topic the topic it was read from
 * @param traceparent the W3C trace context of the span that created it ({@code ce_traceparent}), or null
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        String orgId,
        OffsetDateTime time,
        String key,
        byte[] data,
        String topic,
        String traceparent) {

    /** Reads the envelope of {@code record}; a record without a valid one is a {@link PoisonEventException}. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a CloudEvent: " + e.getMessage(), e);
        }
        Object orgId = event.getExtension(CloudEventAttributes.ORG_ID);
        if (orgId == null) {
            throw new PoisonEventException("event " + event.getId() + " has no " + CloudEventAttributes.ORG_ID);
        }
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        Object traceparent = event.getExtension(CloudEventAttributes.TRACEPARENT);
        return new IncomingEvent(
                event.getId(),
                event.getType(),
                event.getSource().toString(),
                event.getSubject(),
                orgId.toString(),
                event.getTime(),
                record.key(),
                data,
                record.topic(),
                traceparent == null ? null : traceparent.toString());
    }

    /** The data as {@code type}; data that does not parse is a {@link PoisonEventException}. */
    public <T> T dataAs(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new PoisonEventException("event " + id + " has malformed data: " + e.getMessage(), e);
        }
    }
}
