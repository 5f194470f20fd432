package dev.attest.gateway.rest;

import dev.attest.gateway.service.UsageService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/orgs/{org}/usage")
@Authenticated
public class UsageResource {
    private final UsageService usage;
    private final SignedInUser user;

    UsageResource(UsageService usage, SignedInUser user) {
        this.usage = usage;
        this.user = user;
    }

    /**
     * Usage per project and day; {@code from}/{@code to} are ISO dates (default: the last 30 days). They are read
     * as text and parsed by {@link UsageService#day}, so that a malformed or out-of-range one is a 400 problem
     * that names it.
     */
    @GET
    public UsageService.UsageReport get(
            @PathParam("org") String org,
            @Parameter(description = "first day (UTC), default 29 days before to", schema = @Schema(format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(description = "last day (UTC), default today", schema = @Schema(format = "date"))
                    @QueryParam("to")
                    String to) {
        return usage.report(user.get(), org, UsageService.day("from", from), UsageService.day("to", to));
    }
}
