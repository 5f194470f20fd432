package dev.attest.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The before/after of settings an action changed, as canonical JSON ({@code {"after":…,"before":…}}, keys sorted at
 * every level, snake_case names): the text the chain hashes and the table stores. Every field named as secret is
 * replaced by {@value #MASK} wherever it occurs (at any depth) and has a value, so a secret never reaches the trail;
 * a secret that is not set stays null, so the trail still says whether one is set. Secret names match whatever their
 * spelling ({@code privateKey}, {@code private_key}, {@code private-key}).
 */
public final class AuditChanges {
    /** What a secret's value becomes. */
    public static final String MASK = "***";

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final String json;

    private AuditChanges(String json) {
        this.json = json;
    }

    /** {@code before} (null: nothing before, a creation) and {@code after} (null: a deletion), secrets masked. */
    public static AuditChanges of(Object before, Object after, String... secretFields) {
        return of(before, after, Arrays.asList(secretFields));
    }

    public static AuditChanges of(Object before, Object after, Collection<String> secretFields) {
        Set<String> secrets =
                secretFields.stream().map(AuditChanges::normalized).collect(Collectors.toSet());
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        changes.set("after", masked(MAPPER.valueToTree(after), secrets));
        changes.set("before", masked(MAPPER.valueToTree(before), secrets));
        return new AuditChanges(canonical(changes));
    }

    /** The canonical JSON text. */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }

    /** {@code node} as text with the keys of every object sorted: the same tree always gives the same text. */
    static String canonical(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit changes", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    private static JsonNode masked(JsonNode node, Set<String> secrets) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (secrets.contains(normalized(field.getKey()))) {
                    out.set(
                            field.getKey(),
                            value == null
                                            || value.isNull()
                                            || (value.isTextual()
                                                    && value.asText().isEmpty())
                                    ? JsonNodeFactory.instance.nullNode()
                                    : JsonNodeFactory.instance.textNode(MASK));
                } else {
                    out.set(field.getKey(), masked(value, secrets));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(masked(element, secrets)));
            return out;
        }
        return node;
    }

    private static String normalized(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
