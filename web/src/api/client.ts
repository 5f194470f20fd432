import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths as ComplianceApi } from './generated/compliance-service';
import type { paths as DocumentApi } from './generated/document-service';
import type { paths as GatewayApi } from './generated/gateway';
import type { paths as IdentityApi } from './generated/identity-service';
import type { paths as NotificationApi } from './generated/notification-service';
import type { paths as WalletApi } from './generated/wallet-service';
import type { ComplianceAdditions, WalletAdditions } from './additions';
import { ApiError, NetworkError } from './problem';

/** Where the API clients get what they send with every request. */
export interface ApiCredentials {
  /** The signed-in user's current access token, or null when signed out. */
  accessToken(): Promise<string | null>;
  /** The selected project's id, sent as `Attest-Project`, or null to let the gateway choose. */
  projectId(): string | null;
}

/** The gateway answers 400 when `Attest-Project` contradicts a `…/projects/{project}/…` path. */
function namesProject(url: string): boolean {
  return new URL(url).pathname.includes('/projects/');
}

function credentialsMiddleware(credentials: ApiCredentials): Middleware {
  return {
    async onRequest({ request }) {
      const token = await credentials.accessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      const project = credentials.projectId();
      if (project && !request.headers.has('Attest-Project') && !namesProject(request.url)) {
        request.headers.set('Attest-Project', project);
      }
      return request;
    },
    onError({ error }) {
      // No answer at all (offline, refused): a NetworkError, unless the caller aborted.
      if (error instanceof DOMException && error.name === 'AbortError') return error;
      return new NetworkError(error);
    },
  };
}

/**
 * One typed client per service document. Every path is the gateway's (same origin), so all share
 * baseUrl '' and the same credentials.
 */
export function createApi(credentials: ApiCredentials, options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
  const middleware = credentialsMiddleware(credentials);
  function client<Paths extends object>(): Client<Paths> {
    const c = createClient<Paths>({ baseUrl: options.baseUrl ?? '', ...(options.fetch ? { fetch: options.fetch } : {}) });
    c.use(middleware);
    return c;
  }
  return {
    /** Tenancy: organizations, projects, members, API keys, usage, join. */
    gateway: client<GatewayApi>(),
    /** KYC and KYB cases, review queues, Persona and Sumsub settings (with the paths of `additions.ts` until generated). */
    compliance: client<ComplianceApi & ComplianceAdditions>(),
    /** Wallets, transfers, approvals, Dfns settings, spending policy and gas sponsorship (with `additions.ts`). */
    wallet: client<WalletApi & WalletAdditions>(),
    /** On-chain identities and claims. */
    identity: client<IdentityApi>(),
    /** In-app notifications and webhook endpoints. */
    notification: client<NotificationApi>(),
    /** Client-encrypted documents: party keys, requirements, cases, wrapped keys and ciphertexts. */
    document: client<DocumentApi>(),
  };
}

export type Api = ReturnType<typeof createApi>;

/**
 * The data of a successful call, or throws an {@link ApiError} (any non-2xx answer, with its problem).
 *
 *     const kyc = await unwrap(api.compliance.GET('/compliance/kyc/me', { signal }));
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.from(response, error);
  return data as T;
}
