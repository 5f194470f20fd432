package dev.attest.gateway.rest;

import dev.attest.gateway.service.UsageService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

@Path("/orgs/{org}/usage")
@Authenticated
public class UsageResource {
    private final UsageService usage;
    private final SignedInUser user;

    UsageResource(UsageService usage, SignedInUser user) {
        this.usage = usage;
        this.user = user;
    }

    /** Usage per project and day; {@code from}/{@code to} are ISO dates (default: the last 30 days). */
    @GET
    public UsageService.UsageReport get(
            @PathParam("org") String org, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return usage.report(user.get(), org, from, to);
    }
}
