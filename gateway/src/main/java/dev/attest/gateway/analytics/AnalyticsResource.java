package dev.attest.gateway.analytics;

import dev.attest.gateway.rest.SignedInUser;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /orgs/{org}/analytics}: the organization's analytics, for its admins ({@link PlatformAnalyticsResource}
 * has the platform's). The
 * period is read as text and checked by {@link AnalyticsService#period}, so a malformed one is a 400 problem that
 * names it, as for usage.
 */
@Path("/orgs/{org}/analytics")
@Authenticated
public class AnalyticsResource {
    private final AnalyticsService analytics;
    private final SignedInUser user;

    AnalyticsResource(AnalyticsService analytics, SignedInUser user) {
        this.analytics = analytics;
        this.user = user;
    }

    @GET
    public AnalyticsService.AnalyticsReport organization(
            @PathParam("org") String org,
            @Parameter(
                            description = "first day (UTC), default 29 days before to (by hour: the day before)",
                            schema = @Schema(format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(description = "last day (UTC), default today", schema = @Schema(format = "date"))
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "hour (at most 31 days) or day (at most 400), default day",
                            schema = @Schema(enumeration = {"hour", "day"}))
                    @QueryParam("granularity")
                    String granularity,
            @Parameter(description = "one of the organization's projects (id); default all") @QueryParam("project")
                    String project) {
        return analytics.organization(user.get(), org, from, to, granularity, project);
    }
}
