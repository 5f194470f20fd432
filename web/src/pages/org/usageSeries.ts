/**
 * `GET /orgs/{org}/usage` answers counts per project and UTC day (only days with counts); the charts
 * want one value per day for each metric, zeros included, summed over the projects shown.
 */
import type { UsageReport } from './types';

export interface Metric {
  key: string;
  label: string;
}

/** The gateway's usage metrics (README), in the order the page shows them. */
export const METRICS: readonly Metric[] = [
  { key: 'requests', label: 'API requests' },
  { key: 'kyc_cases_opened', label: 'KYC cases opened' },
  { key: 'wallets_provisioned', label: 'Wallets provisioned' },
  { key: 'transfers', label: 'Transfers' },
  { key: 'webhooks_delivered', label: 'Webhooks delivered' },
];

export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a date in UTC (the gateway counts by UTC day). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` day as UTC milliseconds, or null when it is no such day. */
export function parseDay(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) || isoDay(new Date(time)) !== day ? null : time;
}

/** Every day from `from` to `to`, both included; empty when the range is not valid. */
export function daysBetween(from: string, to: string): string[] {
  const start = parseDay(from);
  const end = parseDay(to);
  if (start === null || end === null || end < start) return [];
  const days: string[] = [];
  for (let t = start; t <= end && days.length <= MAX_RANGE_DAYS; t += DAY_MS) days.push(isoDay(new Date(t)));
  return days;
}

/** The last `days` days up to today (UTC), as the gateway's default. */
export function defaultRange(today: Date = new Date(), days = 30): { from: string; to: string } {
  const to = isoDay(today);
  const from = isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS));
  return { from, to };
}

/** Why a range cannot be asked for, or null when it can. */
export function rangeProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (parseDay(from) === null) return { field: 'from', message: 'Enter a date (YYYY-MM-DD).' };
  if (parseDay(to) === null) return { field: 'to', message: 'Enter a date (YYYY-MM-DD).' };
  const days = daysBetween(from, to).length;
  if (days === 0) return { field: 'to', message: 'The end must not be before the start.' };
  if (days > MAX_RANGE_DAYS) return { field: 'from', message: `At most ${MAX_RANGE_DAYS} days at once.` };
  return null;
}

export interface UsageSeries {
  days: string[];
  /** The metrics shown: the known ones, then any other the gateway counted. */
  metrics: Metric[];
  /** metric key → one value per day of `days`. */
  values: Record<string, number[]>;
  totals: Record<string, number>;
  /** The projects that have counts in the report. */
  projectIds: string[];
}

/**
 * One value per day and metric over the report's range (or `from`/`to` when given), summed over every
 * project, or over `projectId` only.
 */
export function usageSeries(
  report: UsageReport,
  options: { projectId?: string | null; from?: string; to?: string } = {},
): UsageSeries {
  const entries = report.days ?? [];
  const from = options.from ?? report.from ?? entries.map((d) => d.day ?? '').filter(Boolean).sort()[0] ?? '';
  const to = options.to ?? report.to ?? entries.map((d) => d.day ?? '').filter(Boolean).sort().at(-1) ?? '';
  const days = daysBetween(from, to);
  const index = new Map(days.map((day, i) => [day, i]));

  const metrics: Metric[] = [...METRICS];
  for (const entry of entries) {
    for (const key of Object.keys(entry.counts ?? {})) {
      if (!metrics.some((m) => m.key === key)) metrics.push({ key, label: key.replace(/_/g, ' ') });
    }
  }
  const values: Record<string, number[]> = Object.fromEntries(metrics.map((m) => [m.key, days.map(() => 0)]));
  const projectIds = new Set<string>();

  for (const entry of entries) {
    if (entry.project_id) projectIds.add(entry.project_id);
    if (options.projectId && entry.project_id !== options.projectId) continue;
    const i = entry.day == null ? undefined : index.get(entry.day);
    if (i === undefined) continue;
    for (const [key, count] of Object.entries(entry.counts ?? {})) {
      const series = values[key];
      if (series && Number.isFinite(count)) series[i] = (series[i] ?? 0) + count;
    }
  }

  const totals = Object.fromEntries(metrics.map((m) => [m.key, (values[m.key] ?? []).reduce((a, b) => a + b, 0)]));
  return { days, metrics, values, totals, projectIds: [...projectIds].sort() };
}

/** A sentence for screen readers and the chart's accessible name: total, busiest day, days without any. */
export function describeSeries(label: string, days: string[], values: number[]): string {
  const total = values.reduce((a, b) => a + b, 0);
  if (days.length === 0) return `${label}: no days in the range.`;
  const range = `${days[0]} to ${days.at(-1)}`;
  if (total === 0) return `${label}: none from ${range}.`;
  let peak = 0;
  values.forEach((v, i) => {
    if (v > (values[peak] ?? 0)) peak = i;
  });
  const active = values.filter((v) => v > 0).length;
  return `${label}: ${total.toLocaleString('en')} in total from ${range}; most on ${days[peak]} (${(values[peak] ?? 0).toLocaleString('en')}); ${active} of ${days.length} days had any.`;
}
