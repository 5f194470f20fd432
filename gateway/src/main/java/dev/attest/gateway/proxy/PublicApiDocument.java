package dev.attest.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for the whole public API: the gateway's own endpoints plus, from each service's
 * OpenAPI document, the paths the gateway routes to that service (nothing else a service serves is
 * public). A service that cannot be reached is named in {@code x-attest-unavailable-services}.
 */
@ApplicationScoped
public class PublicApiDocument {
    private static final Logger LOG = Logger.getLogger(PublicApiDocument.class);
    private static final String OPENAPI = "/q/openapi?format=json";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String PROJECT_PARAMETER = "AttestProject";

    private final RouteTable routes;
    private final ObjectMapper mapper;
    private final Map<String, String> services = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    PublicApiDocument(RouteTable routes, ObjectMapper mapper, GatewayConfig config) {
        this.routes = routes;
        this.mapper = mapper;
        services.put("compliance-service", config.services().compliance());
        services.put("wallet-service", config.services().wallet());
        services.put("identity-service", config.services().identity());
        services.put("notification-service", config.services().notification());
        services.put("document-service", config.services().document());
    }

    /** Builds the document; {@code gatewayBase} is where the gateway's own OpenAPI document is served. */
    public ObjectNode build(URI gatewayBase) {
        ObjectNode document = fetch(gatewayBase.resolve(OPENAPI).toString())
                .map(ObjectNode.class::cast)
                .orElseGet(() -> mapper.createObjectNode().put("openapi", "3.1.0"));
        document.putObject("info")
                .put("title", "Attest public API")
                .put("description", "Every public endpoint, as reached through the gateway.")
                .put("version", document.path("info").path("version").asText("1"));
        ObjectNode paths = document.with("paths");
        ObjectNode schemas = document.with("components").with("schemas");
        document.with("components").with("parameters").set(PROJECT_PARAMETER, projectHeader());
        ArrayNode unavailable = document.putArray("x-attest-unavailable-services");
        services.forEach((name, upstream) -> {
            Optional<JsonNode> service =
                    fetch(upstream + OPENAPI).filter(doc -> doc.path("paths").isObject());
            if (service.isEmpty()) {
                unavailable.add(name);
                return;
            }
            service.get().path("paths").fields().forEachRemaining(path -> {
                if (routedTo(path.getKey(), upstream)
                        && !paths.has(path.getKey())
                        && path.getValue().isObject()) {
                    ObjectNode item = (ObjectNode) path.getValue();
                    // Every routed request may name the project it acts in.
                    item.withArray("parameters")
                            .addObject()
                            .put("$ref", "#/components/parameters/" + PROJECT_PARAMETER);
                    paths.set(path.getKey(), item);
                }
            });
            service.get().path("components").path("schemas").fields().forEachRemaining(schema -> {
                if (!schemas.has(schema.getKey())) {
                    schemas.set(schema.getKey(), schema.getValue());
                }
            });
        });
        return document;
    }

    private ObjectNode projectHeader() {
        ObjectNode parameter = mapper.createObjectNode()
                .put("name", RequestProject.HEADER)
                .put("in", "header")
                .put("required", false)
                .put(
                        "description",
                        "The project (id) a signed-in user's request acts in; by default the organization's"
                                + " only project. Another organization's project is answered 404.");
        parameter.putObject("schema").put("type", "string").put("format", "uuid");
        return parameter;
    }

    /** Whether a templated path such as {@code /wallets/{id}} is routed to {@code upstream}. */
    private boolean routedTo(String template, String upstream) {
        String concrete = template.replaceAll("\\{[^/}]+}", "x");
        return routes.find(concrete)
                .filter(route -> route.upstream().equals(upstream))
                .isPresent();
    }

    private Optional<JsonNode> fetch(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(TIMEOUT)
                    .GET()
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode document = mapper.readTree(response.body());
            return document.isObject() ? Optional.of(document) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.debugf("no OpenAPI document at %s: %s", url, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
