/** The realm roles Attest knows (Keycloak `realm_access.roles`); others (offline_access, …) are ignored. */
export const ROLES = ['platform-admin', 'org-admin', 'user'] as const;
export type Role = (typeof ROLES)[number];

/** The access-token claims the console reads. */
export interface TokenClaims {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
  /** The organization the user signed up for (id or slug), when the realm maps one. */
  org_id?: string;
  realm_access?: { roles?: string[] };
}

/** An organization as `GET /orgs` lists it (only what access needs). */
export interface OrgRef {
  id?: string;
  slug?: string;
  /** The caller's roles in it, as the gateway decides them (`user`, `org-admin`, `platform-admin`). */
  my_roles?: readonly string[] | null;
}

/**
 * The payload of a JWT, unverified: the gateway verifies tokens, the console only reads who the user is
 * to decide what to show. Throws on a malformed token.
 */
export function decodeJwt(token: string): TokenClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof claims !== 'object' || claims === null || typeof (claims as TokenClaims).sub !== 'string') {
    throw new Error('JWT payload without sub');
  }
  return claims as TokenClaims;
}

export function rolesOf(claims: TokenClaims): Role[] {
  const granted = claims.realm_access?.roles ?? [];
  return ROLES.filter((role) => granted.includes(role));
}

/** What the signed-in person may see in the console. */
export interface Access {
  roles: Role[];
  platformAdmin: boolean;
  /** The end-user area (KYC, wallet, identity): a `user` of an organization. */
  endUser: boolean;
  /** In-app notifications (`/notifications/me`): users and org admins of an organization. */
  notifications: boolean;
  /** Whether the person administers this organization (by id or slug). */
  adminOf(org: string): boolean;
}

function matches(org: OrgRef, idOrSlug: string | undefined): boolean {
  return idOrSlug !== undefined && (org.id === idOrSlug || org.slug === idOrSlug);
}

/**
 * The console's areas from the caller's roles in each organization (`my_roles` of `GET /orgs`, decided by
 * the gateway's TenantAccess) and the token's realm roles (platform admin). An organization listed without
 * `my_roles` falls back to the realm roles: `user`, and `org-admin` for the token's `org_id` only.
 */
export function deriveAccess(claims: TokenClaims, orgs: readonly OrgRef[]): Access {
  const roles = rolesOf(claims);
  const platformAdmin = roles.includes('platform-admin');
  const realmOrgAdmin = roles.includes('org-admin');
  const rolesIn = (org: OrgRef): readonly string[] => {
    if (org.my_roles != null) return org.my_roles;
    const fallback: string[] = roles.includes('user') ? ['user'] : [];
    if (realmOrgAdmin && matches(org, claims.org_id)) fallback.push('org-admin');
    return fallback;
  };
  // `user` in an organization: a member or the token's org (the gateway adds it for both); a platform
  // admin's org-admin in every organization is not a membership.
  const endUser = orgs.some((org) => rolesIn(org).includes('user'));
  const ownAdmin = orgs.some((org) => rolesIn(org).includes('org-admin') && !rolesIn(org).includes('platform-admin'));
  return {
    roles,
    platformAdmin,
    endUser,
    notifications: endUser || ownAdmin,
    adminOf(org) {
      if (platformAdmin) return true;
      const found = orgs.find((o) => matches(o, org));
      return found !== undefined && rolesIn(found).includes('org-admin');
    },
  };
}

/** The name to show for the person: name, else username, else email. */
export function displayName(claims: TokenClaims): string {
  return claims.name?.trim() || claims.preferred_username || claims.email || 'Signed in';
}
