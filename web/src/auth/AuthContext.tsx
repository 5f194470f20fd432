import type { User, UserManager } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { decodeJwt, type TokenClaims } from './roles';
import { signUpManager, type SignInState } from './userManager';

export interface AuthValue {
  /** `loading` until the user store was read once. */
  status: 'loading' | 'signed-out' | 'signed-in';
  /** Claims of the current access token (who, realm roles, org_id), or null. */
  claims: TokenClaims | null;
  /** The current access token, renewed first if it expired; null when signed out. */
  getAccessToken(): Promise<string | null>;
  /** Redirects to the identity provider's sign-in page; back at `returnTo` (a console path) afterwards. */
  signIn(returnTo?: string): Promise<void>;
  /** Redirects to the registration page (`prompt=create`); the new user then joins `org` (or the configured one). */
  signUp(org?: string | null): Promise<void>;
  /** Ends the session at the identity provider and comes back to the console's start page. */
  signOut(): Promise<void>;
  /** Completes the redirect on /callback; returns what the sign-in carried. */
  completeSignIn(): Promise<SignInState>;
  /** The organization a sign-up asked to join (`?org=`), until the console joined it. */
  signupOrg: string | null;
}

const AuthContext = createContext<AuthValue | null>(null);

function claimsOf(user: User | null): TokenClaims | null {
  if (!user) return null;
  try {
    return decodeJwt(user.access_token);
  } catch {
    return null;
  }
}

/** The callback runs once per URL even when React mounts the page twice (StrictMode). */
const callbacks = new Map<string, Promise<User>>();

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<AuthValue['status']>('loading');
  const [signupOrg, setSignupOrg] = useState<string | null>(null);
  const renewal = useRef<Promise<User | null> | null>(null);

  useEffect(() => {
    const loaded = (next: User) => {
      setUser(next);
      setStatus('signed-in');
    };
    const unloaded = () => {
      setUser(null);
      setStatus('signed-out');
    };
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(unloaded);
    manager.getUser().then((stored) => (stored && !stored.expired ? loaded(stored) : unloaded()));
    return () => {
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(unloaded);
    };
  }, [manager]);

  const getAccessToken = useCallback(async () => {
    const current = await manager.getUser();
    if (!current) return null;
    if (!current.expired) return current.access_token;
    // Asleep past the automatic renewal: renew once for every caller waiting.
    renewal.current ??= manager.signinSilent().catch(async () => {
      await manager.removeUser();
      return null;
    });
    const renewed = await renewal.current.finally(() => {
      renewal.current = null;
    });
    return renewed?.access_token ?? null;
  }, [manager]);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      claims: claimsOf(user),
      getAccessToken,
      signupOrg,
      signIn: (returnTo = '/') => manager.signinRedirect({ state: { returnTo } satisfies SignInState }),
      signUp: (org = null) =>
        signUpManager(manager).signinRedirect({
          prompt: 'create',
          state: { returnTo: '/', signupOrg: org } satisfies SignInState,
        }),
      signOut: () => manager.signoutRedirect(),
      async completeSignIn() {
        const url = window.location.href;
        if (!callbacks.has(url)) callbacks.set(url, manager.signinRedirectCallback(url));
        const signedIn = await callbacks.get(url)!;
        const state = (signedIn.state ?? { returnTo: '/' }) as SignInState;
        if (state.signupOrg) setSignupOrg(state.signupOrg);
        return state;
      },
    }),
    [manager, status, user, getAccessToken, signupOrg],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth context, or null outside an AuthProvider (components that work signed out or in isolation). */
export function useOptionalAuth(): AuthValue | null {
  return useContext(AuthContext);
}

export function useAuth(): AuthValue {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() outside <AuthProvider>');
  return auth;
}
