package dev.attest.gateway.monitoring;

import dev.attest.gateway.security.EdgeCaller;
import java.util.Optional;
import java.util.UUID;

/**
 * What an incident is about, as {@code <kind>:<id>}: the unit that detectors count per and that one incident stands
 * for. A source address, an API key, a user (OIDC subject), an organization as a webhook's path names it, or one
 * of the platform's services.
 */
public final class Subjects {
    public static final String SOURCE = "source";
    public static final String API_KEY = "api-key";
    public static final String USER = "user";
    public static final String ORGANIZATION = "org";
    public static final String SERVICE = "service";

    private Subjects() {}

    public static String source(String address) {
        return SOURCE + ":" + address;
    }

    public static String apiKey(UUID keyId) {
        return API_KEY + ":" + keyId;
    }

    public static String user(String subject) {
        return USER + ":" + subject;
    }

    public static String organization(String ref) {
        return ORGANIZATION + ":" + ref;
    }

    /** One of the platform's services, by its name (its audit chain). */
    public static String service(String name) {
        return SERVICE + ":" + name;
    }

    /** The caller's subject: its API key, or the signed-in user. */
    public static String caller(EdgeCaller caller) {
        return caller.apiKey().map(grant -> apiKey(grant.keyId())).orElseGet(() -> user(caller.subject()));
    }

    /** The kind of {@code subject} ({@link #SOURCE}, …). */
    public static String kind(String subject) {
        int colon = subject.indexOf(':');
        return colon < 0 ? "" : subject.substring(0, colon);
    }

    /** The id part of {@code subject} when it is of {@code kind}. */
    public static Optional<String> idOf(String subject, String kind) {
        return kind(subject).equals(kind) ? Optional.of(subject.substring(kind.length() + 1)) : Optional.empty();
    }

    /** How a summary names one such subject: "from one address", "by one user", … */
    static String phrase(String subject) {
        return switch (kind(subject)) {
            case SOURCE -> "from one address";
            case API_KEY -> "with one API key";
            case USER -> "by one user";
            case ORGANIZATION -> "for one organization";
            case SERVICE -> "for one service";
            default -> "";
        };
    }
}
