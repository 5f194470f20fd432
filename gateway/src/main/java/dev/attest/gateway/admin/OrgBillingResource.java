package dev.attest.gateway.admin;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.Organization;
import dev.attest.gateway.rest.SignedInUser;
import dev.attest.gateway.service.TenantAccess;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;

/**
 * An organization's monthly statements, for its admins (and platform admins): another organization's
 * admin gets 404 as for one that does not exist, its end users 403.
 */
@Path("/orgs/{org}/statements")
@Authenticated
public class OrgBillingResource {
    private final SignedInUser user;
    private final TenantAccess access;
    private final Statements statements;

    OrgBillingResource(SignedInUser user, TenantAccess access, Statements statements) {
        this.user = user;
        this.access = access;
        this.statements = statements;
    }

    /**
     * The statement of a calendar month ({@code yyyy-mm}): JSON by default, {@code ?format=csv} (a download) or
     * {@code ?format=html} (a printable page).
     */
    @GET
    @Path("/{month}")
    public Response statement(
            @PathParam("org") String org, @PathParam("month") String month, @QueryParam("format") String format) {
        Organization organization = administered(org);
        YearMonth period = Statements.month(month);
        String as = format == null || format.isEmpty() ? "json" : format;
        if (!as.equals("json") && !as.equals("csv") && !as.equals("html")) {
            throw ProblemException.badRequest("invalid-format", "format is json, csv or html.");
        }
        Statements.Statement statement = statements.of(organization, period);
        String name = "statement-" + organization.slug + "-" + period;
        return switch (as) {
            case "csv" -> Response.ok(Statements.csv(statement), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .build();
            case "html" -> Response.ok(Statements.html(statement), "text/html; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"" + name + ".html\"")
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .build();
            default -> Response.ok(statement, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    private Organization administered(String org) {
        return access.requireAdmin(user.get(), org).org();
    }
}
