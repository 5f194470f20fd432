package dev.attest.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.attest.common.json.UnstorableTextException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers, for every service: each answer is an RFC 9457
 * problem document with a stable type.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response problem =
                respond(401, "unauthenticated", "Unauthenticated", "A valid bearer token is required.", uri, List.of());
        return Response.fromResponse(problem)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "The caller may not do this.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response invalidRequest(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e.getConstraintViolations(), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return violations(e.getConstraintViolations(), uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class})
    public Response malformedBody(JsonProcessingException e, UriInfo uri) {
        // Named for each subtype: Quarkus' own mapper of MismatchedInputException would otherwise answer a bare 400.
        if (e instanceof UnstorableTextException) {
            return respond(400, "invalid-text", "Invalid text", UnstorableTextException.MESSAGE, uri, List.of());
        }
        return respond(400, "malformed-body", "Malformed request body", JsonErrors.describe(e), uri, List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedBody(json, uri);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a parameter does not convert (page=abc): the route exists, the input is wrong.
            return respond(
                    400,
                    "invalid-parameter",
                    "Invalid parameter",
                    "A path or query parameter does not have the type this operation takes.",
                    uri,
                    List.of());
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return respond(status.getStatusCode(), slug, status.getReasonPhrase(), e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        String detail = "An unexpected error occurred; quote reference " + reference + " to support.";
        return respond(500, "internal-error", "Internal error", detail, uri, List.of());
    }

    private static Response violations(Set<? extends ConstraintViolation<?>> violations, UriInfo uri) {
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(400, "validation-failed", "Validation failed", "The request has invalid fields.", uri, errors);
    }

    /**
     * The request-facing name of the invalid field: {@code create.body.userId} becomes {@code user_id}
     * (every service writes JSON in snake case), a query parameter keeps its own name.
     */
    private static String fieldName(Path path) {
        List<String> properties = new ArrayList<>();
        String last = "";
        for (Path.Node node : path) {
            last = node.getName();
            if (node.getKind() == ElementKind.PROPERTY) {
                properties.add(SNAKE_CASE.translate(node.getName()));
            }
        }
        return properties.isEmpty() ? last : String.join(".", properties);
    }

    static Response respond(
            int status, String slug, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        String instance = uri == null ? null : uri.getPath();
        Problem problem = new Problem(Problem.type(slug), title, status, detail, instance, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
