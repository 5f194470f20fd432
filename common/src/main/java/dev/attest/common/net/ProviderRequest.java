package dev.attest.common.net;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a provider's API, for {@link ProviderHttp}: the provider's name (span, metrics), the method, the
 * API's base URL and a {@link ProviderPath}, headers, the exact body bytes (a signed body is sent as signed), the
 * timeouts, and optionally the address to connect to (the one {@link OutboundAddressGuard} checked).
 */
public final class ProviderRequest {
    private final String provider;
    private final String method;
    private final URI uri;
    private final String route;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(10);
    private InetAddress connectTo;

    private ProviderRequest(String provider, String method, URI uri, String route) {
        this.provider = provider;
        this.method = method;
        this.uri = uri;
        this.route = route;
    }

    /** A request to {@code baseUrl} (with or without a trailing slash) followed by {@code path}. */
    public static ProviderRequest to(String provider, String method, String baseUrl, ProviderPath path) {
        return new ProviderRequest(
                Objects.requireNonNull(provider), Objects.requireNonNull(method), path.on(baseUrl), path.template());
    }

    public ProviderRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The body, sent byte for byte; none by default. */
    public ProviderRequest body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    /** How long to wait for a connection, and then for the answer (no data for that long fails the request). */
    public ProviderRequest timeouts(Duration connect, Duration answer) {
        this.connectTimeout = connect;
        this.timeout = answer;
        return this;
    }

    /** Connects to {@code address} rather than to what the URL's host resolves to then; Host and TLS keep the name. */
    public ProviderRequest connectTo(InetAddress address) {
        this.connectTo = address;
        return this;
    }

    public String provider() {
        return provider;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** The path's template, without the base URL's own path: what metrics show. */
    public String route() {
        return route;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public byte[] body() {
        return body;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration timeout() {
        return timeout;
    }

    public InetAddress connectTo() {
        return connectTo;
    }
}
