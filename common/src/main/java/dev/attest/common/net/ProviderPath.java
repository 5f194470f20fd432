package dev.attest.common.net;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path of a provider's API as a template and its value: {@code /inquiries/{id}/resume} and
 * {@code /inquiries/inq_123/resume}. The template is what may be shown (metrics); the value, with its ids and query,
 * is only sent. Each {@code {name}} is replaced by the next value, URL-encoded.
 */
public record ProviderPath(String template, String value) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^/{}]+}");

    public ProviderPath {
        if (!template.startsWith("/") || template.contains("?")) {
            throw new IllegalArgumentException("a path template starts with / and has no query");
        }
    }

    /** {@code template} with its placeholders replaced by {@code values}, in order. */
    public static ProviderPath of(String template, String... values) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        int next = 0;
        while (placeholders.find()) {
            if (next == values.length) {
                throw new IllegalArgumentException("more placeholders than values in " + template);
            }
            placeholders.appendReplacement(
                    path, Matcher.quoteReplacement(URLEncoder.encode(values[next++], StandardCharsets.UTF_8)));
        }
        placeholders.appendTail(path);
        if (next != values.length) {
            throw new IllegalArgumentException("more values than placeholders in " + template);
        }
        return new ProviderPath(template, path.toString());
    }

    /** This path on {@code baseUrl} (with or without a trailing slash): the URL the request goes to. */
    public URI on(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + value);
    }

    /** This path with a query ({@code rawQuery} already encoded, without {@code ?}); the template keeps none. */
    public ProviderPath withQuery(String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? this : new ProviderPath(template, value + "?" + rawQuery);
    }
}
