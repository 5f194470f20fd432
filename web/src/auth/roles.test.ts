import { describe, expect, it } from 'vitest';
import { decodeJwt, deriveAccess, displayName, rolesOf, type TokenClaims } from './roles';

/** An unsigned JWT with these claims (base64url, as Keycloak writes them). */
function jwt(claims: object): string {
  const part = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

const demo = { id: 'ef8fc3ca-f8d6-44cc-b1c4-08dd53a44c51', slug: 'demo' };
const other = { id: '0b6c1f9e-0000-4000-8000-000000000001', slug: 'acme' };

describe('decodeJwt', () => {
  it('reads the payload of a Keycloak access token, UTF-8 included', () => {
    const claims = decodeJwt(
      jwt({
        sub: 'c220871a',
        name: 'Zoë Müller',
        org_id: 'demo',
        realm_access: { roles: ['offline_access', 'user', 'default-roles-attest'] },
      }),
    );
    expect(claims.sub).toBe('c220871a');
    expect(claims.name).toBe('Zoë Müller');
    expect(rolesOf(claims)).toEqual(['user']);
  });

  it('refuses what is not a JWT', () => {
    expect(() => decodeJwt('opaque-token')).toThrow();
    expect(() => decodeJwt(`x.${btoa('{"no":"sub"}')}.y`)).toThrow();
  });
});

describe('deriveAccess', () => {
  const user: TokenClaims = { sub: 'u', org_id: 'demo', realm_access: { roles: ['user'] } };
  const orgAdmin: TokenClaims = { sub: 'a', org_id: 'demo', realm_access: { roles: ['org-admin'] } };
  const platformAdmin: TokenClaims = { sub: 'p', realm_access: { roles: ['platform-admin'] } };

  it('gives a user of an organization the end-user area and notifications only', () => {
    const access = deriveAccess(user, [demo]);
    expect(access).toMatchObject({ endUser: true, notifications: true, platformAdmin: false });
    expect(access.adminOf('demo')).toBe(false);
  });

  it('gives the end-user area to nobody outside an organization (before joining)', () => {
    expect(deriveAccess(user, [])).toMatchObject({ endUser: false, notifications: false });
  });

  it("lets the realm's org-admin administer the token's organization only, by slug or id", () => {
    const access = deriveAccess(orgAdmin, [demo, other]);
    expect(access.adminOf('demo')).toBe(true);
    expect(access.adminOf(demo.id)).toBe(true);
    expect(access.adminOf('acme')).toBe(false);
    expect(access).toMatchObject({ endUser: false, notifications: true });
  });

  it('gives an org-admin whose org_id names none of their organizations no organization area', () => {
    expect(deriveAccess({ ...orgAdmin, org_id: 'gone' }, [demo]).adminOf('demo')).toBe(false);
  });

  it('lets a platform admin administer every organization and the platform', () => {
    const access = deriveAccess(platformAdmin, [demo, other]);
    expect(access.platformAdmin).toBe(true);
    expect(access.adminOf('acme')).toBe(true);
    expect(access.endUser).toBe(false);
  });

  it("follows the gateway's my_roles when the organizations state them", () => {
    // Every account has the realm role `user` (Keycloak's default roles); the gateway says where it counts.
    const everyone = (claims: TokenClaims): TokenClaims => ({
      ...claims,
      realm_access: { roles: [...(claims.realm_access?.roles ?? []), 'user'] },
    });
    const admin = deriveAccess(everyone(orgAdmin), [{ ...demo, my_roles: ['org-admin', 'user'] }, { ...other, my_roles: ['user'] }]);
    expect(admin.adminOf('demo')).toBe(true);
    expect(admin.adminOf('acme')).toBe(false);
    expect(admin).toMatchObject({ endUser: true, notifications: true });

    // A member made org-admin through the member list, without the realm role.
    const promoted = deriveAccess(user, [{ ...demo, my_roles: ['org-admin', 'user'] }]);
    expect(promoted.adminOf(demo.id)).toBe(true);

    // A platform admin administers every organization without being its end user.
    const platform = deriveAccess(everyone(platformAdmin), [
      { ...demo, my_roles: ['org-admin', 'platform-admin'] },
      { ...other, my_roles: ['org-admin', 'platform-admin'] },
    ]);
    expect(platform).toMatchObject({ platformAdmin: true, endUser: false, notifications: false });
    expect(platform.adminOf('acme')).toBe(true);

    // A user's only roles are the end user's.
    expect(deriveAccess(user, [{ ...demo, my_roles: ['user'] }])).toMatchObject({ endUser: true, notifications: true });
    expect(deriveAccess(user, [{ ...demo, my_roles: ['user'] }]).adminOf('demo')).toBe(false);
  });

  it('ignores roles Attest does not know', () => {
    expect(rolesOf({ sub: 'x', realm_access: { roles: ['uma_authorization', 'admin'] } })).toEqual([]);
    expect(rolesOf({ sub: 'x' })).toEqual([]);
  });
});

describe('displayName', () => {
  it('prefers the name, then the username, then the email', () => {
    expect(displayName({ sub: 's', name: 'Demo User', preferred_username: 'demo-user' })).toBe('Demo User');
    expect(displayName({ sub: 's', preferred_username: 'demo-user', email: 'd@x.test' })).toBe('demo-user');
    expect(displayName({ sub: 's', email: 'd@x.test' })).toBe('d@x.test');
  });
});
