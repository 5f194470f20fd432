package dev.attest.common.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SSRF guard (OWASP API7) of every URL a tenant can set: webhook endpoints, provider base URLs. It checks a
 * URL when it is saved and again before every request; a client that can connect to a given address sends the
 * request to the address checked here (pinned), so a DNS name that turns private between check and connect
 * (rebinding) cannot slip through.
 */
public final class OutboundAddressGuard {
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    /** Numbers a resolver might read as an IPv4 address: decimal, octal, hex, or fewer than four parts. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("^(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+))*\\.?$");

    private final AddressPolicy policy;
    private final HostResolver resolver;
    private final boolean httpsOnly;

    public OutboundAddressGuard(AddressPolicy policy, HostResolver resolver, boolean httpsOnly) {
        this.policy = policy;
        this.resolver = resolver;
        this.httpsOnly = httpsOnly;
    }

    /** A URL we will send to, resolved to the address the request must go to. */
    public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {}

    /** Checks {@code url} and resolves its host; throws {@link RefusedAddressException} saying why not. */
    public Target check(String url) {
        URI uri = parse(url);
        String host = hostOf(uri);
        InetAddress[] addresses = resolve(host);
        for (InetAddress address : addresses) {
            // Every address the name has must be allowed: a resolver may hand out any one of them.
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(
                        "The URL's host " + host + " resolves to " + refusal.get() + "; requests are not sent there.");
            }
        }
        boolean tls = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        return new Target(uri, host, port, tls, addresses[0]);
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new RefusedAddressException("The URL is not valid.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !httpsOnly)) {
            throw new RefusedAddressException(httpsOnly ? "The URL must be https." : "The URL must be http or https.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedAddressException("The URL has no host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedAddressException("The URL must not contain credentials.");
        }
        return uri;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            // 2130706433, 0177.0.0.1, 0x7f.1: resolvers disagree on what they mean, so none is accepted.
            throw new RefusedAddressException(
                    "The URL's host is a number that is not a plain dotted IPv4 address; write the address as a.b.c.d.");
        }
        return host;
    }

    private InetAddress[] resolve(String host) {
        try {
            InetAddress[] addresses = resolver.resolve(host);
            if (addresses == null || addresses.length == 0) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new RefusedAddressException("The URL's host " + host + " does not resolve.");
        }
    }

    /** The textual form of an address for a socket connection, without the IPv6 scope. */
    public static String literal(InetAddress address) {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int scope = text.indexOf('%');
            return scope < 0 ? text : text.substring(0, scope);
        }
        return text;
    }
}
