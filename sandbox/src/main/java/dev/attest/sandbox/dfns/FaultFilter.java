package dev.attest.sandbox.dfns;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Applies scripted 5xx and timeout faults to the Dfns API paths (never to the scripting paths). */
public class FaultFilter {
    private final Faults faults;

    FaultFilter(Faults faults) {
        this.faults = faults;
    }

    @ServerRequestFilter
    public Uni<Response> apply(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/dfns/") || path.startsWith("/dfns/_sandbox")) {
            return Uni.createFrom().nullItem();
        }
        var delay = faults.take("timeout", path).map(Faults.Fault::delay);
        var error = faults.take("server-error", path)
                .map(fault -> new DfnsApiException(fault.status(), "Internal server error", null).toResponse());
        Uni<Response> answer = Uni.createFrom().item(error.orElse(null));
        return delay.isPresent() ? answer.onItem().delayIt().by(delay.get()) : answer;
    }
}
