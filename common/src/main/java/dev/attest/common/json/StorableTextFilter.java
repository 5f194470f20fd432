package dev.attest.common.json;

import dev.attest.common.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a NUL character in any path or query parameter before a resource method sees it (see the body's twin, {@link StorableTextCustomizer}). */
public class StorableTextFilter {

    @ServerRequestFilter
    public void refuseNulInParameters(UriInfo uri) {
        if (containsNul(uri.getPathParameters()) || containsNul(uri.getQueryParameters())) {
            throw ProblemException.badRequest("invalid-text", UnstorableTextException.MESSAGE);
        }
    }

    private static boolean containsNul(MultivaluedMap<String, String> parameters) {
        for (List<String> values : parameters.values()) {
            for (String value : values) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
