package dev.attest.common.net;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the ids in providers' paths out of the HTTP client metrics. quarkus-micrometer measures a Vert.x HTTP client
 * as {@code http.client.requests}, tagged with the client's name and the request's raw URI: a provider's path holds
 * ids (an inquiry, a wallet, a transfer) and its query holds page tokens. For the clients of {@link ProviderHttp}
 * (tag {@code clientName}: the provider) the {@code uri} tag is replaced by the template of the path the request was
 * made with ({@code /inquiries/{id}/resume}), or {@code UNKNOWN}. The template is found from the path's last
 * segments, so a base URL with a path of its own ({@code /persona}) does not matter.
 */
@Singleton
public class ProviderRoutes {
    static final String UNKNOWN = "UNKNOWN";

    private final Map<String, Set<String>> templates = new ConcurrentHashMap<>();

    /** Called before each request, so its meter (made when the answer comes) finds the template. */
    void register(String provider, String template) {
        templates
                .computeIfAbsent(provider, name -> ConcurrentHashMap.newKeySet())
                .add(template);
    }

    boolean isProvider(String clientName) {
        return clientName != null && templates.containsKey(clientName);
    }

    /** The template of {@code provider} that the end of {@code rawUri}'s path matches, the longest one first. */
    String templateOf(String provider, String rawUri) {
        String path = rawUri == null ? "" : rawUri;
        int query = path.indexOf('?');
        String[] segments = segments(query < 0 ? path : path.substring(0, query));
        List<String> known = new ArrayList<>(templates.getOrDefault(provider, Set.of()));
        known.sort(Comparator.comparingInt((String template) -> segments(template).length)
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (String template : known) {
            if (endsWith(segments, segments(template))) {
                return template;
            }
        }
        return UNKNOWN;
    }

    @Produces
    @Singleton
    MeterFilter providerUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String client = id.getTag("clientName");
                String uri = id.getTag("uri");
                if (uri == null || !isProvider(client)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                for (Tag tag : id.getTagsAsIterable()) {
                    tags.add("uri".equals(tag.getKey()) ? Tag.of("uri", templateOf(client, uri)) : tag);
                }
                return id.replaceTags(tags);
            }
        };
    }

    private static boolean endsWith(String[] path, String[] template) {
        if (template.length > path.length) {
            return false;
        }
        int offset = path.length - template.length;
        for (int i = 0; i < template.length; i++) {
            String expected = template[i];
            boolean placeholder = expected.startsWith("{") && expected.endsWith("}");
            if (placeholder ? path[offset + i].isEmpty() : !expected.equals(path[offset + i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
