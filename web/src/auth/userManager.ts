import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ConsoleConfig } from '../config/config';

/** What travels through the sign-in round trip (oidc-client-ts keeps it in the state store). */
export interface SignInState {
  /** Console path (without the /console base) to return to. */
  returnTo: string;
  /** Organization to join after sign-up (`?org=` of the sign-up link). */
  signupOrg?: string | null;
}

/**
 * Authorization code + PKCE with the realm's public client. Tokens stay in memory (a reload signs in
 * again through the identity provider's session); only the PKCE verifier and state sit in sessionStorage
 * for the redirect round trip. Access tokens are renewed with the refresh token before they expire.
 */
export function createUserManager(oidc: ConsoleConfig['oidc'], origin = window.location.origin): UserManager {
  const base = `${origin}${import.meta.env.BASE_URL}`;
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.client_id,
    redirect_uri: `${base}callback`,
    post_logout_redirect_uri: base,
    response_type: 'code',
    scope: 'openid profile email',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    loadUserInfo: false,
    monitorSession: false,
  });
}

/**
 * The manager for sign-up: the same client, state store and callback, sent to the registration page.
 * Sign-up asks with `prompt=create` (OIDC "Initiating User Registration"); Keycloak before 26.1 ignores that
 * and shows its sign-in page, but serves registration at `…/protocol/openid-connect/registrations` with the
 * same parameters, so for a Keycloak realm that becomes the authorization endpoint. Other providers keep
 * theirs (and honour `prompt=create`).
 */
export function signUpManager(manager: UserManager): UserManager {
  const authority = manager.settings.authority.replace(/\/+$/, '');
  if (!/\/realms\/[^/]+$/.test(authority)) return manager;
  return new UserManager({
    ...manager.settings,
    metadataSeed: {
      ...manager.settings.metadataSeed,
      authorization_endpoint: `${authority}/protocol/openid-connect/registrations`,
    },
  });
}
