package dev.attest.common.security;

/**
 * The contract of the short-lived token the gateway signs for every request it forwards. Services accept
 * no other credential: org, project, subject and roles come only from here, never from a header or body a
 * client could set.
 */
public final class GatewayToken {
    /** {@code iss} of every gateway token. */
    public static final String ISSUER = "attest-gateway";
    /** {@code aud} of every gateway token. */
    public static final String AUDIENCE = "attest-services";
    /** Claim: the organization (tenant) the caller acts in. */
    public static final String ORG_ID = "org_id";
    /** Claim: the slug of that organization, so a service can accept a path naming it either way. */
    public static final String ORG_SLUG = "org_slug";
    /** Claim: the project, when the caller is a project API key or chose a project. */
    public static final String PROJECT_ID = "project_id";
    /** Claim: the scopes of a project API key, space separated. */
    public static final String SCOPE = "scope";
    /** Claim: the caller's email, when the identity provider states one (used for admin notifications). */
    public static final String EMAIL = "email";
    /** The roles are the standard MicroProfile JWT {@code groups} claim, so {@code @RolesAllowed} works. */
    public static final String ROLES = "groups";

    private GatewayToken() {}
}
