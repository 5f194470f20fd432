package dev.attest.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code GET /q/audit/verify}: the service's chain verified ({@link AuditChain#verify}), as JSON, 200 when whole and
 * 409 when broken. An operational endpoint like {@code /q/health} and {@code /q/metrics}: on the management interface
 * where it is on (the images, port 9000, not reachable from outside the cluster), else on the service's port, which
 * only the gateway reaches; it answers sequence numbers and a reason, never an entry's content. {@code ./attest audit
 * verify} calls it in every running service.
 */
@ApplicationScoped
@IfBuildProperty(name = AuditTrail.ENABLED, stringValue = "true")
public class AuditVerifyRoute {
    public static final String PATH = "/q/audit/verify";

    private final AuditChain chain;

    AuditVerifyRoute(AuditChain chain) {
        this.chain = chain;
    }

    void onMainRouter(@Observes Router router) {
        if (!managementEnabled()) {
            router.get(PATH).blockingHandler(this::verify);
        }
    }

    void onManagementInterface(@Observes ManagementInterface management) {
        management.router().get(PATH).blockingHandler(this::verify);
    }

    private void verify(RoutingContext context) {
        AuditChain.Verification result = chain.verify();
        try {
            context.response()
                    .setStatusCode(result.ok() ? 200 : 409)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(AuditChanges.MAPPER.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private static boolean managementEnabled() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.enabled", Boolean.class)
                .orElse(false);
    }
}
