package dev.attest.common.tracing;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.inbox.IncomingEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The spans of an event's life, after the OpenTelemetry CloudEvents conventions: "CloudEvents Create" when the
 * outbox records it (its context is what the event carries as {@code traceparent}), "CloudEvents Process" around
 * a consumer's handling, child of that context, so whatever the handler publishes stays in the same trace.
 *
 * <p>Attributes are the envelope's id, type, source and subject (the entity's id, never a person's data) and the
 * topic: never the data, and never the Kafka key, which names the user.
 */
@ApplicationScoped
public class EventSpans {
    static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<String> EVENT_SOURCE = AttributeKey.stringKey("cloudevents.event_source");
    static final AttributeKey<String> EVENT_SUBJECT = AttributeKey.stringKey("cloudevents.event_subject");
    static final AttributeKey<String> EVENT_SPEC_VERSION = AttributeKey.stringKey("cloudevents.event_spec_version");
    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    /** Which of a service's handlers processed the event (the inbox's consumer name, e.g. {@code wallet.kyc}). */
    static final AttributeKey<String> HANDLER = AttributeKey.stringKey("attest.event.handler");

    private final Tracer tracer;
    private final String group;

    EventSpans(Tracer tracer, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.tracer = tracer;
        this.group = applicationName;
    }

    /**
     * Records the creation of {@code event} as a span of the current trace (a new trace when there is none, e.g. in
     * background work) and returns the traceparent the event carries; null when tracing is off.
     */
    public String created(UUID id, String source, OutgoingEvent event) {
        Span span = common(tracer.spanBuilder("CloudEvents Create " + event.type()), event.topic())
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(OPERATION_TYPE, "create")
                .setAttribute(EVENT_ID, id.toString())
                .setAttribute(MESSAGE_ID, id.toString())
                .setAttribute(EVENT_TYPE, event.type())
                .setAttribute(EVENT_SOURCE, source)
                .startSpan();
        if (event.subject() != null) {
            span.setAttribute(EVENT_SUBJECT, event.subject());
        }
        span.end();
        return TraceParents.of(Context.current().with(span));
    }

    /**
     * Runs {@code work}, a handler's processing of {@code event}, in a consumer span whose parent is the span that
     * created the event; a failure marks the span and is rethrown.
     */
    public <T> T processing(String handler, IncomingEvent event, Supplier<T> work) {
        SpanBuilder builder = common(tracer.spanBuilder("CloudEvents Process " + event.type()), event.topic())
                .setParent(TraceParents.parentFrom(event.traceparent()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(OPERATION_TYPE, "process")
                .setAttribute(CONSUMER_GROUP, group)
                .setAttribute(HANDLER, handler)
                .setAttribute(EVENT_ID, event.id())
                .setAttribute(MESSAGE_ID, event.id())
                .setAttribute(EVENT_TYPE, event.type())
                .setAttribute(EVENT_SOURCE, event.source());
        if (event.subject() != null) {
            builder.setAttribute(EVENT_SUBJECT, event.subject());
        }
        return Spans.runIn(builder.startSpan(), work::get);
    }

    private static SpanBuilder common(SpanBuilder builder, String topic) {
        builder.setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(EVENT_SPEC_VERSION, "1.0");
        if (topic != null) {
            builder.setAttribute(DESTINATION, topic);
        }
        return builder;
    }
}
