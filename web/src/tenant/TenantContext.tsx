import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useApi, useProjectSelection } from '../api/ApiContext';
import { unwrap } from '../api/client';
import type { components } from '../api/generated/gateway';
import { useAuth } from '../auth/AuthContext';
import { deriveAccess, type Access } from '../auth/roles';
import { useConfig } from '../config/ConfigContext';
import { useAsync } from '../hooks/useAsync';

export type Organization = components['schemas']['OrganizationView'];

export interface TenantValue {
  /** `loading` until the caller's organizations are known (and a sign-up's join is done). */
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  /** The caller's organizations (`GET /orgs`; every organization for a platform admin). */
  orgs: Organization[];
  /** The organization the console acts in (the header's switcher), or null. */
  org: Organization | null;
  selectOrg(slugOrId: string): void;
  access: Access;
  /** Why joining the sign-up's organization failed (e.g. it does not accept self sign-up), or null. */
  joinError: unknown;
  reload(): void;
}

const TenantContext = createContext<TenantValue | null>(null);

/**
 * The caller's organizations and what they may see. A signed-in user who belongs to no organization
 * joins the sign-up's one (`?org=` of the sign-up link, else the configured `signup_org`).
 */
export function TenantProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const config = useConfig();
  const { status: authStatus, claims, signupOrg } = useAuth();
  const [, setProjectId] = useProjectSelection();
  const [selected, setSelected] = useState<string | null>(null);
  const subject = claims?.sub ?? null;

  const loaded = useAsync(
    async (signal) => {
      if (authStatus !== 'signed-in' || !claims) return { orgs: [] as Organization[], joinError: null as unknown };
      let orgs = await unwrap(api.gateway.GET('/orgs', { signal }));
      let joinError: unknown = null;
      const joinOrg = signupOrg ?? config.signup_org;
      if (orgs.length === 0 && joinOrg && !deriveAccess(claims, []).platformAdmin) {
        try {
          await unwrap(api.gateway.POST('/orgs/{org}/join', { params: { path: { org: joinOrg } }, signal }));
          orgs = await unwrap(api.gateway.GET('/orgs', { signal }));
        } catch (failure) {
          joinError = failure;
        }
      }
      return { orgs, joinError };
    },
    // claims change with every renewed token; who is signed in changes with `subject`.
    [api, authStatus, subject, signupOrg, config.signup_org],
  );

  const selectOrg = useCallback(
    (slugOrId: string) => {
      setSelected(slugOrId);
      setProjectId(null);
    },
    [setProjectId],
  );

  const value = useMemo<TenantValue>(() => {
    const orgs = loaded.data?.orgs ?? [];
    const org = orgs.find((o) => o.slug === selected || o.id === selected) ?? orgs[0] ?? null;
    return {
      status: loaded.error ? 'error' : loaded.data === undefined || authStatus === 'loading' ? 'loading' : 'ready',
      error: loaded.error,
      orgs,
      org,
      selectOrg,
      access: deriveAccess(claims ?? { sub: '' }, orgs),
      joinError: loaded.data?.joinError ?? null,
      reload: loaded.reload,
    };
  }, [loaded.data, loaded.error, loaded.reload, selected, selectOrg, claims, authStatus]);

  return <TenantContext.Provider value={value}>{children}</TenantContext.Provider>;
}

export function useTenant(): TenantValue {
  const value = useContext(TenantContext);
  if (!value) throw new Error('useTenant() outside <TenantProvider>');
  return value;
}

/** What the signed-in person may see (roles and organizations). */
export function useAccess(): Access {
  return useTenant().access;
}
