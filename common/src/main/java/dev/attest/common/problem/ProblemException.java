package dev.attest.common.problem;

/**
 * Thrown by services to answer with a problem document. The detail is shown to the caller: it must say
 * what is wrong without leaking secrets or another tenant's data.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final java.util.List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, java.util.List.of());
    }

    private ProblemException(
            int status, String slug, String title, String detail, java.util.List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    /**
     * A field that Bean Validation cannot judge alone (it depends on another field, or on stored state): answered
     * as Bean Validation's own failures are, {@code validation-failed} with the field named in {@code errors}.
     */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                400,
                "validation-failed",
                "Validation failed",
                "The request has invalid fields.",
                java.util.List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Bad request", detail);
    }

    /** Also what a caller gets for another tenant's resource: it learns nothing about its existence. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public java.util.List<Problem.FieldError> errors() {
        return errors;
    }
}
