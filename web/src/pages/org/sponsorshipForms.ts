/**
 * A project's gas sponsorship policy (issue 19, `GET`/`PUT /orgs/{org}/sponsorship/{project_id}`): the form
 * (amounts in ETH, address lists one per line), its checks, the request body (amounts in wei), and the
 * month's usage as the page shows it.
 */
import type { PaymasterKind, SponsorshipPolicy, SponsorshipPolicyChange, SponsorshipUsage } from '../../api/additions';
import { isHttpUrl } from '../../forms/checks';
import { AmountError, ETH_DECIMALS, addressProblem, formatUnits, formatUnitsSafe, parseUnits } from '../user/amounts';
import { MAX_AMOUNT, hasErrors, type FieldErrors } from './forms';
import { serverFieldErrors } from './load';
import { daysBetween, isoDay } from './usageSeries';

/** wallet-service takes at most this many allowed tokens, and as many allowed recipients. */
export const MAX_LISTED_ADDRESSES = 100;

export interface SponsorshipForm {
  enabled: boolean;
  paymaster_kind: PaymasterKind;
  paymaster_url: string;
  /** A new key; empty keeps the stored one. */
  paymaster_api_key: string;
  /** Remove the stored key (sends ""). */
  clear_api_key: boolean;
  /** In ETH, e.g. "1.5"; empty for none. */
  monthly_budget: string;
  user_daily_cap: string;
  native_allowed: boolean;
  /** false: any token (null); true: only `allowed_tokens` (none when empty). */
  tokens_listed: boolean;
  /** Addresses, one per line (or separated by commas or spaces). */
  allowed_tokens: string;
  recipients_listed: boolean;
  allowed_recipients: string;
}

export type SponsorshipField = 'paymaster_url' | 'paymaster_api_key' | 'monthly_budget' | 'user_daily_cap' | 'allowed_tokens' | 'allowed_recipients';
export type SponsorshipErrors = FieldErrors<SponsorshipField>;

export type CheckedSponsorship = { ok: true; request: SponsorshipPolicyChange } | { ok: false; errors: SponsorshipErrors };

/** Wei as ETH for an input ("" for none). */
function ethInput(wei: string | null): string {
  return wei == null ? '' : formatUnitsSafe(wei, ETH_DECIMALS);
}

export function sponsorshipFormFrom(policy: SponsorshipPolicy): SponsorshipForm {
  return {
    enabled: policy.enabled,
    paymaster_kind: policy.paymaster.kind,
    paymaster_url: policy.paymaster.url ?? '',
    paymaster_api_key: '',
    clear_api_key: false,
    monthly_budget: ethInput(policy.monthly_budget),
    user_daily_cap: ethInput(policy.user_daily_cap),
    native_allowed: policy.native_allowed,
    tokens_listed: policy.allowed_tokens !== null,
    allowed_tokens: (policy.allowed_tokens ?? []).join('\n'),
    recipients_listed: policy.allowed_recipients !== null,
    allowed_recipients: (policy.allowed_recipients ?? []).join('\n'),
  };
}

/**
 * An amount typed in ETH as an integer string of wei, or null when empty. Throws an {@link AmountError}
 * saying what is wrong: not a positive number, more than 18 decimals, above 2^256 − 1 wei.
 */
export function weiFromEth(text: string): string | null {
  if (text.trim() === '') return null;
  const wei = parseUnits(text);
  if (BigInt(wei) > MAX_AMOUNT) throw new AmountError(`At most ${formatUnits(MAX_AMOUNT)} ETH (2^256 − 1 wei).`);
  return wei;
}

/** The addresses of a list typed one per line (commas and spaces separate too), or why it is not one. */
export function parseAddressList(text: string): { addresses: string[] } | { problem: string } {
  const entries = text.split(/[\s,;]+/).filter(Boolean);
  if (entries.length > MAX_LISTED_ADDRESSES) {
    return { problem: `At most ${MAX_LISTED_ADDRESSES} addresses (there are ${entries.length}).` };
  }
  const addresses: string[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    const problem = addressProblem(entry, `Address ${i + 1} (${entry.length > 16 ? `${entry.slice(0, 16)}…` : entry})`);
    if (problem) return { problem };
    if (!seen.has(entry.toLowerCase())) addresses.push(entry);
    seen.add(entry.toLowerCase());
  }
  return { addresses };
}

/**
 * Checks the form and builds the whole `PUT` body: every limit and list is sent (null for none or any), the
 * paymaster's URL and key only for an external paymaster, the key only when a new one was typed or removed.
 */
export function checkSponsorship(form: SponsorshipForm): CheckedSponsorship {
  const errors: SponsorshipErrors = {};
  const external = form.paymaster_kind === 'external';
  const amount = (field: 'monthly_budget' | 'user_daily_cap'): string | null => {
    try {
      return weiFromEth(form[field]);
    } catch (error) {
      errors[field] = error instanceof AmountError ? error.message : 'Enter an amount in ETH, e.g. 0.5.';
      return null;
    }
  };
  const list = (field: 'allowed_tokens' | 'allowed_recipients', listed: boolean): string[] | null => {
    if (!listed) return null;
    const parsed = parseAddressList(form[field]);
    if ('problem' in parsed) {
      errors[field] = parsed.problem;
      return null;
    }
    return parsed.addresses;
  };

  const monthlyBudget = amount('monthly_budget');
  const userDailyCap = amount('user_daily_cap');
  if (form.enabled && !external && monthlyBudget === null && !errors.monthly_budget) {
    errors.monthly_budget = 'Enter a monthly budget: the platform’s paymaster sponsors only within one.';
  }
  const url = form.paymaster_url.trim();
  if (external && !(isHttpUrl(url) && /^https:/i.test(url))) {
    errors.paymaster_url = 'Enter your paymaster’s https URL, e.g. https://paymaster.example.com/rpc.';
  }
  const allowedTokens = list('allowed_tokens', form.tokens_listed);
  const allowedRecipients = list('allowed_recipients', form.recipients_listed);
  if (hasErrors(errors)) return { ok: false, errors };

  const key = form.paymaster_api_key.trim();
  return {
    ok: true,
    request: {
      enabled: form.enabled,
      paymaster_kind: form.paymaster_kind,
      ...(external ? { paymaster_url: url } : {}),
      ...(external && key ? { paymaster_api_key: key } : external && form.clear_api_key ? { paymaster_api_key: '' } : {}),
      monthly_budget: monthlyBudget,
      user_daily_cap: userDailyCap,
      native_allowed: form.native_allowed,
      allowed_tokens: allowedTokens,
      allowed_recipients: allowedRecipients,
    },
  };
}

/** The service's field errors by form field (`allowed_tokens[3]` is the tokens' list). */
export function sponsorshipServerErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(serverFieldErrors(error)).map(([field, message]) => [field.replace(/\[\d*\]$/, ''), message]));
}

/** How much of the monthly budget is spent or reserved, in percent (0–100, rounded down); null without a budget. */
export function budgetUsedPercent(budget: string | null, usage: Pick<SponsorshipUsage, 'spent' | 'reserved'>): number | null {
  try {
    if (budget == null || BigInt(budget) <= 0n) return null;
    const used = BigInt(usage.spent) + BigInt(usage.reserved);
    return Number(used >= BigInt(budget) ? 100n : (used * 100n) / BigInt(budget));
  } catch {
    return null;
  }
}

/** The days of a `YYYY-MM` month (UTC), or [] for anything else. */
function daysOfMonth(month: string): string[] {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return [];
  const last = isoDay(new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)));
  return daysBetween(`${month}-01`, last);
}

/** The chart's bars: every day of the month with the ETH spent on it (0 on days without usage). */
export function dailySpentSeries(usage: Pick<SponsorshipUsage, 'month' | 'by_day'>): { days: string[]; values: number[] } {
  const spent = new Map(usage.by_day.map((d) => [d.day, Number(formatUnitsSafe(d.spent, ETH_DECIMALS)) || 0]));
  const month = daysOfMonth(usage.month);
  const days = month.length > 0 ? month : usage.by_day.map((d) => d.day);
  return { days, values: days.map((day) => spent.get(day) ?? 0) };
}

/** The PUT body as sent: a part left out means none, as null does, so null parts are left out. */
export function sponsorshipRequestBody(change: SponsorshipPolicyChange): {
  [K in keyof SponsorshipPolicyChange]: Exclude<SponsorshipPolicyChange[K], null>;
} {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== null)) as {
    [K in keyof SponsorshipPolicyChange]: Exclude<SponsorshipPolicyChange[K], null>;
  };
}
