package dev.attest.common.security;

/** The roles the gateway states in its tokens; services check them with {@code @RolesAllowed}. */
public final class Roles {
    /** Operates the platform: creates organizations. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Administers one organization: its projects, members, keys, provider settings and review queue. */
    public static final String ORG_ADMIN = "org-admin";
    /** An end user of an organization, signed in through OIDC. */
    public static final String USER = "user";
    /** A server calling with a project API key; what it may do is in its scopes. */
    public static final String API_KEY = "api-key";

    private Roles() {}
}
