package dev.attest.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.gateway.config.GatewayConfig;
import dev.attest.gateway.support.JaxRsPaths;
import dev.attest.gateway.support.ServicePaths;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every path of every service is routed to that service, with that service's API-key scope area. */
class RouteTableTest {
    private static final Map<String, String> UPSTREAM = Map.of(
            "compliance-service", "http://compliance.test",
            "wallet-service", "http://wallet.test",
            "identity-service", "http://identity.test",
            "notification-service", "http://notification.test",
            "document-service", "http://document.test");
    private static final Map<String, String> AREA = Map.of(
            "compliance-service", "kyc",
            "wallet-service", "wallets",
            "identity-service", "identities",
            "notification-service", "notifications",
            "document-service", "documents");

    private final RouteTable routes = new RouteTable(config());

    @Test
    void everyPathOfEveryServiceIsRoutedToThatService() {
        ServicePaths.BY_SERVICE.forEach((service, paths) -> {
            for (String template : paths) {
                String path = ServicePaths.concrete(template, "acme", "p-1", "x-1");
                Optional<Route> route = routes.find(path);
                assertThat(route).as(template).isPresent();
                assertThat(route.get().upstream()).as(template).isEqualTo(UPSTREAM.get(service));
                if (template.startsWith("/webhooks/")) {
                    assertThat(route.get().webhook()).as(template).isTrue();
                } else {
                    assertThat(route.get().area()).as(template).isEqualTo(AREA.get(service));
                }
            }
        });
    }

    /**
     * The list is the services' own JAX-RS paths, read from their compiled classes ({@code
     * <module>/target/classes}, which the reactor builds before the gateway): a path a service gains or loses must
     * be changed in {@link ServicePaths} too (and so routed). A build of the gateway alone, on a fresh clone, finds
     * no classes: then the list is checked as it is, by the test above.
     */
    @Test
    void theListedPathsAreTheServicesJaxRsPaths() throws IOException {
        for (String service : ServicePaths.BY_SERVICE.keySet()) {
            Path classes = Path.of("..", service, "target", "classes");
            if (Files.isDirectory(classes)) {
                assertThat(JaxRsPaths.of(classes))
                        .as(service + "'s JAX-RS paths")
                        .containsExactlyInAnyOrderElementsOf(ServicePaths.BY_SERVICE.get(service));
            }
        }
    }

    private static GatewayConfig config() {
        GatewayConfig.Services services =
                proxy(GatewayConfig.Services.class, method -> UPSTREAM.get(method + "-service"));
        return proxy(GatewayConfig.class, method -> method.equals("services") ? services : null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Object answer = answers.apply(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer;
        });
    }
}
