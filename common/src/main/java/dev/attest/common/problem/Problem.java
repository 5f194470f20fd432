package dev.attest.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error response ({@code application/problem+json}).
 *
 * @param type stable identifier of the kind of problem; clients branch on it, never on {@code detail}
 * @param errors for validation problems, which field failed and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://attest.dev/problems/";

    /** The type URI of the problem kind {@code slug}, e.g. {@code validation-failed}. */
    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}
}
