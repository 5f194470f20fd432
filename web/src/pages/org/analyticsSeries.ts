/**
 * `GET /orgs/{org}/analytics` and `GET /platform/analytics` answer series per hour or UTC day (one value per
 * period, zeros included), costs from the gateway's price list, latency percentiles per route class, onboarding
 * durations and the funnel. This shapes them for the charts and tables of the Analytics page.
 */

/** The answer's fields the page reads (all optional: the generated schema's are). */
export interface AnalyticsReportShape {
  granularity?: string;
  periods?: string[];
  usage?: Record<string, number[]>;
  usage_totals?: Record<string, number>;
  costs?: {
    currency?: string;
    items?: { item?: string; quantity?: number; unit?: string; unit_price?: number; amount?: number; series?: number[] }[];
    total?: number;
    series?: number[];
    not_priced?: string[];
  };
  performance?: {
    routes?: { route_class?: string; requests?: number; p50_ms?: number | null; p99_ms?: number | null; p50_ms_series?: (number | null)[]; p99_ms_series?: (number | null)[] }[];
    onboarding?: { step?: string; users?: number; p50_seconds?: number | null; p99_seconds?: number | null }[];
  };
  funnel?: { step?: string; users?: number; drop_off?: number | null; series?: number[] }[];
  hourly_retained_from?: string;
  /** The platform's answer only: each organization's totals. */
  by_organization?: { org_id?: string; slug?: string | null; counts?: Record<string, number> }[];
}

export type Granularity = 'hour' | 'day';

/** The longest range per granularity, as the gateway allows. */
export const MAX_DAYS: Record<Granularity, number> = { hour: 31, day: 400 };

const DAY_MS = 86_400_000;

/** A `YYYY-MM-DD` day as UTC milliseconds, or null when it is no such day. */
function parseDay(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day ? null : time;
}

/** The last `days` UTC days up to today: 30 by day, 2 by hour. */
export function defaultAnalyticsRange(granularity: Granularity, today: Date = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const days = granularity === 'hour' ? 2 : 30;
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/** Why a range cannot be asked for at this granularity, or null when it can. */
export function analyticsRangeProblem(from: string, to: string, granularity: Granularity): { field: 'from' | 'to'; message: string } | null {
  const start = parseDay(from);
  const end = parseDay(to);
  if (start === null) return { field: 'from', message: 'Enter a date (YYYY-MM-DD).' };
  if (end === null) return { field: 'to', message: 'Enter a date (YYYY-MM-DD).' };
  if (end < start) return { field: 'to', message: 'The end must not be before the start.' };
  const days = (end - start) / DAY_MS + 1;
  if (days > MAX_DAYS[granularity]) return { field: 'from', message: `At most ${MAX_DAYS[granularity]} days at once by ${granularity}.` };
  return null;
}

/** A period's label on a chart axis: `12-06` for a day, `12-06 10:00` for an hour (UTC). */
export function periodLabel(period: string): string {
  const hour = /^\d{4}-(\d{2}-\d{2})T(\d{2}:\d{2})/.exec(period);
  if (hour) return `${hour[1]} ${hour[2]}`;
  return period.length === 10 ? period.slice(5) : period;
}

export interface Series {
  key: string;
  label: string;
  values: number[];
  total: number;
}

/** The usage charts, in this order; `requests` sums every route class's requests. */
export const USAGE_CHARTS: readonly { key: string; label: string; metrics: readonly string[] }[] = [
  { key: 'requests', label: 'API requests', metrics: [] },
  { key: 'kyc.cases_opened', label: 'KYC cases opened', metrics: ['kyc.cases_opened'] },
  { key: 'kyc.outcome.verified', label: 'KYC cases verified', metrics: ['kyc.outcome.verified'] },
  { key: 'kyc.outcome.rejected', label: 'KYC cases rejected', metrics: ['kyc.outcome.rejected'] },
  { key: 'wallets.provisioned', label: 'Wallets provisioned', metrics: ['wallets.provisioned'] },
  { key: 'transfers.started', label: 'Transfers started', metrics: ['transfers.started'] },
  { key: 'claims.issued', label: 'Claims issued', metrics: ['claims.issued'] },
  { key: 'webhooks.delivered', label: 'Webhooks delivered', metrics: ['webhooks.delivered'] },
  { key: 'webhooks.failed', label: 'Webhooks failed', metrics: ['webhooks.failed'] },
];

function sumSeries(length: number, series: (number[] | undefined)[]): number[] {
  const values = Array.from({ length }, () => 0);
  for (const s of series) {
    s?.forEach((v, i) => {
      if (i < length && Number.isFinite(v)) values[i] = (values[i] ?? 0) + v;
    });
  }
  return values;
}

const total = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** One series per usage chart, one value per period. */
export function usageCharts(report: AnalyticsReportShape): Series[] {
  const length = report.periods?.length ?? 0;
  const usage = report.usage ?? {};
  return USAGE_CHARTS.map((chart) => {
    const metrics = chart.key === 'requests' ? Object.keys(usage).filter((k) => k.startsWith('requests.')) : chart.metrics;
    const values = sumSeries(length, metrics.map((m) => usage[m]));
    return { key: chart.key, label: chart.label, values, total: total(values) };
  });
}

/** The requests of each route class over the period, busiest first (classes without any left out). */
export function requestsByKind(report: AnalyticsReportShape): { routeClass: string; label: string; requests: number }[] {
  return Object.entries(report.usage_totals ?? {})
    .filter(([key, count]) => key.startsWith('requests.') && count > 0)
    .map(([key, requests]) => ({ routeClass: key.slice('requests.'.length), label: routeClassLabel(key.slice('requests.'.length)), requests }))
    .sort((a, b) => b.requests - a.requests || a.routeClass.localeCompare(b.routeClass));
}

const ROUTE_LABELS: Record<string, string> = {
  kyc: 'KYC',
  wallets: 'Wallets',
  identities: 'Identities',
  notifications: 'Notifications',
  documents: 'Documents',
  webhooks: 'Provider webhooks',
  gateway: 'Gateway API',
};

export function routeClassLabel(routeClass: string): string {
  return ROUTE_LABELS[routeClass] ?? routeClass;
}

const COST_LABELS: Record<string, string> = {
  persona_inquiries: 'Persona inquiries',
  persona_verifications: 'Persona verifications',
  sumsub_applicants: 'Sumsub applicants',
  sumsub_verifications: 'Sumsub verifications',
  dfns_wallets: 'Dfns wallets',
  dfns_transfers: 'Dfns transfers',
  sponsored_gas: 'Sponsored gas',
  identity_operator_gas: 'Identity operator gas',
};

export interface CostRow {
  item: string;
  label: string;
  quantity: string;
  unitPrice: string;
  amount: string;
}

/** An amount in the price list's currency, as the page shows it (two decimals at least, up to six). */
export function formatMoney(amount: number | undefined, currency = 'USD'): string {
  const value = Number.isFinite(amount) ? (amount as number) : 0;
  return `${value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 6 })} ${currency}`;
}

/** The cost table: every priced item (those with a quantity first), and the total. */
export function costRows(report: AnalyticsReportShape): { rows: CostRow[]; total: string; series: number[]; notPriced: string[] } {
  const costs = report.costs ?? {};
  const currency = costs.currency ?? 'USD';
  const rows = (costs.items ?? []).map((item) => ({
    item: item.item ?? '',
    label: COST_LABELS[item.item ?? ''] ?? item.item ?? '',
    quantity: item.unit === 'ETH' ? `${(item.quantity ?? 0).toLocaleString('en', { maximumFractionDigits: 18 })} ETH` : (item.quantity ?? 0).toLocaleString('en'),
    unitPrice: formatMoney(item.unit_price, currency) + (item.unit === 'ETH' ? ' per ETH' : ''),
    amount: formatMoney(item.amount, currency),
  }));
  const length = report.periods?.length ?? 0;
  return {
    rows,
    total: formatMoney(costs.total, currency),
    series: sumSeries(length, [costs.series]),
    notPriced: costs.not_priced ?? [],
  };
}

export interface LatencyRow {
  routeClass: string;
  label: string;
  requests: number;
  p50: string;
  p99: string;
}

function formatMillis(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return '–';
  return ms >= 1000 ? `${(ms / 1000).toLocaleString('en', { maximumFractionDigits: 2 })} s` : `${ms.toLocaleString('en', { maximumFractionDigits: 1 })} ms`;
}

/** p50/p99 per route class that had requests. */
export function latencyRows(report: AnalyticsReportShape): LatencyRow[] {
  return (report.performance?.routes ?? [])
    .filter((r) => (r.requests ?? 0) > 0)
    .map((r) => ({
      routeClass: r.route_class ?? '',
      label: routeClassLabel(r.route_class ?? ''),
      requests: r.requests ?? 0,
      p50: formatMillis(r.p50_ms),
      p99: formatMillis(r.p99_ms),
    }));
}

/** The p50 and p99 chart's datasets: one line per route class and percentile (gaps where a period had none). */
export function latencyDatasets(report: AnalyticsReportShape): { label: string; values: (number | null)[] }[] {
  return (report.performance?.routes ?? [])
    .filter((r) => (r.requests ?? 0) > 0)
    .flatMap((r) => [
      { label: `${routeClassLabel(r.route_class ?? '')} p50`, values: r.p50_ms_series ?? [] },
      { label: `${routeClassLabel(r.route_class ?? '')} p99`, values: r.p99_ms_series ?? [] },
    ]);
}

/** A duration in seconds, in words: `45 s`, `12 min`, `3.5 h`, `2.1 days`. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '–';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toLocaleString('en', { maximumFractionDigits: 1 })} h`;
  return `${(seconds / 86_400).toLocaleString('en', { maximumFractionDigits: 1 })} days`;
}

const STEP_LABELS: Record<string, string> = {
  kyc_started: 'KYC started',
  submitted: 'Submitted (provider reported)',
  verified: 'Verified',
  wallet: 'Wallet provisioned',
  claim: 'Claim issued',
  to_verified: 'KYC start → verified',
  to_wallet: 'KYC start → wallet',
  to_claim: 'KYC start → claim',
};

export function stepLabel(step: string): string {
  return STEP_LABELS[step] ?? step;
}

export interface FunnelRow {
  step: string;
  label: string;
  users: number;
  /** Of the previous step's users, the share that did not reach this one: `33.3 %`, or null for the first. */
  dropOff: string | null;
  /** Of the first step's users, the share that reached this one. */
  ofStarted: string | null;
}

function percent(ratio: number): string {
  return `${(ratio * 100).toLocaleString('en', { maximumFractionDigits: 1 })} %`;
}

/**
 * The funnel with drop-off at each step. Counts are of users reaching each step within the period (not a
 * cohort), so a later step may outnumber an earlier one: its drop-off is then shown as 0 %.
 */
export function funnelRows(report: AnalyticsReportShape): FunnelRow[] {
  const steps = report.funnel ?? [];
  const first = steps[0]?.users ?? 0;
  return steps.map((s, i) => {
    const users = s.users ?? 0;
    const previous = i === 0 ? null : (steps[i - 1]?.users ?? 0);
    const dropOff = previous == null || previous === 0 ? null : percent(Math.max(0, (previous - users) / previous));
    return {
      step: s.step ?? '',
      label: stepLabel(s.step ?? ''),
      users,
      dropOff,
      ofStarted: first === 0 ? null : percent(users / first),
    };
  });
}

/** Onboarding durations as table rows. */
export function onboardingRows(report: AnalyticsReportShape): { step: string; label: string; users: number; p50: string; p99: string }[] {
  return (report.performance?.onboarding ?? []).map((t) => ({
    step: t.step ?? '',
    label: stepLabel(t.step ?? ''),
    users: t.users ?? 0,
    p50: formatSeconds(t.p50_seconds),
    p99: formatSeconds(t.p99_seconds),
  }));
}

/** The platform's table of organizations: a few totals each, the busiest (most KYC cases) first. */
export function organizationRows(
  report: AnalyticsReportShape,
): { orgId: string; name: string; cases: number; verified: number; wallets: number; claims: number }[] {
  return (report.by_organization ?? [])
    .map((o) => {
      const counts = o.counts ?? {};
      return {
        orgId: o.org_id ?? '',
        name: o.slug ?? o.org_id ?? '',
        cases: counts['kyc.cases_opened'] ?? 0,
        verified: counts['kyc.outcome.verified'] ?? 0,
        wallets: counts['wallets.provisioned'] ?? 0,
        claims: counts['claims.issued'] ?? 0,
      };
    })
    .sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name));
}

/** Everything the analytics page shows of a report, in the shapes its charts and tables take. */
export function analyticsReport(report: AnalyticsReportShape) {
  const periods = report.periods ?? [];
  return {
    labels: periods.map(periodLabel),
    // "2026-12-06T13:00:00Z" → "2026-12-06 13:00"; a day stays as it is.
    periods: periods.map((p) => (p.length > 10 ? `${p.slice(0, 10)} ${p.slice(11, 16)}` : p)),
    usage: usageCharts(report),
    kinds: requestsByKind(report),
    costs: costRows(report),
    latency: latencyRows(report),
    latencyDatasets: latencyDatasets(report),
    onboarding: onboardingRows(report),
    funnel: funnelRows(report),
    organizations: organizationRows(report),
  };
}
