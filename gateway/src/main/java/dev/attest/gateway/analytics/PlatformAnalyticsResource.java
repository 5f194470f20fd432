package dev.attest.gateway.analytics;

import dev.attest.gateway.rest.SignedInUser;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code GET /platform/analytics}: every organization's analytics together, and each one's totals; platform admins. */
@Path("/platform/analytics")
@Authenticated
public class PlatformAnalyticsResource {
    private final AnalyticsService analytics;
    private final SignedInUser user;

    PlatformAnalyticsResource(AnalyticsService analytics, SignedInUser user) {
        this.analytics = analytics;
        this.user = user;
    }

    @GET
    public AnalyticsService.AnalyticsReport platform(
            @Parameter(description = "first day (UTC)", schema = @Schema(format = "date")) @QueryParam("from")
                    String from,
            @Parameter(description = "last day (UTC)", schema = @Schema(format = "date")) @QueryParam("to") String to,
            @Parameter(description = "hour or day", schema = @Schema(enumeration = {"hour", "day"}))
                    @QueryParam("granularity")
                    String granularity) {
        return analytics.platform(user.get(), from, to, granularity);
    }
}
