/**
 * Security incidents (issue 20): the gateway's detectors raise one incident per attack, and admins respond in
 * one undoable action. Platform admins see every incident (`/platform/incidents`), an organization's admins
 * their organization's (`/orgs/{org}/incidents`); both pages call the API through {@link incidentCalls}.
 */
import { unwrap, type Api } from '../../api/client';
import type { components } from '../../api/generated/gateway';
import { statusWords } from './format';

export type Incident = components['schemas']['IncidentView'];
export type IncidentAction = components['schemas']['IncidentAction'];
export type SuggestedAction = components['schemas']['Suggestion'];
export type ActionRequest = components['schemas']['ActionRequest'];

/** The organization whose admins look (its id or slug), or null for the platform's admins. */
export type IncidentScope = string | null;

export const INCIDENTS_PAGE_SIZE = 20;

export const INCIDENT_STATUSES = [
  ['open', 'Open'],
  ['resolved', 'Resolved'],
  ['', 'Open and resolved'],
] as const;

export type IncidentStatusFilter = (typeof INCIDENT_STATUSES)[number][0];

export const DETECTORS = [
  ['webhook-signature', 'Webhook signatures'],
  ['api-key', 'API keys'],
  ['cross-tenant', 'Cross-tenant access'],
  ['sign-in', 'Sign-ins'],
  ['rate-limit', 'Rate limits'],
  ['transfer-velocity', 'Transfer velocity'],
  ['audit-chain', 'Audit chain'],
] as const;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export interface IncidentFilters {
  status: IncidentStatusFilter;
  detector: string;
  /** The organization's id (platform admins only); '' for every organization. */
  org: string;
  page: number;
}

/**
 * The list's filters from the address: open incidents unless `?status=resolved` or `?status=all` (an admin comes
 * for what still needs a response), and only a known detector.
 */
export function parseIncidentFilters(params: URLSearchParams): IncidentFilters {
  const status = params.get('status');
  const detector = params.get('detector') ?? '';
  const page = Number.parseInt(params.get('page') ?? '0', 10);
  return {
    status: status === 'all' ? '' : status === 'resolved' ? 'resolved' : 'open',
    detector: DETECTORS.some(([d]) => d === detector) ? detector : '',
    org: params.get('org') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 0,
  };
}

/** The address of the filters; `status=all` rather than nothing, since nothing means open. */
export function incidentFilterParams(filters: IncidentFilters): URLSearchParams {
  const params = new URLSearchParams({ status: filters.status === '' ? 'all' : filters.status });
  if (filters.detector) params.set('detector', filters.detector);
  if (filters.org) params.set('org', filters.org);
  if (filters.page > 0) params.set('page', String(filters.page));
  return params;
}

/** The list's query as the gateway takes it: empty filters left out. */
export function incidentQuery(filters: IncidentFilters, scope: IncidentScope) {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.detector ? { detector: filters.detector } : {}),
    ...(filters.org && scope === null ? { org: filters.org } : {}),
    page: filters.page,
    size: INCIDENTS_PAGE_SIZE,
  };
}

/** The console's address of the incidents of a scope (`/org/acme/incidents` or `/platform/incidents`). */
export function incidentsPath(scope: IncidentScope): string {
  return scope === null ? '/platform/incidents' : `/org/${encodeURIComponent(scope)}/incidents`;
}

export function incidentPath(scope: IncidentScope, id: string): string {
  return `${incidentsPath(scope)}/${encodeURIComponent(id)}`;
}

/** The same calls on the platform's routes or on an organization's, which the gateway answers alike. */
export function incidentCalls(api: Api, scope: IncidentScope) {
  const gateway = api.gateway;
  return {
    list(filters: IncidentFilters, signal: AbortSignal): Promise<Incident[]> {
      const query = incidentQuery(filters, scope);
      return scope === null
        ? unwrap(gateway.GET('/platform/incidents', { params: { query }, signal }))
        : unwrap(gateway.GET('/orgs/{org}/incidents', { params: { path: { org: scope }, query }, signal }));
    },
    get(id: string, signal: AbortSignal): Promise<Incident> {
      return scope === null
        ? unwrap(gateway.GET('/platform/incidents/{id}', { params: { path: { id } }, signal }))
        : unwrap(gateway.GET('/orgs/{org}/incidents/{id}', { params: { path: { org: scope, id } }, signal }));
    },
    act(id: string, body: ActionRequest): Promise<Incident> {
      return scope === null
        ? unwrap(gateway.POST('/platform/incidents/{id}/actions', { params: { path: { id } }, body }))
        : unwrap(gateway.POST('/orgs/{org}/incidents/{id}/actions', { params: { path: { org: scope, id } }, body }));
    },
    undo(id: string, action: string): Promise<Incident> {
      return scope === null
        ? unwrap(gateway.POST('/platform/incidents/{id}/actions/{action}/undo', { params: { path: { id, action } } }))
        : unwrap(gateway.POST('/orgs/{org}/incidents/{id}/actions/{action}/undo', { params: { path: { org: scope, id, action } } }));
    },
    resolve(id: string, note: string): Promise<Incident> {
      const body = note.trim() ? { note: note.trim() } : {};
      return scope === null
        ? unwrap(gateway.POST('/platform/incidents/{id}/resolve', { params: { path: { id } }, body }))
        : unwrap(gateway.POST('/orgs/{org}/incidents/{id}/resolve', { params: { path: { org: scope, id } }, body }));
    },
  };
}

/** `POST …/actions`'s body for a suggestion: exactly its kind and target, and the reason only when one was typed. */
export function actionRequest(suggestion: SuggestedAction, reason: string): ActionRequest {
  const typed = reason.trim();
  return { kind: suggestion.kind ?? '', target: suggestion.target ?? '', ...(typed ? { reason: typed } : {}) };
}

export function detectorLabel(detector: string | null | undefined): string {
  return DETECTORS.find(([d]) => d === detector)?.[1] ?? statusWords(detector);
}

export function severityLabel(severity: string | null | undefined): string {
  const words = statusWords(severity);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ACTION_WORDS: Record<string, { label: string; effect: string }> = {
  'revoke-api-key': {
    label: 'Revoke API key',
    effect: 'Requests with the key are refused at once. Undo restores the key.',
  },
  'freeze-transfers': {
    label: 'Freeze transfers',
    effect: 'No new transfer is accepted for the target until the freeze is lifted. Undo lifts it.',
  },
  'suspend-user': {
    label: 'Suspend user',
    effect: 'The user’s requests are refused until the suspension is lifted. Undo lifts it.',
  },
  'suspend-project': {
    label: 'Suspend project',
    effect: 'The project’s requests are refused until the suspension is lifted. Undo lifts it.',
  },
  'suspend-organization': {
    label: 'Suspend organization',
    effect: 'Every request of the organization is refused until the suspension is lifted. Undo lifts it.',
  },
};

export function actionLabel(kind: string | null | undefined): string {
  return ACTION_WORDS[kind ?? '']?.label ?? statusWords(kind);
}

export function actionEffect(kind: string | null | undefined): string | null {
  return ACTION_WORDS[kind ?? '']?.effect ?? null;
}

const SUBJECT_KINDS: Record<string, string> = {
  source: 'Source address',
  'api-key': 'API key',
  user: 'User',
  org: 'Organization',
};

/** `<kind>:<id>` as what it is and its id: `source:203.0.113.7` → Source address, 203.0.113.7. */
export function describeSubject(subject: string | null | undefined): { kind: string; id: string } {
  if (!subject) return { kind: 'Subject', id: '—' };
  const colon = subject.indexOf(':');
  const kind = colon < 0 ? undefined : SUBJECT_KINDS[subject.slice(0, colon)];
  return kind ? { kind, id: subject.slice(colon + 1) } : { kind: 'Subject', id: subject };
}

const EVIDENCE_ATTRIBUTES: Record<string, string> = {
  source: 'Source address',
  reason: 'Reason',
  path: 'Path',
  user: 'User',
  'api-key': 'API key',
  org: 'Organization',
  project: 'Project',
  method: 'Method',
  status: 'Answer status',
};

export interface EvidenceTable {
  attribute: string;
  label: string;
  rows: { value: string; count: number }[];
}

/** One table per attribute, in the order the gateway gave them, each value with its count, most frequent first. */
export function evidenceTables(evidence: Incident['evidence']): EvidenceTable[] {
  return Object.entries(evidence ?? {}).map(([attribute, counts]) => ({
    attribute,
    label: EVIDENCE_ATTRIBUTES[attribute] ?? statusWords(attribute).replace(/^./, (c) => c.toUpperCase()),
    rows: Object.entries(counts ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
  }));
}
