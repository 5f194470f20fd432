import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../auth/AuthContext';
import { createApi, type Api } from './client';

interface ApiValue {
  api: Api;
  /** The project requests act in (`Attest-Project`), or null to let the gateway choose. */
  projectId: string | null;
  setProjectId(projectId: string | null): void;
}

const ApiContext = createContext<ApiValue | null>(null);

/** Provides the typed API clients, sending the signed-in user's token and the selected project. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { getAccessToken } = useAuth();
  const [projectId, setProjectId] = useState<string | null>(null);
  // The clients are made once; they read the current token and project when each request is sent.
  const project = useRef(projectId);
  const token = useRef(getAccessToken);
  // Layout effects run before any child's effect of the same commit, so no request sees a stale value.
  useLayoutEffect(() => {
    project.current = projectId;
    token.current = getAccessToken;
  }, [projectId, getAccessToken]);
  const api = useMemo(
    () => createApi({ accessToken: () => token.current(), projectId: () => project.current }),
    [],
  );
  const value = useMemo(() => ({ api, projectId, setProjectId }), [api, projectId]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi() outside <ApiProvider>');
  return value;
}

/**
 * The typed API clients: `api.gateway`, `api.compliance`, `api.wallet`, `api.identity`, `api.notification`, `api.document`.
 *
 *     const api = useApi();
 *     const me = useAsync((signal) => unwrap(api.wallet.GET('/wallets/me', { signal })), [api]);
 */
export function useApi(): Api {
  return useApiContext().api;
}

/** The selected project and its setter (the header's project switcher). */
export function useProjectSelection(): [string | null, (projectId: string | null) => void] {
  const { projectId, setProjectId } = useApiContext();
  return [projectId, setProjectId];
}
