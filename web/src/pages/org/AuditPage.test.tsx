// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { testApi } from '../../test/fixtures';
import { renderRoutesAt } from '../../test/routing';
import type { AuditEntry } from './audit';
import AuditPage, { PlatformAuditPage } from './AuditPage';

interface Call {
  path: string;
  query: Record<string, string>;
  authorization: string | null;
}

const holder = vi.hoisted(() => ({ api: null as Api | null, calls: [] as Call[] }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

const ORG_ID = '5b0e2a52-7c1e-4d7a-9a53-0f1f6c1d2e3f';

function entry(seq: number, fields: Partial<AuditEntry>): AuditEntry {
  return {
    service: 'gateway',
    seq,
    entry_id: `e-${seq}`,
    occurred_at: `2026-12-07T09:${String(seq).padStart(2, '0')}:00Z`,
    actor_subject: 'u-1',
    actor_kind: 'user',
    actor_roles: ['org-admin'],
    org_id: ORG_ID,
    outcome: 'success',
    source_ip: '203.0.113.7',
    user_agent: 'Mozilla/5.0',
    ...fields,
  };
}

const changes = (value: unknown) => value as AuditEntry['changes'];

const PROJECT_UPDATED = entry(42, {
  action: 'project.updated',
  target_type: 'project',
  target_id: 'p-1',
  project_id: 'p-1',
  changes: changes({
    after: { name: 'Main', network: 'base-sepolia', rate_limit: 100, webhook_secret: '***' },
    before: { name: 'Main', network: 'base-sepolia', rate_limit: 50, webhook_secret: null },
  }),
});
const KEY_CREATED = entry(41, {
  action: 'api-key.created',
  actor_subject: 'k-0',
  actor_kind: 'api-key',
  target_type: 'api-key',
  target_id: 'k-1',
  changes: changes({ after: { name: 'ci', scopes: ['kyc:read'] }, before: null }),
});
const SUSPENDED = entry(40, {
  action: 'organization.suspended',
  actor_subject: 'admin-0',
  actor_kind: 'platform',
  org_id: undefined,
  target_type: 'organization',
  target_id: 'o-9',
  source_ip: undefined,
});

const CSV = 'occurred_at,service,seq\n2026-12-07T09:42:00Z,gateway,42\n';

function problem(status: number, detail: string) {
  return Response.json(
    { type: 'https://attest.dev/problems/invalid-from', title: 'Bad Request', status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/**
 * The gateway's audit routes: the first page, then the page after `p2` once `secondPage` settles; `refuse` answers
 * first when it answers.
 */
function gateway(refuse: (call: Call) => Response | undefined = () => undefined, secondPage: Promise<void> = Promise.resolve()) {
  holder.api = testApi(async (request) => {
    const url = new URL(request.url);
    const call = { path: url.pathname, query: Object.fromEntries(url.searchParams), authorization: request.headers.get('Authorization') };
    holder.calls.push(call);
    if (url.pathname === '/orgs') return Response.json([{ id: ORG_ID, slug: 'acme', name: 'Acme Bank' }]);
    if (!/^(?:\/platform|\/orgs\/[^/]+)\/audit(?:\/export)?$/.test(url.pathname)) throw new Error(`unexpected ${url.pathname}`);
    const refused = refuse(call);
    if (refused) return refused;
    if (url.pathname.endsWith('/export')) {
      return new Response(CSV, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="audit-acme.csv"' },
      });
    }
    if (call.query.page_token !== 'p2') return Response.json({ entries: [PROJECT_UPDATED, KEY_CREATED], next_page_token: 'p2' });
    await secondPage;
    return Response.json({ entries: [SUSPENDED], next_page_token: null });
  });
}

const auditCalls = (path: string) => holder.calls.filter((c) => c.path === path);

function renderAt(path: string) {
  renderRoutesAt(
    path,
    <>
      <Route path="/org/:org/audit" element={<AuditPage />} />
      <Route path="/platform/audit" element={<PlatformAuditPage />} />
    </>,
  );
}

const FILTERED = '/org/acme/audit?from=2026-12-01&to=2026-12-07&actor=u-1&action=project.*&target=project%2Fp-1&service=gateway';
const FILTER_QUERY = {
  from: '2026-12-01T00:00:00Z',
  to: '2026-12-08T00:00:00Z',
  actor: 'u-1',
  action: 'project.*',
  target: 'project/p-1',
  service: 'gateway',
};

// jsdom has no object URLs: the export test puts its own in place.
const { createObjectURL, revokeObjectURL } = URL;

beforeEach(() => {
  holder.api = null;
  holder.calls = [];
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

describe('the audit trail', () => {
  it('searches the organization’s trail with the filters of the address and shows who did what on what from where', async () => {
    gateway();
    renderAt(FILTERED);
    const table = await screen.findByRole('table', { name: /^Audit entries/ });
    expect(holder.calls).toEqual([{ path: '/orgs/acme/audit', query: { ...FILTER_QUERY, limit: '50' }, authorization: 'Bearer token' }]);

    const row = within(table).getByRole('row', { name: /api-key\.created/ });
    const cells = [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent);
    expect(cells.slice(1, 6)).toEqual(['gateway', 'k-0 API key', 'api-key.created', 'api-key k-1', '203.0.113.7']);
    expect(within(row).getByRole('time').getAttribute('dateTime')).toBe('2026-12-07T09:41:00Z');
    // the form shows the filters it searched with
    const form = screen.getByRole('form', { name: 'Audit trail filters' });
    expect((within(form).getByLabelText('From') as HTMLInputElement).value).toBe('2026-12-01');
    expect((within(form).getByLabelText(/^Action/) as HTMLInputElement).value).toBe('project.*');
    expect((within(form).getByLabelText('Service') as HTMLSelectElement).value).toBe('gateway');
    expect(within(form).queryByLabelText('Organization')).toBeNull();
  });

  it('searches again with the filters shown, and puts them in the address', async () => {
    gateway();
    renderAt('/org/acme/audit');
    await screen.findByRole('table', { name: /^Audit entries/ });
    expect(auditCalls('/orgs/acme/audit').at(-1)?.query).toEqual({ limit: '50' });

    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Audit trail filters' });
    await user.type(within(form).getByLabelText(/^Action/), 'api-key.*');
    await user.selectOptions(within(form).getByLabelText('Service'), 'wallet-service');
    expect(auditCalls('/orgs/acme/audit')).toHaveLength(1);
    const showButton = within(form).getByRole('button', { name: 'Show' });
    await user.click(showButton);
    await vi.waitFor(() => expect(auditCalls('/orgs/acme/audit').at(-1)?.query).toEqual({ action: 'api-key.*', service: 'wallet-service', limit: '50' }));
    expect(screen.getByLabelText('Address').textContent).toBe('/org/acme/audit?action=api-key.*&service=wallet-service');
    expect(document.activeElement).toBe(showButton);
  });

  it('appends the next page, asked for with the page token and the same filters, until there is none', async () => {
    gateway();
    renderAt(FILTERED);
    const table = await screen.findByRole('table', { name: /^Audit entries/ });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load more entries' }));

    await within(table).findByRole('row', { name: /organization\.suspended/ });
    expect(auditCalls('/orgs/acme/audit').map((c) => c.query)).toEqual([
      { ...FILTER_QUERY, limit: '50' },
      { ...FILTER_QUERY, limit: '50', page_token: 'p2' },
    ]);
    expect(within(table).getByRole('row', { name: /project\.updated/ })).toBeTruthy();
    expect(within(table).getByRole('row', { name: /api-key\.created/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more entries' })).toBeNull();
  });

  it('drops a next page asked for before the filters changed', async () => {
    let release: () => void = () => {};
    gateway(undefined, new Promise<void>((resolve) => (release = resolve)));
    renderAt('/org/acme/audit');
    await screen.findByRole('table', { name: /^Audit entries/ });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load more entries' }));
    await user.selectOptions(screen.getByLabelText('Service'), 'gateway');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await vi.waitFor(() => expect(auditCalls('/orgs/acme/audit').at(-1)?.query).toEqual({ service: 'gateway', limit: '50' }));
    const table = await screen.findByRole('table', { name: /^Audit entries/ });

    release();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Load more entries' }).getAttribute('aria-busy')).toBeNull());
    expect(within(table).queryByRole('row', { name: /organization\.suspended/ })).toBeNull();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('expands an entry to the fields its action changed, before and after', async () => {
    gateway();
    renderAt('/org/acme/audit');
    const table = await screen.findByRole('table', { name: /^Audit entries/ });
    expect(screen.queryByRole('table', { name: /^Changes/ })).toBeNull();
    const row = within(table).getByRole('row', { name: /project\.updated/ });
    const user = userEvent.setup();
    const toggle = within(row).getByRole('button', { name: /^Show details of project\.updated/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide details');
    const diff = screen.getByRole('table', { name: 'Changes of project.updated' });
    expect(within(diff).getAllByRole('row').map((r) => [...r.children].map((cell) => cell.textContent))).toEqual([
      ['Field', 'Before', 'After'],
      ['rate_limit', '50', '100'],
      ['webhook_secret', 'null', '***'],
    ]);
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.textContent).toContain('Mozilla/5.0');

    await user.click(toggle);
    expect(screen.queryByRole('table', { name: /^Changes/ })).toBeNull();
  });

  it('exports the CSV with the same filters and the bearer token, saved under the gateway’s name', async () => {
    gateway();
    const saved: { href: string; download: string }[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:audit');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    renderAt(FILTERED);
    await screen.findByRole('table', { name: /^Audit entries/ });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await vi.waitFor(() => expect(saved).toEqual([{ href: 'blob:audit', download: 'audit-acme.csv' }]));
    expect(auditCalls('/orgs/acme/audit/export')).toEqual([
      { path: '/orgs/acme/audit/export', query: { format: 'csv', ...FILTER_QUERY }, authorization: 'Bearer token' },
    ]);
    const csv = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect(await csv.text()).toBe(CSV);
    await vi.waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:audit'));
  });

  it('shows the platform’s admins every organization’s entries on the platform’s route, narrowed to one organization', async () => {
    gateway();
    renderAt('/platform/audit');
    const table = await screen.findByRole('table', { name: /^Audit entries/ });
    expect(auditCalls('/platform/audit')).toEqual([expect.objectContaining({ query: { limit: '50' } })]);
    expect(await within(within(table).getByRole('row', { name: /project\.updated/ })).findByText('Acme Bank')).toBeTruthy();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load more entries' }));
    const platformRow = await within(table).findByRole('row', { name: /organization\.suspended/ });
    expect(within(platformRow).getByText('Platform')).toBeTruthy();
    expect(within(platformRow).getByText('Platform admin')).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Audit trail filters' });
    await user.selectOptions(within(form).getByLabelText('Organization'), 'Acme Bank');
    await user.click(within(form).getByRole('button', { name: 'Show' }));
    await vi.waitFor(() => expect(auditCalls('/platform/audit').at(-1)?.query).toEqual({ org: ORG_ID, limit: '50' }));
    expect(holder.calls.filter((c) => c.path.startsWith('/orgs/'))).toEqual([]);
  });

  it('shows a refused filter as the gateway’s problem says it', async () => {
    gateway((call) => (call.query.from ? problem(400, 'from must be an ISO-8601 instant such as 2026-01-31T00:00:00Z.') : undefined));
    renderAt('/org/acme/audit?from=2026-13-45');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the audit trail');
    expect(alert.textContent).toContain('from must be an ISO-8601 instant such as 2026-01-31T00:00:00Z.');
    expect(auditCalls('/orgs/acme/audit')[0]?.query.from).toBe('2026-13-45');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Load more entries' })).toBeNull();
  });
});
