// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { testApi } from '../../test/fixtures';
import { renderRoutesAt } from '../../test/routing';
import type { Plan, Statement } from './billing';
import BillingPage from './BillingPage';

interface Call {
  method: string;
  path: string;
  query: string;
  authorization: string | null;
}

const holder = vi.hoisted(() => ({ api: null as Api | null, calls: [] as Call[] }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

const GROWTH: Plan = {
  org_id: 'o-1',
  name: 'Growth',
  currency: 'EUR',
  monthly_price_minor: 49_900,
  included: { requests: 1_000, kyc_cases_opened: 10, wallets_provisioned: 0, transfers: 0, webhooks_delivered: 0 },
  unit_prices_per_thousand_minor: { requests: 25, kyc_cases_opened: 150_000, wallets_provisioned: 200_000, transfers: 333, webhooks_delivered: 0 },
  rate_limit: { capacity: 200, refill_per_second: 20 },
  default_plan: false,
  updated_by: 'platform-admin',
  updated_at: '2026-03-01T10:00:00Z',
};

/** The gateway's statement of March 2026 in its own test (PlanAndStatementTest). */
function statement(month: string, complete = true): Statement {
  return {
    org_id: 'o-1',
    org_slug: 'acme',
    org_name: 'Acme Bank',
    month,
    from: `${month}-01`,
    to: `${month}-31`,
    complete,
    plan: 'Growth',
    currency: 'EUR',
    monthly_price_minor: 49_900,
    lines: [
      { metric: 'requests', used: 12_345, included: 1_000, billable: 11_345, unit_price_per_thousand_minor: 25, amount_minor: 284 },
      { metric: 'kyc_cases_opened', used: 25, included: 10, billable: 15, unit_price_per_thousand_minor: 150_000, amount_minor: 2_250 },
      { metric: 'wallets_provisioned', used: 3, included: 0, billable: 3, unit_price_per_thousand_minor: 200_000, amount_minor: 600 },
      { metric: 'transfers', used: 1_500, included: 0, billable: 1_500, unit_price_per_thousand_minor: 333, amount_minor: 500 },
      { metric: 'webhooks_delivered', used: 50, included: 0, billable: 50, unit_price_per_thousand_minor: 0, amount_minor: 0 },
    ],
    total_minor: 53_534,
  };
}

const CSV = 'organization,month,item,used,included,billable,unit_price_per_1000_minor,amount_minor,currency\r\nacme,2026-03,total,,,,,53534,EUR\r\n';
const HTML = '<!DOCTYPE html>\n<html lang="en"><head><title>Statement acme 2026-03</title></head><body><h1>Statement 2026-03</h1></body></html>\n';

function problem(status: number, slug: string, detail: string) {
  return Response.json(
    { type: `https://attest.dev/problems/${slug}`, title: 'Bad Request', status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

function gateway({ plan = GROWTH, refuse = () => undefined }: { plan?: Plan; refuse?: (call: Call) => Response | undefined } = {}) {
  holder.api = testApi(async (request) => {
    const url = new URL(request.url);
    const call = { method: request.method, path: url.pathname, query: url.searchParams.toString(), authorization: request.headers.get('Authorization') };
    holder.calls.push(call);
    const refused = refuse(call);
    if (refused) return refused;
    if (url.pathname === '/orgs/acme/plan') return Response.json(plan);
    const month = /^\/orgs\/acme\/statements\/([^/]+)$/.exec(url.pathname)?.[1];
    if (!month) throw new Error(`unexpected ${url.pathname}`);
    const format = url.searchParams.get('format');
    if (format === 'csv') {
      return new Response(CSV, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="statement-acme-${month}.csv"` },
      });
    }
    if (format === 'html') {
      return new Response(HTML, {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Disposition': `inline; filename="statement-acme-${month}.html"` },
      });
    }
    return Response.json(statement(month, month !== '2026-12'));
  });
}

const statementCalls = () => holder.calls.filter((c) => c.path.startsWith('/orgs/acme/statements/'));

const renderAt = (path: string) => renderRoutesAt(path, <Route path="/org/:org/billing" element={<BillingPage />} />);

const rows = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));

const { createObjectURL, revokeObjectURL } = URL;

beforeEach(() => {
  holder.api = null;
  holder.calls = [];
  // Only the clock: the page's default month is the current UTC month.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-07T10:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

describe('the billing page', () => {
  it('shows the plan, and the current month’s statement as a provisional one', async () => {
    gateway();
    renderAt('/org/acme/billing');
    const table = await screen.findByRole('table', { name: 'Statement for December 2026' });
    expect(statementCalls()).toEqual([{ method: 'GET', path: '/orgs/acme/statements/2026-12', query: '', authorization: 'Bearer token' }]);
    expect(screen.getByText('Provisional: the month is not over')).toBeTruthy();
    expect(rows(table)).toEqual([
      ['Item', 'Used', 'Included', 'Billable', 'Price per 1000', 'Amount'],
      ['Monthly price', '', '', '', '', '499.00 EUR'],
      ['API requests', '12,345', '1,000', '11,345', '0.25 EUR', '2.84 EUR'],
      ['KYC cases opened', '25', '10', '15', '1,500.00 EUR', '22.50 EUR'],
      ['Wallets provisioned', '3', '0', '3', '2,000.00 EUR', '6.00 EUR'],
      ['Transfers', '1,500', '0', '1,500', '3.33 EUR', '5.00 EUR'],
      ['Webhooks delivered', '50', '0', '50', '0.00 EUR', '0.00 EUR'],
      ['Total', '', '', '', '', '535.34 EUR'],
    ]);

    const plan = screen.getByRole('region', { name: 'Plan' });
    expect(within(plan).getByText('Growth')).toBeTruthy();
    expect(within(plan).getByText('499.00 EUR')).toBeTruthy();
    expect(within(plan).getByText('200 requests of burst, 20 a second, for every project')).toBeTruthy();
    expect(rows(within(plan).getByRole('table'))[2]).toEqual(['KYC cases opened', '10', '1,500.00 EUR']);
    expect(within(plan).queryByText(/free default plan/)).toBeNull();
  });

  it('offers the current month and the previous ones, and keeps the month chosen in the address', async () => {
    gateway();
    renderAt('/org/acme/billing');
    await screen.findByRole('table', { name: 'Statement for December 2026' });
    const select = screen.getByLabelText('Month') as HTMLSelectElement;
    expect([...select.options].slice(0, 3).map((o) => [o.value, o.textContent])).toEqual([
      ['2026-12', 'December 2026'],
      ['2026-11', 'November 2026'],
      ['2026-10', 'October 2026'],
    ]);
    expect(select.options).toHaveLength(24);

    const user = userEvent.setup();
    await user.selectOptions(select, '2026-03');
    await screen.findByRole('table', { name: 'Statement for March 2026' });
    expect(screen.getByLabelText('Address').textContent).toBe('/org/acme/billing?month=2026-03');
    expect(statementCalls().map((c) => c.path)).toEqual(['/orgs/acme/statements/2026-12', '/orgs/acme/statements/2026-03']);
    expect(screen.queryByText('Provisional: the month is not over')).toBeNull();
    expect(screen.getByText('Complete')).toBeTruthy();
  });

  it('keeps an older month of the address selectable', async () => {
    gateway();
    renderAt('/org/acme/billing?month=2019-07');
    await screen.findByRole('table', { name: 'Statement for July 2019' });
    expect((screen.getByLabelText('Month') as HTMLSelectElement).value).toBe('2019-07');
  });

  it('downloads the CSV with the bearer token, saved under the gateway’s name', async () => {
    gateway();
    const saved: { href: string; download: string }[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:statement');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    renderAt('/org/acme/billing?month=2026-03');
    await screen.findByRole('table', { name: 'Statement for March 2026' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    await vi.waitFor(() => expect(saved).toEqual([{ href: 'blob:statement', download: 'statement-acme-2026-03.csv' }]));
    expect(statementCalls().at(-1)).toEqual({ method: 'GET', path: '/orgs/acme/statements/2026-03', query: 'format=csv', authorization: 'Bearer token' });
    const csv = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect(await csv.text()).toBe(CSV);
  });

  it('opens the printable statement in a new tab through an object URL', async () => {
    gateway();
    URL.createObjectURL = vi.fn(() => 'blob:printable');
    URL.revokeObjectURL = vi.fn();
    const tab = { opener: window, location: { href: 'about:blank' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    renderAt('/org/acme/billing?month=2026-03');
    await screen.findByRole('table', { name: 'Statement for March 2026' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Open printable statement' }));

    await vi.waitFor(() => expect(tab.location.href).toBe('blob:printable'));
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(tab.opener).toBeNull();
    expect(statementCalls().at(-1)).toEqual({ method: 'GET', path: '/orgs/acme/statements/2026-03', query: 'format=html', authorization: 'Bearer token' });
    const page = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect(page.type).toContain('text/html');
    expect(await page.text()).toBe(HTML.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
  });

  it('closes the new tab and says why when the printable statement is refused', async () => {
    gateway({ refuse: (call) => (call.query === 'format=html' ? problem(404, 'not-found', 'Organization acme was not found.') : undefined) });
    const tab = { opener: window, location: { href: 'about:blank' }, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    renderAt('/org/acme/billing?month=2026-03');
    await screen.findByRole('table', { name: 'Statement for March 2026' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Open printable statement' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not open the printable statement');
    expect(alert.textContent).toContain('Organization acme was not found.');
    expect(tab.close).toHaveBeenCalled();
    expect(tab.location.href).toBe('about:blank');
  });

  it('shows the gateway’s problem for a month it does not take', async () => {
    gateway({
      refuse: (call) =>
        call.path === '/orgs/acme/statements/2026-13'
          ? problem(400, 'invalid-period', "A statement's month is written yyyy-mm, e.g. 2026-03, from 2000-01 to 9999-12.")
          : undefined,
    });
    renderAt('/org/acme/billing?month=2026-13');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the statement');
    expect(alert.textContent).toContain("A statement's month is written yyyy-mm, e.g. 2026-03, from 2000-01 to 9999-12.");
    expect(screen.queryByRole('table', { name: /^Statement for/ })).toBeNull();
  });

  it('says when the organization has the free default plan', async () => {
    gateway({
      plan: {
        org_id: 'o-1',
        name: 'default',
        currency: 'EUR',
        monthly_price_minor: 0,
        included: { requests: 0 },
        unit_prices_per_thousand_minor: { requests: 0 },
        default_plan: true,
      },
    });
    renderAt('/org/acme/billing?month=2026-03');
    const plan = await screen.findByRole('region', { name: 'Plan' });
    expect(await within(plan).findByText(/No plan is set: the organization has the free default plan/)).toBeTruthy();
    expect(within(plan).getByText('each project’s own')).toBeTruthy();
  });
});
