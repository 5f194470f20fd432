// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { recordingApi, type Call } from '../../test/fixtures';
import { renderRoutesAt } from '../../test/routing';
import type { Plan } from '../org/billing';
import type { Erasure } from './admin';
import ManageOrganizationPage from './ManageOrganizationPage';

const holder = vi.hoisted(() => ({ api: null as Api | null, calls: [] as Call[], tenantReload: (() => undefined) as () => void }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
vi.mock('../../tenant/TenantContext', () => ({ useTenant: () => ({ reload: holder.tenantReload }) }));

const ACME = '5b0e2a52-7c1e-4d7a-9a53-0f1f6c1d2e3f';
const GLOBEX = '7d3c1b2a-0000-4000-8000-000000000002';
const ADMIN = 'platform-admin-0';

const GROWTH: Plan = {
  org_id: ACME,
  name: 'Growth',
  currency: 'EUR',
  monthly_price_minor: 49_900,
  included: { requests: 1_000, kyc_cases_opened: 10, wallets_provisioned: 0, transfers: 0, webhooks_delivered: 0 },
  unit_prices_per_thousand_minor: { requests: 25, kyc_cases_opened: 150_000, wallets_provisioned: 0, transfers: 333, webhooks_delivered: 0 },
  default_plan: false,
  updated_by: ADMIN,
  updated_at: '2026-03-01T10:00:00Z',
};

const EXPORT = '{"format":"attest.gateway.organization-export.v1","organization":{"slug":"acme"}}';

function problem(status: number, slug: string, detail: string, errors?: { field: string; message: string }[]) {
  return Response.json(
    { type: `https://attest.dev/problems/${slug}`, title: 'Bad Request', status, detail, ...(errors ? { errors } : {}) },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** The gateway of a platform admin: organizations, projects, suspensions, plans and deletions, kept as requests change them. */
function gateway(refuse: (call: Call) => Response | undefined = () => undefined) {
  const suspended = new Map<string, string>();
  let plan = structuredClone(GROWTH);
  let erasures: Erasure[] = [];
  const orgs = [
    { id: ACME, slug: 'acme', name: 'Acme Bank', my_roles: ['org-admin', 'platform-admin'] },
    { id: GLOBEX, slug: 'globex', name: 'Globex', my_roles: ['org-admin', 'platform-admin'] },
  ];
  recordingApi(holder, (url, call, request) => {
    const refused = refuse(call);
    if (refused) return refused;
    const path = url.pathname;
    if (path === '/orgs') return Response.json(orgs);
    if (path === `/orgs/${ACME}/projects`) {
      return Response.json([
        { id: 'p-1', org_id: ACME, name: 'Main', environment: 'production' },
        { id: 'p-2', org_id: ACME, name: 'Sandbox', environment: 'sandbox' },
      ]);
    }
    if (path === `/orgs/${ACME}/plan`) return Response.json(plan);
    if (path === `/platform/organizations/${ACME}/plan` && request.method === 'PUT') {
      const body = call.body as Plan;
      plan = { ...body, org_id: ACME, default_plan: false, updated_by: ADMIN, updated_at: '2026-12-07T10:00:00Z' };
      return Response.json(plan);
    }
    if (path === `/platform/organizations/${ACME}` && request.method === 'DELETE') {
      const erasure: Erasure = {
        org_id: ACME,
        slug: 'acme',
        erased_by: ADMIN,
        erased_at: '2026-12-07T12:00:00Z',
        reason: url.searchParams.get('reason') ?? undefined,
        erased: { api_keys: 3, project_rate_limit_buckets: 2, member_rate_limit_buckets: 1, usage_days: 40, members: 2, suspensions: 0, plans: 1, projects: 2, organizations: 1 },
        export: `/platform/organizations/${ACME}/export`,
      };
      erasures = [erasure];
      orgs.splice(0, 1);
      return Response.json(erasure);
    }
    const records = /^\/platform\/organizations\/([^/]+)\/(erasures|export)$/.exec(path);
    if (records) {
      const known = records[1] === ACME || records[1] === 'acme' ? erasures : [];
      if (records[2] === 'erasures') return Response.json(known);
      if (known.length === 0) return problem(404, 'not-found', `Export of organization ${records[1]} was not found.`);
      return new Response(EXPORT, {
        headers: { 'Content-Type': 'application/json', 'Content-Disposition': `attachment; filename="organization-${records[1]}.json"` },
      });
    }
    const suspension = /^\/platform\/(organizations|projects)\/([^/]+)\/(suspension|suspend|reactivate)$/.exec(path);
    if (!suspension) throw new Error(`unexpected ${request.method} ${path}`);
    const kind = suspension[1] === 'organizations' ? 'organization' : 'project';
    const key = `${kind}:${suspension[2]}`;
    const reason = (call.body as { reason?: string } | undefined)?.reason;
    if (suspension[3] === 'suspend') suspended.set(key, reason ?? '');
    if (suspension[3] === 'reactivate') suspended.delete(key);
    const state = suspended.has(key)
      ? { kind, target: suspension[2], suspended: true, reason: suspended.get(key), suspended_by: ADMIN, suspended_at: '2026-12-07T09:00:00Z' }
      : { kind, target: suspension[2], suspended: false };
    if (suspension[3] !== 'suspension') return Response.json(state);
    return Response.json({ kind, target: suspension[2], suspended: state.suspended, current: state.suspended ? state : null, history: [] });
  });
}

const writes = () => holder.calls.filter((c) => c.method !== 'GET');

const renderAt = (path: string) => renderRoutesAt(path, <Route path="/platform/manage" element={<ManageOrganizationPage />} />);

function fact(container: HTMLElement, term: string): string | null {
  return within(container).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent ?? null;
}

const { createObjectURL, revokeObjectURL } = URL;

beforeEach(() => {
  holder.api = null;
  holder.calls = [];
  holder.tenantReload = vi.fn();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

describe('managing an organization', () => {
  it('offers the organizations to choose from, and keeps the one chosen in the address', async () => {
    gateway();
    renderAt('/platform/manage');
    expect(await screen.findByText('Choose an organization to manage it.')).toBeTruthy();
    const select = screen.getByLabelText('Organization') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose an organization', 'Acme Bank', 'Globex']);
    expect(holder.calls.map((c) => c.path)).toEqual(['/orgs']);

    const user = userEvent.setup();
    await user.selectOptions(select, 'Acme Bank');
    expect(screen.getByLabelText('Address').textContent).toBe(`/platform/manage?org=${ACME}`);
    const suspension = await screen.findByRole('region', { name: 'Suspension' });
    expect(await within(suspension).findByRole('button', { name: 'Suspend Acme Bank' })).toBeTruthy();
    expect(fact(suspension, 'State')).toBe('Active');
    expect(holder.calls.map((c) => c.path)).toContain(`/platform/organizations/${ACME}/suspension`);
    expect(screen.getByRole('link', { name: 'plan and billing of Acme Bank' }).getAttribute('href')).toBe('/org/acme/billing');
  });

  it('finds the organization of the address by its slug too', async () => {
    gateway();
    renderAt('/platform/manage?org=acme');
    const projects = await screen.findByRole('region', { name: 'Projects' });
    expect(await within(projects).findByRole('row', { name: /Main/ })).toBeTruthy();
    expect((screen.getByLabelText('Organization') as HTMLSelectElement).value).toBe(ACME);
  });

  it('suspends the organization with the reason given, and nothing without one', async () => {
    gateway();
    renderAt(`/platform/manage?org=${ACME}`);
    const suspension = await screen.findByRole('region', { name: 'Suspension' });
    const user = userEvent.setup();
    await user.click(await within(suspension).findByRole('button', { name: 'Suspend Acme Bank' }));
    const confirm = within(suspension).getByRole('group', { name: 'Suspend Acme Bank?' });
    expect(confirm.textContent).toContain('Every request of its members and API keys is refused at the gateway');
    await user.click(within(confirm).getByRole('button', { name: 'Suspend organization' }));
    expect(writes()).toEqual([]);

    await user.type(within(confirm).getByLabelText(/^Reason/), 'Unpaid invoices');
    await user.click(within(confirm).getByRole('button', { name: 'Suspend organization' }));
    expect(await within(suspension).findByText('Suspended Acme Bank.')).toBeTruthy();
    expect(writes()).toEqual([{ method: 'POST', path: `/platform/organizations/${ACME}/suspend`, query: '', body: { reason: 'Unpaid invoices' } }]);
    expect(fact(suspension, 'State')).toBe('Suspended');
    expect(fact(suspension, 'Reason')).toBe('Unpaid invoices');
  });

  it('suspends and reactivates a project from its row', async () => {
    gateway();
    renderAt(`/platform/manage?org=${ACME}`);
    const projects = await screen.findByRole('region', { name: 'Projects' });
    const row = await within(projects).findByRole('row', { name: /Sandbox/ });
    expect(await within(row).findByText('Active')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(row).getByRole('button', { name: 'Suspend project Sandbox' }));
    await user.type(within(row).getByLabelText(/^Reason/), 'Leaked API key');
    await user.click(within(row).getByRole('button', { name: 'Suspend project' }));

    expect(await within(projects).findByText('Suspended project Sandbox.')).toBeTruthy();
    expect(within(row).getByText('Suspended')).toBeTruthy();
    expect(row.textContent).toContain('Leaked API key');
    await user.click(await within(row).findByRole('button', { name: 'Reactivate project Sandbox' }));
    await user.click(within(row).getByRole('button', { name: 'Reactivate project' }));
    expect(await within(projects).findByText('Reactivated project Sandbox.')).toBeTruthy();
    expect(writes()).toEqual([
      { method: 'POST', path: '/platform/projects/p-2/suspend', query: '', body: { reason: 'Leaked API key' } },
      { method: 'POST', path: '/platform/projects/p-2/reactivate', query: '', body: {} },
    ]);
    expect(within(within(projects).getByRole('row', { name: /Main/ })).getByText('Active')).toBeTruthy();
  });

  it('edits the plan in currency amounts and sends it in minor units', async () => {
    gateway();
    renderAt(`/platform/manage?org=${ACME}`);
    const form = await screen.findByRole('form', { name: 'Set the plan' });
    expect((within(form).getByLabelText(/^Name/) as HTMLInputElement).value).toBe('Growth');
    expect((within(form).getByLabelText(/^Monthly price/) as HTMLInputElement).value).toBe('499.00');
    expect((within(form).getByLabelText('KYC cases opened price per 1000') as HTMLInputElement).value).toBe('1500.00');

    const user = userEvent.setup();
    const monthly = within(form).getByLabelText(/^Monthly price/);
    await user.clear(monthly);
    await user.type(monthly, '1299.9');
    expect(within(form).getByText('Charged every month: 1,299.90 EUR (129990 in minor units).')).toBeTruthy();
    const transfers = within(form).getByLabelText('Transfers price per 1000');
    await user.clear(transfers);
    await user.type(transfers, '4.5');
    await user.click(within(form).getByLabelText(/^Set the rate limit of every project/));
    await user.type(within(form).getByLabelText(/^Burst capacity/), '300');
    await user.type(within(form).getByLabelText(/^Refill per second/), '12.5');
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));

    expect(await screen.findByText('Plan saved. The next statements are priced with it.')).toBeTruthy();
    expect(writes()).toEqual([
      {
        method: 'PUT',
        path: `/platform/organizations/${ACME}/plan`,
        query: '',
        body: {
          name: 'Growth',
          currency: 'EUR',
          monthly_price_minor: 129_990,
          included: { requests: 1_000, kyc_cases_opened: 10, wallets_provisioned: 0, transfers: 0, webhooks_delivered: 0 },
          unit_prices_per_thousand_minor: { requests: 25, kyc_cases_opened: 150_000, wallets_provisioned: 0, transfers: 450, webhooks_delivered: 0 },
          rate_limit: { capacity: 300, refill_per_second: 12.5 },
        },
      },
    ]);
    const plan = screen.getByRole('region', { name: 'Plan' });
    expect(within(plan).getByText('1,299.90 EUR')).toBeTruthy();
    expect(within(plan).getByText('300 requests of burst, 12.5 a second, for every project')).toBeTruthy();
  });

  it('sends no plan the gateway would refuse, and says why at each field', async () => {
    gateway();
    renderAt(`/platform/manage?org=${ACME}`);
    const form = await screen.findByRole('form', { name: 'Set the plan' });
    const user = userEvent.setup();
    const currency = within(form).getByLabelText(/^Currency/);
    await user.clear(currency);
    await user.type(currency, 'eu');
    const requests = within(form).getByLabelText('API requests price per 1000');
    await user.clear(requests);
    await user.type(requests, '0.255');
    const included = within(form).getByLabelText('KYC cases opened included each month');
    await user.clear(included);
    await user.type(included, '-5');
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));

    expect(within(form).getByText('Three capital letters: an ISO 4217 code such as EUR.')).toBeTruthy();
    expect(within(form).getByText('An amount such as 499.00: digits, and at most two decimals after a point.')).toBeTruthy();
    expect(within(form).getByText('A whole number of units, 0 or more.')).toBeTruthy();
    expect(within(form).getByLabelText('API requests price per 1000').getAttribute('aria-invalid')).toBe('true');
    expect(writes()).toEqual([]);
  });

  it('shows the gateway’s refusal of a plan at its field', async () => {
    gateway((call) =>
      call.method === 'PUT'
        ? problem(400, 'validation-failed', 'Invalid request', [{ field: 'setPlan.request.currency', message: 'an ISO 4217 code such as EUR' }])
        : undefined,
    );
    renderAt(`/platform/manage?org=${ACME}`);
    const form = await screen.findByRole('form', { name: 'Set the plan' });
    const user = userEvent.setup();
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not save the plan');
    expect(alert.textContent).toContain('Some fields are not valid. Correct them and try again.');
    expect(within(form).getByText('an ISO 4217 code such as EUR')).toBeTruthy();
    expect(within(form).getByLabelText(/^Currency/).getAttribute('aria-invalid')).toBe('true');
  });

  it('deletes only once the slug is typed, then shows what was erased and downloads the export', async () => {
    gateway();
    const saved: { href: string; download: string }[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:export');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    renderAt(`/platform/manage?org=${ACME}`);
    const deletion = await screen.findByRole('region', { name: 'Delete the organization' });
    expect(await screen.findByText('No deletion is recorded for this organization.')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(deletion).getByRole('button', { name: 'Delete organization…' }));
    const confirm = within(deletion).getByRole('group', { name: 'Delete Acme Bank permanently?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete organization permanently' }));
    expect(within(confirm).getByText('Type the slug to confirm.')).toBeTruthy();
    await user.type(within(confirm).getByLabelText(/^Reason/), 'Customer left');
    await user.type(within(confirm).getByLabelText(/^Type the organization’s slug/), 'Acme Bank');
    await user.click(within(confirm).getByRole('button', { name: 'Delete organization permanently' }));
    expect(within(confirm).getByText('That is not the organization’s slug.')).toBeTruthy();
    expect(writes()).toEqual([]);

    const typed = within(confirm).getByLabelText(/^Type the organization’s slug/);
    await user.clear(typed);
    await user.type(typed, 'acme');
    await user.click(within(confirm).getByRole('button', { name: 'Delete organization permanently' }));

    expect(await screen.findByText(/^Deleted Acme Bank \(/)).toBeTruthy();
    expect(writes()).toEqual([{ method: 'DELETE', path: `/platform/organizations/${ACME}`, query: 'reason=Customer+left', body: undefined }]);
    expect(holder.tenantReload).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region', { name: 'Suspension' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Delete the organization' })).toBeNull();

    const erased = await screen.findByRole('table', { name: 'Rows erased' });
    expect(within(erased).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['What', 'Rows'],
      ['API keys', '3'],
      ['Projects’ rate-limit buckets', '2'],
      ['Members’ rate-limit buckets', '1'],
      ['Usage rows', '40'],
      ['Members', '2'],
      ['Current suspensions', '0'],
      ['Plan', '1'],
      ['Projects', '2'],
      ['Organization', '1'],
    ]);
    const records = screen.getByRole('region', { name: 'Erasure records' });
    expect(fact(records, 'Reason')).toBe('Customer left');
    await user.click(within(records).getByRole('button', { name: 'Download the export of acme' }));
    await vi.waitFor(() => expect(saved).toEqual([{ href: 'blob:export', download: `organization-${ACME}.json` }]));
    expect(holder.calls.at(-1)).toMatchObject({ method: 'GET', path: `/platform/organizations/${ACME}/export` });
    expect(await (vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob).text()).toBe(EXPORT);
  });

  it('shows the gateway’s refusal of a deletion and erases nothing', async () => {
    gateway((call) =>
      call.method === 'DELETE'
        ? problem(409, 'organization-still-referenced', "The organization's data is referenced by records the deletion does not erase; nothing was erased.")
        : undefined,
    );
    renderAt(`/platform/manage?org=${ACME}`);
    const deletion = await screen.findByRole('region', { name: 'Delete the organization' });
    const user = userEvent.setup();
    await user.click(within(deletion).getByRole('button', { name: 'Delete organization…' }));
    await user.type(within(deletion).getByLabelText(/^Type the organization’s slug/), 'acme');
    await user.click(within(deletion).getByRole('button', { name: 'Delete organization permanently' }));

    const alert = await within(deletion).findByRole('alert');
    expect(alert.textContent).toContain('Could not delete the organization');
    expect(alert.textContent).toContain('referenced by records the deletion does not erase; nothing was erased.');
    expect(holder.calls.filter((c) => c.method === 'DELETE')).toEqual([{ method: 'DELETE', path: `/platform/organizations/${ACME}`, query: '', body: undefined }]);
    expect(holder.tenantReload).not.toHaveBeenCalled();
    expect(screen.getByRole('region', { name: 'Suspension' })).toBeTruthy();
  });

  it('shows a former organization’s records by its former slug, and nothing of a live one', async () => {
    gateway();
    renderAt('/platform/manage');
    await screen.findByText('Choose an organization to manage it.');
    const user = userEvent.setup();
    await user.click(screen.getByText('A deleted organization’s records'));
    const form = screen.getByRole('form', { name: 'Find a deleted organization' });
    await user.type(within(form).getByLabelText('Former id or slug'), 'initech');
    await user.click(within(form).getByRole('button', { name: 'Show records' }));

    expect(screen.getByLabelText('Address').textContent).toBe('/platform/manage?org=initech');
    expect(await screen.findByText('No deletion is recorded for this organization.')).toBeTruthy();
    expect(screen.getByText(/^No organization/).textContent).toBe(
      'No organization initech exists now. If it was deleted, what the deletion recorded and its export are below.',
    );
    expect(holder.calls.filter((c) => c.path.startsWith('/platform/'))).toEqual([
      { method: 'GET', path: '/platform/organizations/initech/erasures', query: '', body: undefined },
    ]);
    expect((screen.getByLabelText('Organization') as HTMLSelectElement).value).toBe('initech');
  });
});
