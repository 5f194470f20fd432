/**
 * Plans and monthly statements (issue 20): the gateway prices an organization's usage of a calendar month (UTC)
 * with its plan. Money is integer minor units (cents) of the plan's currency; unit prices are per 1000 units. The
 * organization's admins (and platform admins) read them at `/orgs/{org}/plan` and `/orgs/{org}/statements/{month}`.
 */
import { unwrap, type Api } from '../../api/client';
import type { components } from '../../api/generated/gateway';
import { ApiError } from '../../api/problem';
import { attachmentName } from './audit';
import { statusWords } from './format';
import { METRICS } from './usageSeries';

export type Plan = components['schemas']['Plan'];

/** One usage metric of a statement (`Statements.Line`). */
export interface StatementLine {
  metric: string;
  used: number;
  included: number;
  billable: number;
  unit_price_per_thousand_minor: number;
  amount_minor: number;
}

/**
 * A monthly statement (`Statements.Statement`): the gateway's document gives its answer no schema (it also
 * answers CSV and HTML), so it is declared here and read through {@link statementFrom}.
 */
export interface Statement {
  org_id: string;
  org_slug: string;
  org_name: string;
  /** `yyyy-mm` */
  month: string;
  /** The first and last UTC day of the month. */
  from: string;
  to: string;
  /** Whether the month is over; until then the usage may still grow. */
  complete: boolean;
  plan: string;
  currency: string;
  monthly_price_minor: number;
  lines: StatementLine[];
  total_minor: number;
}

export type StatementFormat = 'csv' | 'html';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LINE_NUMBERS = ['used', 'included', 'billable', 'unit_price_per_thousand_minor', 'amount_minor'] as const;

/** The statement of a JSON answer; throws when the answer is no statement (its amounts are never guessed). */
export function statementFrom(answer: unknown): Statement {
  const valid =
    isObject(answer) &&
    typeof answer.month === 'string' &&
    typeof answer.currency === 'string' &&
    typeof answer.monthly_price_minor === 'number' &&
    typeof answer.total_minor === 'number' &&
    Array.isArray(answer.lines) &&
    answer.lines.every((line) => isObject(line) && typeof line.metric === 'string' && LINE_NUMBERS.every((key) => typeof line[key] === 'number'));
  if (!valid) throw new Error('The gateway did not answer a statement.');
  return answer as unknown as Statement;
}

/**
 * Minor units as an amount of the currency, exactly (no floating point), with two decimals as the gateway's
 * printable statement writes every currency: `53534, 'EUR'` → `535.34 EUR`, `123456789, 'USD'` → `1,234,567.89 USD`.
 */
export function formatMinor(minor: number | null | undefined, currency: string | null | undefined): string {
  const value = BigInt(Math.trunc(minor ?? 0));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents}${currency ? ` ${currency}` : ''}`;
}

/** A count of units as the billing pages write it: `12345` → `12,345`. */
export function formatCount(count: number | null | undefined): string {
  return (count ?? 0).toLocaleString('en');
}

/** A usage metric's name for people (`kyc_cases_opened` → KYC cases opened); an unknown one from its own words. */
export function metricLabel(metric: string | null | undefined): string {
  const known = METRICS.find((m) => m.key === metric);
  if (known) return known.label;
  const words = statusWords(metric);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The first and last month a statement may be asked for (the gateway's bounds). */
export const FIRST_MONTH = '2000-01';
export const LAST_MONTH = '9999-12';

/** Whether the text is a month the gateway takes: `yyyy-mm` from 2000-01 to 9999-12. */
export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text) && text >= FIRST_MONTH && text <= LAST_MONTH;
}

/** The current UTC month (`yyyy-mm`): statements cover UTC days. */
export function currentMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/** The months to choose from: the current UTC month first, then the `count − 1` before it, never before 2000-01. */
export function monthChoices(now: Date = new Date(), count = 24): string[] {
  const months: string[] = [];
  let year = now.getUTCFullYear();
  let month = now.getUTCMonth() + 1;
  while (months.length < count) {
    const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (text < FIRST_MONTH) break;
    months.push(text);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

/** `2026-03` → March 2026; anything else as it is. */
export function monthLabel(month: string): string {
  if (!isMonth(month)) return month;
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The month of the address (`?month=`), trimmed, or the current month when there is none. A month that is not
 * one goes as it is, for the gateway's problem (`invalid-period`) to say what it takes.
 */
export function parseMonthParam(params: URLSearchParams, now: Date = new Date()): string {
  return (params.get('month') ?? '').trim() || currentMonth(now);
}

/** An organization's plan and statements, on the routes its admins (and platform admins) call. */
export function billingCalls(api: Api, org: string) {
  const gateway = api.gateway;
  return {
    plan(signal?: AbortSignal): Promise<Plan> {
      return unwrap(gateway.GET('/orgs/{org}/plan', { params: { path: { org } }, signal }));
    },
    async statement(month: string, signal?: AbortSignal): Promise<Statement> {
      return statementFrom(await unwrap(gateway.GET('/orgs/{org}/statements/{month}', { params: { path: { org, month } }, signal })));
    },
    /**
     * The statement as a CSV download or a printable HTML page, fetched here rather than followed as a link since
     * the gateway wants the bearer token; named as the gateway names it.
     */
    async statementFile(month: string, format: StatementFormat): Promise<{ file: Blob; fileName: string }> {
      const { data, error, response } = await gateway.GET('/orgs/{org}/statements/{month}', {
        params: { path: { org, month }, query: { format } },
        parseAs: 'blob',
      });
      if (!response.ok) throw ApiError.from(response, error);
      const fileName = attachmentName(response.headers.get('Content-Disposition')) ?? `statement-${org}-${month}.${format}`;
      if (format === 'csv') return { file: data && data.type ? data : new Blob(data ? [data] : [], { type: 'text/csv' }), fileName };
      // Shown from an object URL, the page has the console's origin and not the gateway's header: its policy goes in it.
      const html = withStatementPolicy(data ? await data.text() : '');
      return { file: new Blob([html], { type: 'text/html;charset=utf-8' }), fileName };
    },
  };
}

/** What the gateway allows the printable statement (`Content-Security-Policy` of its answer): inline style, nothing else. */
export const STATEMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * The printable statement with the gateway's policy as the page's first element, since an object URL's page gets no
 * header: nothing it might hold (it holds no script) could run with the console's origin.
 */
export function withStatementPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${STATEMENT_POLICY}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) return `${meta}${html}`;
  const end = head.index + head[0].length;
  return `${html.slice(0, end)}${meta}${html.slice(end)}`;
}

/**
 * Opens a printable page in a new tab through an object URL. The tab is opened at once, while the click still
 * allows it (a pop-up blocker would refuse it after the download), and pointed at the page once it is here;
 * returns the tab, or null when the browser refused one.
 */
export function openTab(): Window | null {
  const tab = window.open('', '_blank');
  if (tab) tab.opener = null;
  return tab ?? null;
}

/** Shows `file` in `tab` (from {@link openTab}); the object URL is given up once the tab has had time to read it. */
export function showInTab(tab: Window, file: Blob): void {
  const url = URL.createObjectURL(file);
  tab.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
