package dev.attest.common.problem;

/**
 * Thrown by services to answer with a problem document. The detail is shown to the caller: it must say
 * what is wrong without leaking secrets or another tenant's data.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
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
}
