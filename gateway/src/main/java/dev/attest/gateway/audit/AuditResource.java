package dev.attest.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.rest.SignedInUser;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.service.OrgMembership;
import dev.attest.gateway.service.TenantAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * An organization's audit trail, every service's entries on its behalf: searched ({@code GET /orgs/{org}/audit}) and
 * exported as CSV ({@code GET /orgs/{org}/audit/export?format=csv}) by its admins (and platform admins). Anyone else
 * gets what the other organization routes answer: 404 when not in the organization, 403 when in it but no admin.
 */
@Path("/orgs/{org}/audit")
@Authenticated
public class AuditResource {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int MAX_FILTER = 256;

    private final AuditStore store;
    private final TenantAccess access;
    private final SignedInUser user;
    private final GatewayAudit audit;

    AuditResource(AuditStore store, TenantAccess access, SignedInUser user, GatewayAudit audit) {
        this.store = store;
        this.access = access;
        this.user = user;
        this.audit = audit;
    }

    @GET
    public AuditStore.Page search(
            @PathParam("org") String org,
            @Parameter(description = "from this instant (ISO-8601, inclusive)") @QueryParam("from") String from,
            @Parameter(description = "until this instant (ISO-8601, exclusive)") @QueryParam("to") String to,
            @Parameter(description = "the actor's subject (user id or API key id)") @QueryParam("actor") String actor,
            @Parameter(description = "an action, or a prefix ending in * (api-key.*)") @QueryParam("action")
                    String action,
            @Parameter(description = "<type>/<id>, or an id or a type") @QueryParam("target") String target,
            @Parameter(description = "the service that recorded it") @QueryParam("service") String service,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("page_token") String pageToken) {
        OrgMembership admin = access.requireAdmin(user.get(), org);
        return store.search(
                filter(admin.org().id.toString(), from, to, actor, action, target, service),
                limit(limit),
                text("page_token", pageToken));
    }

    @GET
    @Path("/export")
    public Response export(
            @PathParam("org") String org,
            @QueryParam("format") @DefaultValue("csv") String format,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("service") String service) {
        EdgeCaller caller = user.get();
        OrgMembership admin = access.requireAdmin(caller, org);
        AuditStore.Filter filter = filter(admin.org().id.toString(), from, to, actor, action, target, service);
        return csv(store, audit, caller, admin.roles(), admin.org().id, format, filter, "audit-" + admin.org().slug);
    }

    /** The export as a streamed CSV answer, the export itself recorded in the gateway's trail first. */
    static Response csv(
            AuditStore store,
            GatewayAudit audit,
            EdgeCaller caller,
            Set<String> roles,
            java.util.UUID orgId,
            String format,
            AuditStore.Filter filter,
            String name) {
        if (!"csv".equals(format)) {
            throw ProblemException.badRequest("unsupported-format", "format must be csv.");
        }
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(
                        caller,
                        roles,
                        orgId,
                        null,
                        "audit.exported",
                        "audit",
                        orgId == null ? "platform" : orgId.toString(),
                        null,
                        filter));
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(AuditCsv.HEADER);
            try {
                store.stream(filter, entry -> {
                    try {
                        writer.write(AuditCsv.row(entry));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    static AuditStore.Filter filter(
            String orgId, String from, String to, String actor, String action, String target, String service) {
        return new AuditStore.Filter(
                orgId,
                instant("from", from),
                instant("to", to),
                text("actor", actor),
                text("action", action),
                text("target", target),
                text("service", service));
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-limit", "limit must be 1 to " + MAX_LIMIT + ".");
        }
        return limit;
    }

    static Instant instant(String name, String value) {
        String text = text(name, value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    "invalid-" + name, name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z.");
        }
    }

    /** A filter's text: blank is none; control characters (NUL among them) or over 256 characters: 400. */
    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER || value.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(
                    "invalid-" + name.replace('_', '-'), name + " must be printable text of at most 256 characters.");
        }
        return value;
    }
}
