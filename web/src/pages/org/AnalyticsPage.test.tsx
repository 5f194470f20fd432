// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { testApi } from '../../test/fixtures';
import AnalyticsPage, { PlatformAnalyticsPage } from './AnalyticsPage';
import type { AnalyticsReportShape } from './analyticsSeries';

const holder = vi.hoisted(() => ({
  api: null as Api | null,
  queries: [] as string[],
  charts: [] as { labels: string[]; datasets: { label: string; values: (number | null)[] }[] }[],
}));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
// chart.js draws on a canvas jsdom does not have: the charts are their props.
vi.mock('./UsageChart', () => ({
  UsageChart: (props: { description: string }) => <div role="img" aria-label={props.description} />,
}));
vi.mock('./AnalyticsChart', () => ({
  AnalyticsChart: (props: { labels: string[]; datasets: { label: string; values: (number | null)[] }[]; description: string }) => {
    holder.charts.push({ labels: props.labels, datasets: props.datasets });
    return <div role="img" aria-label={props.description} />;
  },
}));

const REPORT: AnalyticsReportShape = {
  granularity: 'day',
  periods: ['2026-12-05', '2026-12-06'],
  usage: { 'kyc.cases_opened': [0, 3], 'requests.kyc': [4, 6] },
  usage_totals: { 'kyc.cases_opened': 3, 'requests.kyc': 10 },
  costs: {
    currency: 'USD',
    items: [{ item: 'persona_inquiries', quantity: 3, unit: 'unit', unit_price: 1.5, amount: 4.5, series: [0, 4.5] }],
    total: 4.5,
    series: [0, 4.5],
    not_priced: ['identity operator gas'],
  },
  performance: {
    routes: [{ route_class: 'kyc', requests: 10, p50_ms: 2.047, p99_ms: 12.287, p50_ms_series: [1.023, 2.047], p99_ms_series: [3.071, 12.287] }],
    onboarding: [{ step: 'to_verified', users: 1, p50_seconds: 639, p99_seconds: 639 }],
  },
  funnel: [
    { step: 'kyc_started', users: 3, drop_off: null },
    { step: 'submitted', users: 2, drop_off: 0.3333 },
  ],
};

function service() {
  holder.api = testApi(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/orgs/demo/projects') return Response.json([{ id: 'p1', name: 'Main', environment: 'production' }]);
    expect(['/orgs/demo/analytics', '/platform/analytics']).toContain(url.pathname);
    holder.queries.push(`${url.pathname}?${url.searchParams.toString()}`);
    return Response.json(
      url.pathname === '/platform/analytics'
        ? { ...REPORT, by_organization: [{ org_id: 'o1', slug: 'acme', counts: { 'kyc.cases_opened': 3, 'kyc.outcome.verified': 1 } }] }
        : REPORT,
    );
  });
}

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/org/:org/analytics" element={<AnalyticsPage />} />
        <Route path="/platform/analytics" element={<PlatformAnalyticsPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  holder.api = null;
  holder.queries = [];
  holder.charts = [];
});
afterEach(cleanup);

describe('the analytics page', () => {
  it('shows usage, costs, latency, onboarding times and the funnel with its drop-off', async () => {
    service();
    renderAt('/org/demo/analytics');
    const costs = await screen.findByRole('region', { name: 'Costs' });
    expect(within(costs).getByRole('row', { name: /Persona inquiries 3 1.50 USD 4.50 USD/ })).toBeTruthy();
    expect(within(costs).getByText('Not priced: identity operator gas.')).toBeTruthy();
    expect(screen.getByRole('img', { name: /^API requests: 10 in total/ })).toBeTruthy();
    const performance = screen.getByRole('region', { name: 'Performance' });
    expect(within(performance).getByRole('row', { name: 'KYC 10 2 ms 12.3 ms' })).toBeTruthy();
    expect(within(performance).getByRole('row', { name: 'KYC start → verified 1 11 min 11 min' })).toBeTruthy();
    const funnel = screen.getByRole('region', { name: 'Onboarding funnel' });
    expect(within(funnel).getByRole('row', { name: 'Submitted (provider reported) 2 33.3 % 66.7 %' })).toBeTruthy();
    expect(holder.charts.at(-1)?.datasets).toEqual([{ label: 'Users', values: [3, 2] }]);
    expect(screen.queryByRole('region', { name: 'Organizations' })).toBeNull();
    expect(holder.queries[0]).toMatch(/^\/orgs\/demo\/analytics\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&granularity=day$/);
  });

  it('asks by hour for a project, and refuses a range too long for hours before asking', async () => {
    service();
    renderAt('/org/demo/analytics');
    await screen.findByRole('region', { name: 'Costs' });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Project'), 'p1');
    await user.selectOptions(screen.getByLabelText('Per'), 'hour');
    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '2026-01-01');
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByText('At most 31 days at once by hour.')).toBeTruthy();
    expect(holder.queries.some((q) => q.includes('granularity=hour'))).toBe(false);

    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2026-01-02');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await vi.waitFor(() =>
      expect(holder.queries).toContain('/orgs/demo/analytics?from=2026-01-01&to=2026-01-02&granularity=hour&project=p1'),
    );
  });

  it('shows the platform’s analytics without a project choice', async () => {
    service();
    renderAt('/platform/analytics');
    expect(await screen.findByRole('heading', { level: 1, name: 'Platform analytics' })).toBeTruthy();
    await screen.findByRole('region', { name: 'Costs' });
    expect(screen.queryByLabelText('Project')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Organizations' })).getByRole('row', { name: 'acme 3 1 0 0' })).toBeTruthy();
    expect(holder.queries[0]).toMatch(/^\/platform\/analytics\?from=.*&granularity=day$/);
  });
});
