// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import type { SponsorshipPolicy } from '../../api/additions';
import { testApi } from '../../test/fixtures';
import SponsorshipPage from './SponsorshipPage';

const holder = vi.hoisted(() => ({ api: null as Api | null, charts: [] as { days: string[]; values: number[] }[] }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
// chart.js draws on a canvas jsdom does not have: the page's bars are the chart's props.
vi.mock('./UsageChart', () => ({
  UsageChart: (props: { days: string[]; values: number[]; description: string }) => {
    holder.charts.push({ days: props.days, values: props.values });
    return <div role="img" aria-label={props.description} />;
  },
}));

const RECIPIENT = '0x1111111111111111111111111111111111111111';

const STORED: SponsorshipPolicy = {
  project_id: 'p1',
  enabled: true,
  paymaster: { kind: 'platform', url: null, api_key_set: false },
  monthly_budget: '1000000000000000000',
  user_daily_cap: null,
  native_allowed: true,
  allowed_tokens: null,
  allowed_recipients: [RECIPIENT],
  usage: {
    month: '2026-12',
    spent: '250000000000000000',
    reserved: '50000000000000000',
    remaining: '700000000000000000',
    operations: 3,
    by_day: [
      { day: '2026-12-01', spent: '200000000000000000', operations: 2 },
      { day: '2026-12-03', spent: '50000000000000000', operations: 1 },
    ],
    by_user: [{ user_id: 'user-ada', spent: '200000000000000000', operations: 2 }],
  },
  updated_at: '2026-12-01T09:00:00Z',
  updated_by: 'admin-1',
};

function sponsorshipService(answerPut?: (body: Record<string, unknown>) => Response) {
  const puts: Record<string, unknown>[] = [];
  holder.api = testApi(async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/orgs/demo/projects') return Response.json([{ id: 'p1', name: 'Main', environment: 'production' }]);
    expect(path).toBe('/orgs/demo/sponsorship/p1');
    if (request.method === 'GET') return Response.json(STORED);
    const body = (await request.json()) as Record<string, unknown>;
    puts.push(body);
    return answerPut ? answerPut(body) : Response.json({ ...STORED, user_daily_cap: body.user_daily_cap, allowed_recipients: body.allowed_recipients });
  });
  return puts;
}

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/org/demo/sponsorship']}>
      <Routes>
        <Route path="/org/:org/sponsorship" element={<SponsorshipPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  holder.api = null;
  holder.charts = [];
});
afterEach(cleanup);

describe('the gas sponsorship page', () => {
  it('shows the month’s budget use, the bars per day and the top users', async () => {
    sponsorshipService();
    renderPage();
    const usage = await screen.findByRole('region', { name: 'Budget used in 2026-12' });
    expect(usage.textContent).toContain('Spent0.25 ETH');
    expect(usage.textContent).toContain('Remaining0.7 ETH');
    expect(within(usage).getByRole('meter', { name: 'Monthly budget used' }).getAttribute('value')).toBe('30');
    expect(usage.textContent).toContain('30% of the monthly budget spent or reserved');
    const bars = holder.charts.at(-1)!;
    expect(bars.days).toHaveLength(31);
    expect(bars.values.slice(0, 4)).toEqual([0.2, 0, 0.05, 0]);
    const users = within(usage).getByRole('table');
    expect(within(users).getByRole('row', { name: /user-ada/ }).textContent).toContain('0.2 ETH');

    const current = screen.getByRole('region', { name: 'Current policy' });
    expect(current.textContent).toContain('Tokensany ERC-20 token');
    expect(current.textContent).toContain(RECIPIENT);
  });

  it('saves the policy with amounts in wei and the lists as typed', async () => {
    const user = userEvent.setup();
    const puts = sponsorshipService();
    renderPage();
    const form = await screen.findByRole('form', { name: 'Gas sponsorship' });
    expect(within(form).getByRole('textbox', { name: /Monthly budget/ })).toHaveProperty('value', '1');
    await user.type(within(form).getByRole('textbox', { name: /Daily cap per user/ }), '0.01');
    await user.click(within(form).getByRole('button', { name: 'Save gas sponsorship' }));

    expect(await screen.findByText(/Gas sponsorship saved/)).toBeTruthy();
    expect(puts).toEqual([
      {
        enabled: true,
        paymaster_kind: 'platform',
        monthly_budget: '1000000000000000000',
        user_daily_cap: '10000000000000000',
        native_allowed: true,
        // any token: left out, as null would say
        allowed_recipients: [RECIPIENT],
      },
    ]);
  });

  it('checks the addresses before sending, and shows the service’s field errors at their fields', async () => {
    const user = userEvent.setup();
    const puts = sponsorshipService(() =>
      Response.json(
        {
          type: 'https://attest.dev/problems/validation-failed',
          title: 'Validation failed',
          status: 400,
          errors: [{ field: 'allowed_recipients', message: 'Not an EIP-55 checksum address.' }],
        },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    renderPage();
    const form = await screen.findByRole('form', { name: 'Gas sponsorship' });
    const recipients = within(form).getByRole('textbox', { name: /Allowed recipients: addresses/ });
    await user.type(recipients, '{Enter}0x12');
    await user.click(within(form).getByRole('button', { name: 'Save gas sponsorship' }));
    expect(within(form).getByText('Address 2 (0x12) must be 0x followed by 40 hexadecimal digits (it has 2).')).toBeTruthy();
    expect(recipients.getAttribute('aria-invalid')).toBe('true');
    expect(puts).toEqual([]);

    await user.clear(recipients);
    await user.type(recipients, '0xAbCdEf0000000000000000000000000000000001');
    await user.click(within(form).getByRole('button', { name: 'Save gas sponsorship' }));
    expect(await within(form).findByText('Not an EIP-55 checksum address.', { selector: '.field-error' })).toBeTruthy();
    expect(puts).toHaveLength(1);
  });

  it('asks for an external paymaster’s https URL and keeps its stored key unless one is typed', async () => {
    const user = userEvent.setup();
    const puts = sponsorshipService();
    renderPage();
    const form = await screen.findByRole('form', { name: 'Gas sponsorship' });
    await user.click(within(form).getByRole('radio', { name: /Your own paymaster/ }));
    await user.type(within(form).getByRole('textbox', { name: /Paymaster URL/ }), 'https://pm.example.com/rpc');
    await user.click(within(form).getByRole('button', { name: 'Save gas sponsorship' }));
    await screen.findByText(/Gas sponsorship saved/);
    expect(puts[0]).toMatchObject({ paymaster_kind: 'external', paymaster_url: 'https://pm.example.com/rpc' });
    expect(puts[0]).not.toHaveProperty('paymaster_api_key');
  });
});
