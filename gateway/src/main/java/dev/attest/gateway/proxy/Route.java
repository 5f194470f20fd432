package dev.attest.gateway.proxy;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One public route of the gateway to a service.
 *
 * @param pattern the path regex; groups {@code org} and {@code project} name the tenant in the path (of a
 *     webhook, {@code org} only keys its edge limit: nothing is checked against it)
 * @param upstream the base URL of the service, from configuration
 * @param area the API-key scope area ({@code kyc}, {@code wallets}, …); null for webhooks
 * @param webhook whether this is a provider webhook: forwarded byte for byte, without authentication
 */
public record Route(Pattern pattern, String upstream, String area, boolean webhook) {

    public static Route authenticated(String regex, String upstream, String area) {
        return new Route(Pattern.compile(regex), upstream, area, false);
    }

    public static Route webhook(String regex, String upstream) {
        return new Route(Pattern.compile(regex), upstream, null, true);
    }

    public Optional<Matcher> match(String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }

    /** A path group's value, or empty when the route has no such group. */
    static Optional<String> group(Matcher matcher, String name, Function<String, String> decode) {
        if (!matcher.pattern().pattern().contains("(?<" + name + ">")) {
            return Optional.empty();
        }
        return Optional.ofNullable(matcher.group(name)).map(decode);
    }
}
