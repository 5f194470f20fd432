/**
 * The plan editor (`PUT /platform/organizations/{org}/plan`, `Plans.PlanRequest`): money is entered as an amount of
 * the currency with at most two decimals and sent as integer minor units (cents), converted exactly (no floating
 * point); unit prices are per 1000 units. The checks are the gateway's bounds, so that a plan it would refuse is
 * not sent.
 */
import { unwrap, type Api } from '../../api/client';
import type { components } from '../../api/generated/gateway';
import { serverFieldErrors } from '../org/load';
import type { Plan } from '../org/billing';
import { METRICS } from '../org/usageSeries';

export type PlanRequest = components['schemas']['PlanRequest'];

/** The metrics a plan prices, in the gateway's order (`Plans.METRICS`). */
export const PLAN_METRICS: readonly string[] = METRICS.map((m) => m.key);

/** The gateway's bounds (`Plans.PlanRequest`, `ProjectService.RateLimitSettings`). */
export const PLAN_BOUNDS = {
  maxName: 200,
  maxMonthlyPriceMinor: 1_000_000_000_000,
  maxIncluded: 1_000_000_000_000_000_000n,
  maxUnitPriceMinor: 1_000_000_000,
  minCapacity: 1,
  maxCapacity: 100_000,
  minRefill: 0.001,
  maxRefill: 100_000,
} as const;

export interface PlanForm {
  name: string;
  /** ISO 4217 letters, e.g. EUR. */
  currency: string;
  /** An amount of the currency, e.g. `499.00`. */
  monthly_price: string;
  /** Units included each month, per metric; empty: none. */
  included: Record<string, string>;
  /** The price of 1000 units above that, an amount of the currency, per metric; empty: free. */
  unit_prices: Record<string, string>;
  /** Whether the plan sets the token bucket of every project of the organization. */
  rate_limit: boolean;
  capacity: string;
  refill_per_second: string;
}

/** The form's fields as its errors name them: `included.requests`, `unit_prices.transfers`, … */
export type PlanField =
  | 'name'
  | 'currency'
  | 'monthly_price'
  | 'capacity'
  | 'refill_per_second'
  | `included.${string}`
  | `unit_prices.${string}`;

export type PlanErrors = Partial<Record<PlanField, string>>;

/**
 * An amount of a currency with at most two decimals (`499`, `499.5`, `0.25`) as integer minor units, exactly;
 * null when it is not one (negative, more decimals, letters, thousands separators).
 */
export function parseMinor(text: string): bigint | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Minor units as the editor shows them: `49900` → `499.00`, `25` → `0.25`. */
export function minorToInput(minor: number | null | undefined): string {
  const value = BigInt(Math.trunc(minor ?? 0));
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

/** The editor filled with the organization's plan; the free default's name is left for the admin to give. */
export function planFormFrom(plan: Plan | null | undefined, defaultCurrency = 'EUR'): PlanForm {
  const included: Record<string, string> = {};
  const unitPrices: Record<string, string> = {};
  for (const metric of PLAN_METRICS) {
    included[metric] = String(plan?.included?.[metric] ?? 0);
    unitPrices[metric] = minorToInput(plan?.unit_prices_per_thousand_minor?.[metric]);
  }
  return {
    name: plan && !plan.default_plan ? (plan.name ?? '') : '',
    currency: plan?.currency ?? defaultCurrency,
    monthly_price: minorToInput(plan?.monthly_price_minor),
    included,
    unit_prices: unitPrices,
    rate_limit: plan?.rate_limit != null,
    capacity: plan?.rate_limit?.capacity != null ? String(plan.rate_limit.capacity) : '',
    refill_per_second: plan?.rate_limit?.refill_per_second != null ? String(plan.rate_limit.refill_per_second) : '',
  };
}

/** The same amount in words for the error messages: `1000000000000n` → `10,000,000,000.00`. */
function amountWords(minor: number): string {
  return `${Math.trunc(minor / 100).toLocaleString('en')}.${String(minor % 100).padStart(2, '0')}`;
}

function moneyProblem(text: string, max: number, required: boolean): string | null {
  if (!text.trim()) return required ? 'Enter an amount, such as 499.00 (0 for none).' : null;
  const minor = parseMinor(text);
  if (minor === null) return 'An amount such as 499.00: digits, and at most two decimals after a point.';
  if (minor > BigInt(max)) return `At most ${amountWords(max)}.`;
  return null;
}

function includedProblem(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  if (!/^\d+$/.test(value)) return 'A whole number of units, 0 or more.';
  if (BigInt(value) > PLAN_BOUNDS.maxIncluded) return 'At most 1,000,000,000,000,000,000 units.';
  // The body is JSON written by the browser: past 2^53 − 1 a number would not arrive as typed.
  if (BigInt(value) > BigInt(Number.MAX_SAFE_INTEGER)) return `At most ${Number.MAX_SAFE_INTEGER.toLocaleString('en')} units from the console.`;
  return null;
}

/** What is wrong with the form, by field, as the gateway checks a `PlanRequest`; empty when it can be sent. */
export function planErrors(form: PlanForm): PlanErrors {
  const errors: PlanErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'Enter the plan’s name.';
  else if (name.length > PLAN_BOUNDS.maxName) errors.name = `At most ${PLAN_BOUNDS.maxName} characters.`;
  if (!/^[A-Z]{3}$/.test(form.currency.trim())) errors.currency = 'Three capital letters: an ISO 4217 code such as EUR.';
  const monthly = moneyProblem(form.monthly_price, PLAN_BOUNDS.maxMonthlyPriceMinor, true);
  if (monthly) errors.monthly_price = monthly;
  for (const metric of PLAN_METRICS) {
    const included = includedProblem(form.included[metric] ?? '');
    if (included) errors[`included.${metric}`] = included;
    const price = moneyProblem(form.unit_prices[metric] ?? '', PLAN_BOUNDS.maxUnitPriceMinor, false);
    if (price) errors[`unit_prices.${metric}`] = price;
  }
  if (form.rate_limit) {
    const capacity = form.capacity.trim();
    if (!/^\d+$/.test(capacity) || Number(capacity) < PLAN_BOUNDS.minCapacity || Number(capacity) > PLAN_BOUNDS.maxCapacity) {
      errors.capacity = 'A whole number from 1 to 100,000 (requests of burst).';
    }
    const refill = form.refill_per_second.trim();
    const rate = Number(refill);
    if (!/^\d+(\.\d+)?$/.test(refill) || rate < PLAN_BOUNDS.minRefill || rate > PLAN_BOUNDS.maxRefill) {
      errors.refill_per_second = 'A number from 0.001 to 100,000 (requests a second).';
    }
  }
  return errors;
}

/**
 * `PUT …/plan`'s body from a form without errors: money in minor units, empty fields left out (none included,
 * free), and the rate limit only when set: the PUT replaces the whole plan, so leaving it out removes it.
 */
export function planRequest(form: PlanForm): PlanRequest {
  const included: Record<string, number> = {};
  const unitPrices: Record<string, number> = {};
  for (const metric of PLAN_METRICS) {
    const units = (form.included[metric] ?? '').trim();
    if (units) included[metric] = Number(units);
    const price = parseMinor(form.unit_prices[metric] ?? '');
    if (price !== null) unitPrices[metric] = Number(price);
  }
  return {
    name: form.name.trim(),
    currency: form.currency.trim(),
    monthly_price_minor: Number(parseMinor(form.monthly_price) ?? 0n),
    included,
    unit_prices_per_thousand_minor: unitPrices,
    ...(form.rate_limit ? { rate_limit: { capacity: Number(form.capacity.trim()), refill_per_second: Number(form.refill_per_second.trim()) } } : {}),
  };
}

/** The gateway's field errors of a refused plan, by the form's field names. */
export function planServerErrors(error: unknown): Record<string, string> {
  const served = serverFieldErrors(error);
  const errors: Record<string, string> = {};
  const names: Record<string, PlanField> = {
    name: 'name',
    currency: 'currency',
    monthly_price_minor: 'monthly_price',
    monthlyPriceMinor: 'monthly_price',
    capacity: 'capacity',
    refill_per_second: 'refill_per_second',
    refillPerSecond: 'refill_per_second',
  };
  for (const [field, message] of Object.entries(served)) {
    const name = names[field];
    if (name) errors[name] = message;
  }
  return errors;
}

/** Sets (replaces) the organization's plan. */
export function setPlan(api: Api, org: string, body: PlanRequest): Promise<Plan> {
  return unwrap(api.gateway.PUT('/platform/organizations/{org}/plan', { params: { path: { org } }, body }));
}
