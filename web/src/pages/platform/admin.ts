/**
 * The platform's administration (issue 20, docs/administration.md): platform admins suspend and reactivate
 * organizations, projects and users, find users across organizations, and delete organizations (export, erasure,
 * record). The pages call the gateway's `/platform/**` routes through the functions here.
 */
import { unwrap, type Api } from '../../api/client';
import type { components } from '../../api/generated/gateway';
import { ApiError } from '../../api/problem';
import { attachmentName } from '../org/audit';
import { statusWords } from '../org/format';

export type SuspensionView = components['schemas']['SuspensionView'];
export type SuspensionState = components['schemas']['SuspensionState'];
export type SuspensionLogEntry = components['schemas']['LogEntry'];
export type FoundUser = components['schemas']['FoundUser'];
export type Membership = components['schemas']['Membership'];
export type Erasure = components['schemas']['Erasure'];

/** What a suspension applies to, as the gateway names the kinds. */
export type SuspensionKind = 'organization' | 'project' | 'user';

/** The longest reason the gateway records (suspensions, reactivations, deletions). */
export const MAX_REASON = 1000;
/** A user search's query: 1 to 200 characters once trimmed. */
export const MAX_USER_QUERY = 200;

/**
 * What is wrong with a reason, or null: a suspension needs one (not blank), a reactivation or a deletion may go
 * without; none is over 1000 characters. The gateway checks the same (`SuspensionRequest`, `ReactivationRequest`,
 * `invalid-reason`).
 */
export function reasonProblem(reason: string, required: boolean): string | null {
  const text = reason.trim();
  if (required && !text) return 'Enter a reason: it is recorded with the suspension and in the audit trail.';
  if (text.length > MAX_REASON) return `At most ${MAX_REASON} characters.`;
  return null;
}

/** What is wrong with a user search's query, or null (as the gateway's `invalid-query`). */
export function userQueryProblem(q: string): string | null {
  const text = q.trim();
  if (!text) return 'Enter a user id (subject) or a part of an email address.';
  if (text.length > MAX_USER_QUERY) return `At most ${MAX_USER_QUERY} characters.`;
  return null;
}

/** The users page's address: the query and the user whose suspension is shown, only those set. */
export interface UserSearch {
  q: string;
  /** The subject of the user shown below the results; '' for none. */
  user: string;
}

export function parseUserSearch(params: URLSearchParams): UserSearch {
  return { q: (params.get('q') ?? '').trim(), user: (params.get('user') ?? '').trim() };
}

export function userSearchParams(search: UserSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q.trim()) params.set('q', search.q.trim());
  if (search.user.trim()) params.set('user', search.user.trim());
  return params;
}

/** The body of a suspension or reactivation: the reason trimmed, and none at all when a reactivation has none. */
export function suspensionBody(reason: string): { reason?: string } {
  const text = reason.trim();
  return text ? { reason: text } : {};
}

/** The suspension calls of one organization (id or slug), project (id) or user (subject). */
export function suspensionCalls(api: Api, kind: SuspensionKind, target: string) {
  const gateway = api.gateway;
  return {
    get(signal?: AbortSignal): Promise<SuspensionView> {
      switch (kind) {
        case 'organization':
          return unwrap(gateway.GET('/platform/organizations/{org}/suspension', { params: { path: { org: target } }, signal }));
        case 'project':
          return unwrap(gateway.GET('/platform/projects/{project}/suspension', { params: { path: { project: target } }, signal }));
        case 'user':
          return unwrap(gateway.GET('/platform/users/{user}/suspension', { params: { path: { user: target } }, signal }));
      }
    },
    /** Suspends: the reason is required (checked with {@link reasonProblem} before). */
    suspend(reason: string): Promise<SuspensionState> {
      const body = { reason: reason.trim() };
      switch (kind) {
        case 'organization':
          return unwrap(gateway.POST('/platform/organizations/{org}/suspend', { params: { path: { org: target } }, body }));
        case 'project':
          return unwrap(gateway.POST('/platform/projects/{project}/suspend', { params: { path: { project: target } }, body }));
        case 'user':
          return unwrap(gateway.POST('/platform/users/{user}/suspend', { params: { path: { user: target } }, body }));
      }
    },
    reactivate(reason: string): Promise<SuspensionState> {
      const body = suspensionBody(reason);
      switch (kind) {
        case 'organization':
          return unwrap(gateway.POST('/platform/organizations/{org}/reactivate', { params: { path: { org: target } }, body }));
        case 'project':
          return unwrap(gateway.POST('/platform/projects/{project}/reactivate', { params: { path: { project: target } }, body }));
        case 'user':
          return unwrap(gateway.POST('/platform/users/{user}/reactivate', { params: { path: { user: target } }, body }));
      }
    },
  };
}

/** The platform's calls about users and about organizations as wholes (plans are in `plans.ts`). */
export function platformCalls(api: Api) {
  const gateway = api.gateway;
  return {
    /** Users whose subject is `q` or whose email contains it. */
    async findUsers(q: string, signal?: AbortSignal): Promise<FoundUser[]> {
      const found = await unwrap(gateway.GET('/platform/users', { params: { query: { q: q.trim() } }, signal }));
      return found.users ?? [];
    },
    /** Exports, erases, records and announces; answers the erasure record. `reason` is left out when empty. */
    deleteOrganization(org: string, reason: string): Promise<Erasure> {
      const text = reason.trim();
      return unwrap(gateway.DELETE('/platform/organizations/{org}', { params: { path: { org }, query: text ? { reason: text } : {} } }));
    },
    erasures(org: string, signal?: AbortSignal): Promise<Erasure[]> {
      return unwrap(gateway.GET('/platform/organizations/{org}/erasures', { params: { path: { org } }, signal }));
    },
    /** The export made at the deletion (by the former id or slug), fetched with the bearer token. */
    async export(org: string): Promise<{ file: Blob; fileName: string }> {
      const { data, error, response } = await gateway.GET('/platform/organizations/{org}/export', { params: { path: { org } }, parseAs: 'blob' });
      if (!response.ok) throw ApiError.from(response, error);
      return {
        file: data ?? new Blob([], { type: 'application/json' }),
        fileName: attachmentName(response.headers.get('Content-Disposition')) ?? `organization-${org.replace(/[^A-Za-z0-9-]/g, '_')}.json`,
      };
    },
  };
}

/**
 * Whether the deletion is confirmed: the organization's slug typed exactly (surrounding spaces aside), as the
 * person sees it on the page. Nothing is sent before.
 */
export function deletionConfirmed(typed: string, slug: string | null | undefined): boolean {
  return Boolean(slug) && typed.trim() === slug;
}

const ERASED_KINDS: Record<string, string> = {
  organizations: 'Organization',
  projects: 'Projects',
  members: 'Members',
  api_keys: 'API keys',
  usage_days: 'Usage rows',
  plans: 'Plan',
  suspensions: 'Current suspensions',
  project_rate_limit_buckets: 'Projects’ rate-limit buckets',
  member_rate_limit_buckets: 'Members’ rate-limit buckets',
};

/** What a deletion erased, in words and in the gateway's order, e.g. [["API keys", 3], ["Members", 2], …]. */
export function erasedRows(erased: Erasure['erased']): [string, number][] {
  return Object.entries(erased ?? {}).map(([kind, count]) => [
    ERASED_KINDS[kind] ?? statusWords(kind).replace(/^./, (c) => c.toUpperCase()),
    count,
  ]);
}

/** One membership of a found user, as the results list it: `Acme Bank (acme), org-admin`. */
export function membershipText(membership: Membership): string {
  const name = membership.name || membership.slug || membership.org_id || 'unknown organization';
  const slug = membership.slug && membership.slug !== name ? ` (${membership.slug})` : '';
  return `${name}${slug}, ${membership.role ?? 'no role'}`;
}
