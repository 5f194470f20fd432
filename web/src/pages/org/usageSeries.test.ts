import { describe, expect, it } from 'vitest';
import type { UsageReport } from './types';
import { daysBetween, defaultRange, describeSeries, rangeProblem, usageSeries } from './usageSeries';

describe('usage ranges', () => {
  it('lists every day of a range, both ends included, across a month end', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
    expect(daysBetween('2026-02-30', '2026-03-01')).toEqual([]);
  });

  it('defaults to the last 30 UTC days', () => {
    expect(defaultRange(new Date('2026-12-06T23:30:00Z'))).toEqual({ from: '2026-11-07', to: '2026-12-06' });
  });

  it('refuses a reversed, malformed or too long range, naming the field', () => {
    expect(rangeProblem('2026-01-01', '2026-01-31')).toBeNull();
    expect(rangeProblem('2026-02-01', '2026-01-31')).toEqual({ field: 'to', message: 'The end must not be before the start.' });
    expect(rangeProblem('yesterday', '2026-01-31')?.field).toBe('from');
    expect(rangeProblem('2024-01-01', '2026-01-31')).toEqual({ field: 'from', message: 'At most 366 days at once.' });
  });
});

describe('usage series', () => {
  const report: UsageReport = {
    org_id: 'org-1',
    from: '2026-12-01',
    to: '2026-12-04',
    days: [
      { day: '2026-12-01', project_id: 'p1', counts: { requests: 10, kyc_cases_opened: 1 } },
      { day: '2026-12-01', project_id: 'p2', counts: { requests: 5 } },
      { day: '2026-12-03', project_id: 'p1', counts: { requests: 7, transfers: 2, api_errors: 3 } },
      { day: '2026-12-03', project_id: null as unknown as string, counts: { wallets_provisioned: 1 } },
    ],
  };

  it('has one value per day and metric, zeros included, summed over the projects', () => {
    const series = usageSeries(report);
    expect(series.days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(series.values.requests).toEqual([15, 0, 7, 0]);
    expect(series.values.kyc_cases_opened).toEqual([1, 0, 0, 0]);
    expect(series.values.wallets_provisioned).toEqual([0, 0, 1, 0]);
    expect(series.values.webhooks_delivered).toEqual([0, 0, 0, 0]);
    expect(series.totals.requests).toBe(22);
    expect(series.projectIds).toEqual(['p1', 'p2']);
  });

  it('keeps a metric it does not know, after the known ones', () => {
    const series = usageSeries(report);
    expect(series.metrics.map((m) => m.key)).toEqual([
      'requests',
      'kyc_cases_opened',
      'wallets_provisioned',
      'transfers',
      'webhooks_delivered',
      'api_errors',
    ]);
    expect(series.metrics.at(-1)!.label).toBe('api errors');
    expect(series.values.api_errors).toEqual([0, 0, 3, 0]);
  });

  it('shows one project only, and the range asked for', () => {
    const series = usageSeries(report, { projectId: 'p2', from: '2026-11-30', to: '2026-12-01' });
    expect(series.days).toEqual(['2026-11-30', '2026-12-01']);
    expect(series.values.requests).toEqual([0, 5]);
    expect(series.totals.wallets_provisioned).toBe(0);
  });

  it('describes a series in a sentence for screen readers', () => {
    expect(describeSeries('Transfers', ['2026-12-01', '2026-12-02', '2026-12-03'], [0, 4, 1])).toBe(
      'Transfers: 5 in total from 2026-12-01 to 2026-12-03; most on 2026-12-02 (4); 2 of 3 days had any.',
    );
    expect(describeSeries('Transfers', ['2026-12-01', '2026-12-02'], [0, 0])).toBe('Transfers: none from 2026-12-01 to 2026-12-02.');
    expect(describeSeries('Transfers', [], [])).toBe('Transfers: no days in the range.');
  });
});
