/**
 * The audit trail (issue 20): every service records its admin actions, and the gateway keeps a copy of them all that
 * an organization's admins search and export for their organization (`/orgs/{org}/audit`) and platform admins for
 * every organization (`/platform/audit`). Both pages call the API through {@link auditCalls}.
 */
import { unwrap, type Api } from '../../api/client';
import type { components } from '../../api/generated/gateway';
import { ApiError } from '../../api/problem';
import { isoDay, parseDay } from './usageSeries';

export type AuditEntry = components['schemas']['AuditRecord'];
export type AuditPage = components['schemas']['Page'];

/** The organization whose admins look (its id or slug), or null for the platform's admins. */
export type AuditScope = string | null;

export const AUDIT_PAGE_SIZE = 50;

/** The services that record to the trail, as the entries name them. */
export const AUDIT_SERVICES = [
  'gateway',
  'compliance-service',
  'wallet-service',
  'notification-service',
  'identity-service',
  'document-service',
] as const;

export interface AuditFilters {
  /** The first UTC day (`YYYY-MM-DD`), or an ISO-8601 instant from a link; '' for no bound. */
  from: string;
  /** The last UTC day, included, or an instant (excluded, as the gateway takes it); '' for no bound. */
  to: string;
  /** The actor's subject: a user id or an API key id. */
  actor: string;
  /** An action, or a prefix ending in `*` (`api-key.*`). */
  action: string;
  /** `<type>/<id>`, or a type or an id alone. */
  target: string;
  service: string;
  /** The organization's id or slug (platform admins only); '' for every organization and the platform's own. */
  org: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { from: '', to: '', actor: '', action: '', target: '', service: '', org: '' };

const FILTER_NAMES = ['from', 'to', 'actor', 'action', 'target', 'service', 'org'] as const;

/** The filters from the address; an unknown service is dropped, as the select could not show it. */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const filters = { ...NO_AUDIT_FILTERS };
  for (const name of FILTER_NAMES) filters[name] = (params.get(name) ?? '').trim();
  if (!AUDIT_SERVICES.some((s) => s === filters.service)) filters.service = '';
  return filters;
}

/** The address of the filters: only those set. */
export function auditFilterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  return params;
}

/**
 * A bound as the gateway takes it, an instant: a day's start in UTC, or for `to` the next day's start, since the
 * gateway excludes `to` and the page includes its last day. Anything else goes as it is, for the gateway to accept
 * (an instant) or refuse with a problem that says what it takes.
 */
function instant(bound: string, endOfDay: boolean): string {
  const day = parseDay(bound);
  if (day === null) return bound;
  return `${isoDay(new Date(endOfDay ? day + 86_400_000 : day))}T00:00:00Z`;
}

/** The search's and the export's filters as the gateway takes them: empty ones left out, `org` the platform's only. */
export function auditQuery(filters: AuditFilters, scope: AuditScope) {
  const query: { from?: string; to?: string; actor?: string; action?: string; target?: string; service?: string; org?: string } = {};
  if (filters.from) query.from = instant(filters.from, false);
  if (filters.to) query.to = instant(filters.to, true);
  if (filters.actor) query.actor = filters.actor;
  if (filters.action) query.action = filters.action;
  if (filters.target) query.target = filters.target;
  if (filters.service) query.service = filters.service;
  if (filters.org && scope === null) query.org = filters.org;
  return query;
}

/** `attachment; filename="audit-acme.csv"` → `audit-acme.csv`. */
export function attachmentName(disposition: string | null): string | null {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? null;
}

/** The same calls on the platform's routes or on an organization's, which the gateway answers alike. */
export function auditCalls(api: Api, scope: AuditScope) {
  const gateway = api.gateway;
  return {
    /** A page of entries, newest first; `pageToken` is the previous page's `next_page_token` (null: the first). */
    search(filters: AuditFilters, pageToken: string | null, signal?: AbortSignal): Promise<AuditPage> {
      const query = { ...auditQuery(filters, scope), limit: AUDIT_PAGE_SIZE, ...(pageToken ? { page_token: pageToken } : {}) };
      return scope === null
        ? unwrap(gateway.GET('/platform/audit', { params: { query }, signal }))
        : unwrap(gateway.GET('/orgs/{org}/audit', { params: { path: { org: scope }, query }, signal }));
    },
    /**
     * Every entry of the filters as CSV, fetched here rather than followed as a link, since the gateway wants the
     * bearer token; named as the gateway names the attachment.
     */
    async exportCsv(filters: AuditFilters): Promise<{ csv: Blob; fileName: string }> {
      const query = { format: 'csv', ...auditQuery(filters, scope) };
      const { data, error, response } =
        scope === null
          ? await gateway.GET('/platform/audit/export', { params: { query }, parseAs: 'blob' })
          : await gateway.GET('/orgs/{org}/audit/export', { params: { path: { org: scope }, query }, parseAs: 'blob' });
      if (!response.ok) throw ApiError.from(response, error);
      const fallback = scope === null ? 'audit-platform.csv' : `audit-${scope}.csv`;
      return { csv: data ?? new Blob([], { type: 'text/csv' }), fileName: attachmentName(response.headers.get('Content-Disposition')) ?? fallback };
    },
  };
}

/** Hands a file to the browser's downloads, through an object URL that is given up once the download has it. */
export function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  // Firefox follows only a link that is in the document.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const ACTOR_KINDS: Record<string, string> = {
  user: 'User',
  'api-key': 'API key',
  platform: 'Platform admin',
  service: 'Service',
};

export function actorKindLabel(kind: string | null | undefined): string {
  return ACTOR_KINDS[kind ?? ''] ?? kind ?? 'unknown';
}

/** A field whose value differs between the before and after of an entry; undefined: the field is absent there. */
export interface ChangedField {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The fields an entry's `changes` (`{"after": …, "before": …}`) changed, by their JSON names, in order: a field only
 * before (removed) or only after (added, or all of them when something was created) counts as changed. Values
 * compare as JSON, which the services write with sorted keys. A before or after that is no object is one field,
 * `value`.
 */
export function changedFields(changes: unknown): ChangedField[] {
  if (!isRecord(changes)) return [];
  const { before, after } = changes;
  const asFields = (side: unknown): Record<string, unknown> => (isRecord(side) ? side : side === null || side === undefined ? {} : { value: side });
  const was = asFields(before);
  const is = asFields(after);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort();
  return fields
    .filter((field) => JSON.stringify(was[field]) !== JSON.stringify(is[field]))
    .map((field) => ({ field, before: was[field], after: is[field] }));
}

/** A changed value as the diff shows it: text as it is, anything else as JSON; null for an absent field. */
export function changeValueText(value: unknown): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Why the From and To days cannot be asked for, or null; a bound that is no day is the gateway's to judge. */
export function auditRangeProblem(from: string, to: string): { field: 'to'; message: string } | null {
  const start = parseDay(from);
  const end = parseDay(to);
  return start !== null && end !== null && end < start ? { field: 'to', message: 'The end must not be before the start.' } : null;
}
