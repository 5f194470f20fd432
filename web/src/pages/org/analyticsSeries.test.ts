import { describe, expect, it } from 'vitest';
import {
  analyticsRangeProblem,
  analyticsReport,
  costRows,
  defaultAnalyticsRange,
  formatSeconds,
  funnelRows,
  latencyDatasets,
  latencyRows,
  onboardingRows,
  organizationRows,
  periodLabel,
  requestsByKind,
  usageCharts,
  type AnalyticsReportShape,
} from './analyticsSeries';

/** The gateway's answer for the sequence AnalyticsTest publishes (one day), with some requests. */
const report: AnalyticsReportShape = {
  granularity: 'day',
  periods: ['2026-12-05', '2026-12-06'],
  usage: {
    'kyc.cases_opened': [0, 3],
    'kyc.outcome.verified': [0, 1],
    'kyc.outcome.rejected': [0, 1],
    'wallets.provisioned': [0, 1],
    'transfers.started': [0, 1],
    'claims.issued': [0, 1],
    'webhooks.delivered': [1, 2],
    'webhooks.failed': [0, 1],
    'requests.kyc': [4, 6],
    'requests.identities': [0, 3],
    'requests.gateway': [0, 0],
  },
  usage_totals: { 'kyc.cases_opened': 3, 'requests.kyc': 10, 'requests.identities': 3, 'requests.gateway': 0 },
  costs: {
    currency: 'USD',
    items: [
      { item: 'persona_inquiries', quantity: 3, unit: 'unit', unit_price: 1.5, amount: 4.5, series: [0, 4.5] },
      { item: 'dfns_wallets', quantity: 1, unit: 'unit', unit_price: 2, amount: 2, series: [0, 2] },
      { item: 'sponsored_gas', quantity: 0.002, unit: 'ETH', unit_price: 3000, amount: 6, series: [0, 6] },
    ],
    total: 12.5,
    series: [0, 12.5],
    not_priced: ['identity operator gas: no gas in the events'],
  },
  performance: {
    routes: [
      { route_class: 'kyc', requests: 10, p50_ms: 2.047, p99_ms: 1535, p50_ms_series: [1.023, 2.047], p99_ms_series: [3.071, 1535] },
      { route_class: 'identities', requests: 3, p50_ms: 0.511, p99_ms: 0.767, p50_ms_series: [null, 0.511], p99_ms_series: [null, 0.767] },
      { route_class: 'wallets', requests: 0, p50_ms: null, p99_ms: null, p50_ms_series: [null, null], p99_ms_series: [null, null] },
    ],
    onboarding: [
      { step: 'to_verified', users: 1, p50_seconds: 639, p99_seconds: 639 },
      { step: 'to_wallet', users: 0, p50_seconds: null, p99_seconds: null },
    ],
  },
  funnel: [
    { step: 'kyc_started', users: 3, drop_off: null, series: [0, 3] },
    { step: 'submitted', users: 2, drop_off: 0.3333, series: [0, 2] },
    { step: 'verified', users: 1, drop_off: 0.5, series: [0, 1] },
    { step: 'wallet', users: 1, drop_off: 0, series: [0, 1] },
    { step: 'claim', users: 0, drop_off: 1, series: [0, 0] },
  ],
};

describe('analytics ranges', () => {
  it('defaults to 30 days by day and 2 by hour', () => {
    const today = new Date('2026-12-06T23:30:00Z');
    expect(defaultAnalyticsRange('day', today)).toEqual({ from: '2026-11-07', to: '2026-12-06' });
    expect(defaultAnalyticsRange('hour', today)).toEqual({ from: '2026-12-05', to: '2026-12-06' });
  });

  it('allows 31 days by hour and 400 by day, as the gateway does', () => {
    expect(analyticsRangeProblem('2026-01-01', '2026-01-31', 'hour')).toBeNull();
    expect(analyticsRangeProblem('2026-01-01', '2026-02-01', 'hour')).toEqual({ field: 'from', message: 'At most 31 days at once by hour.' });
    expect(analyticsRangeProblem('2025-01-01', '2026-02-04', 'day')).toBeNull();
    expect(analyticsRangeProblem('2025-01-01', '2026-02-05', 'day')?.field).toBe('from');
    expect(analyticsRangeProblem('2026-02-02', '2026-02-01', 'day')).toEqual({ field: 'to', message: 'The end must not be before the start.' });
    expect(analyticsRangeProblem('2026-02-30', '2026-03-01', 'day')?.field).toBe('from');
    expect(analyticsRangeProblem('2026-02-01', 'tomorrow', 'day')?.field).toBe('to');
  });

  it('labels days and hours for the axis', () => {
    expect(periodLabel('2026-12-06')).toBe('12-06');
    expect(periodLabel('2026-12-06T10:00:00Z')).toBe('12-06 10:00');
  });
});

describe('analytics series', () => {
  it('sums every route class into the requests chart and keeps the others per metric', () => {
    const charts = usageCharts(report);
    expect(charts.find((c) => c.key === 'requests')).toMatchObject({ values: [4, 9], total: 13 });
    expect(charts.find((c) => c.key === 'kyc.cases_opened')).toMatchObject({ values: [0, 3], total: 3 });
    expect(charts.find((c) => c.key === 'webhooks.delivered')?.values).toEqual([1, 2]);
    expect(charts.find((c) => c.key === 'webhooks.failed')).toMatchObject({ values: [0, 1], total: 1 });
    expect(charts.map((c) => c.values.length)).toEqual(charts.map(() => 2));
  });

  it('fills a metric the answer lacks with zeros', () => {
    const charts = usageCharts({ periods: ['2026-12-06'], usage: {} });
    expect(charts.every((c) => c.values.length === 1 && c.total === 0)).toBe(true);
  });

  it('lists requests by kind, busiest first, without empty classes', () => {
    expect(requestsByKind(report)).toEqual([
      { routeClass: 'kyc', label: 'KYC', requests: 10 },
      { routeClass: 'identities', label: 'Identities', requests: 3 },
    ]);
  });

  it('shows costs in the price list’s currency, gas in ETH', () => {
    const costs = costRows(report);
    expect(costs.rows).toEqual([
      { item: 'persona_inquiries', label: 'Persona inquiries', quantity: '3', unitPrice: '1.50 USD', amount: '4.50 USD' },
      { item: 'dfns_wallets', label: 'Dfns wallets', quantity: '1', unitPrice: '2.00 USD', amount: '2.00 USD' },
      { item: 'sponsored_gas', label: 'Sponsored gas', quantity: '0.002 ETH', unitPrice: '3,000.00 USD per ETH', amount: '6.00 USD' },
    ]);
    expect(costs.total).toBe('12.50 USD');
    expect(costs.series).toEqual([0, 12.5]);
    expect(costs.notPriced).toHaveLength(1);
  });

  it('gives p50/p99 per route class with requests, in ms or s', () => {
    expect(latencyRows(report)).toEqual([
      { routeClass: 'kyc', label: 'KYC', requests: 10, p50: '2 ms', p99: '1.54 s' },
      { routeClass: 'identities', label: 'Identities', requests: 3, p50: '0.5 ms', p99: '0.8 ms' },
    ]);
    expect(latencyDatasets(report).map((d) => d.label)).toEqual(['KYC p50', 'KYC p99', 'Identities p50', 'Identities p99']);
    expect(latencyDatasets(report)[2]?.values).toEqual([null, 0.511]);
  });

  it('computes the funnel’s drop-off from one step to the next', () => {
    expect(funnelRows(report)).toEqual([
      { step: 'kyc_started', label: 'KYC started', users: 3, dropOff: null, ofStarted: '100 %' },
      { step: 'submitted', label: 'Submitted (provider reported)', users: 2, dropOff: '33.3 %', ofStarted: '66.7 %' },
      { step: 'verified', label: 'Verified', users: 1, dropOff: '50 %', ofStarted: '33.3 %' },
      { step: 'wallet', label: 'Wallet provisioned', users: 1, dropOff: '0 %', ofStarted: '33.3 %' },
      { step: 'claim', label: 'Claim issued', users: 0, dropOff: '100 %', ofStarted: '0 %' },
    ]);
  });

  it('never shows a negative drop-off when a later step outnumbers an earlier one in the period', () => {
    const rows = funnelRows({ funnel: [{ step: 'kyc_started', users: 1 }, { step: 'submitted', users: 3 }, { step: 'verified', users: 0 }] });
    expect(rows.map((r) => r.dropOff)).toEqual([null, '0 %', '100 %']);
    expect(funnelRows({ funnel: [{ step: 'kyc_started', users: 0 }, { step: 'submitted', users: 0 }] }).map((r) => r.dropOff)).toEqual([null, null]);
  });

  it('writes onboarding durations in words', () => {
    expect(onboardingRows(report)).toEqual([
      { step: 'to_verified', label: 'KYC start → verified', users: 1, p50: '11 min', p99: '11 min' },
      { step: 'to_wallet', label: 'KYC start → wallet', users: 0, p50: '–', p99: '–' },
    ]);
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(5400)).toBe('90 min');
    expect(formatSeconds(9000)).toBe('2.5 h');
    expect(formatSeconds(259_200)).toBe('3 days');
  });
});

describe('the platform’s organizations', () => {
  it('lists each organization’s totals, the most KYC cases first, by slug', () => {
    const rows = organizationRows({
      by_organization: [
        { org_id: 'o1', slug: 'acme', counts: { 'kyc.cases_opened': 2, 'claims.issued': 1 } },
        { org_id: 'o2', slug: null, counts: { 'kyc.cases_opened': 5, 'kyc.outcome.verified': 4, 'wallets.provisioned': 4 } },
      ],
    });
    expect(rows).toEqual([
      { orgId: 'o2', name: 'o2', cases: 5, verified: 4, wallets: 4, claims: 0 },
      { orgId: 'o1', name: 'acme', cases: 2, verified: 0, wallets: 0, claims: 1 },
    ]);
    expect(organizationRows({})).toEqual([]);
  });
});

describe('the whole report', () => {
  it('shapes every part of the report, with hours written as date and time', () => {
    const shaped = analyticsReport(report);
    expect([shaped.periods, shaped.labels]).toEqual([
      ['2026-12-05', '2026-12-06'],
      ['12-05', '12-06'],
    ]);
    expect(shaped.usage).toEqual(usageCharts(report));
    expect(shaped.kinds.map((k) => k.routeClass)).toEqual(['kyc', 'identities']);
    expect(shaped.costs.total).toBe(costRows(report).total);
    expect(shaped.latencyDatasets).toEqual(latencyDatasets(report));
    expect(shaped.onboarding.map((r) => r.step)).toEqual(['to_verified', 'to_wallet']);
    expect(shaped.funnel).toEqual(funnelRows(report));
    expect(analyticsReport({ periods: ['2026-12-06T10:00:00Z'] }).periods).toEqual(['2026-12-06 10:00']);
    expect(analyticsReport({})).toMatchObject({ periods: [], latency: [], organizations: [] });
  });
});
