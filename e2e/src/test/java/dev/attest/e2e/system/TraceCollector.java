package dev.attest.e2e.system;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * The collector the system tests' services export their spans to: OTLP over HTTP with protobuf bodies (the
 * services' {@code quarkus.otel.exporter.otlp.traces.protocol=http/protobuf}), read with OpenTelemetry's own wire
 * types, as an OpenTelemetry Collector's OTLP receiver would. It keeps every span it is sent, for the tests to
 * look at whole traces.
 */
final class TraceCollector implements AutoCloseable {
    /** One exported span, with the exporting service's {@code service.name}. Ids are lower-case hex. */
    record CollectedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Span.SpanKind kind,
            Map<String, String> attributes) {
        boolean isRoot() {
            return parentSpanId.isEmpty();
        }
    }

    private final HttpServer server;
    private final List<CollectedSpan> spans = new CopyOnWriteArrayList<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    static TraceCollector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TraceCollector collector = new TraceCollector(server);
        server.createContext("/", collector::receive); // the exporter posts to <endpoint>/v1/traces
        server.start();
        return collector;
    }

    /** What a service's {@code quarkus.otel.exporter.otlp.traces.endpoint} is set to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<CollectedSpan> spans() {
        return List.copyOf(spans);
    }

    List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            request.getResourceSpansList().forEach(this::keep);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return "gzip".equalsIgnoreCase(encoding)
                ? new GZIPInputStream(exchange.getRequestBody())
                : exchange.getRequestBody();
    }

    private void keep(ResourceSpans resourceSpans) {
        String service =
                attributes(resourceSpans.getResource().getAttributesList()).getOrDefault("service.name", "");
        for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
            for (Span span : scope.getSpansList()) {
                spans.add(new CollectedSpan(
                        service,
                        hex(span.getTraceId()),
                        hex(span.getSpanId()),
                        hex(span.getParentSpanId()),
                        span.getName(),
                        span.getKind(),
                        attributes(span.getAttributesList())));
            }
        }
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        Map<String, String> attributes = new HashMap<>();
        for (KeyValue value : values) {
            var any = value.getValue();
            attributes.put(
                    value.getKey(),
                    switch (any.getValueCase()) {
                        case STRING_VALUE -> any.getStringValue();
                        case INT_VALUE -> Long.toString(any.getIntValue());
                        case BOOL_VALUE -> Boolean.toString(any.getBoolValue());
                        case DOUBLE_VALUE -> Double.toString(any.getDoubleValue());
                        default -> any.toString();
                    });
        }
        return attributes;
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
