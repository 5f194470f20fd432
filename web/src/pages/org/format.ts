/** How the organization pages write times, ids and amounts. */

/** A time in the reader's locale, e.g. "6 Dec 2025, 14:03"; "—" when there is none. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  return time.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The first characters of a long id, for tables (the full id goes in the title or the detail page). */
export function shortId(id: string | null | undefined, length = 8): string {
  if (!id) return '—';
  return id.length > length + 1 ? `${id.slice(0, length)}…` : id;
}

/** `0x1234…abcd` for an address or hash. */
export function shortHex(value: string | null | undefined): string {
  if (!value) return '—';
  return value.length > 14 ? `${value.slice(0, 6)}…${value.slice(-4)}` : value;
}

/**
 * An integer amount in the smallest unit as a decimal of the whole unit: `1500000000000000000` with 18
 * decimals → `1.5`. Exact (BigInt), no rounding; null when `amount` is not an integer string.
 */
export function toUnits(amount: string | null | undefined, decimals = 18): string | null {
  if (!amount || !/^-?\d+$/.test(amount)) return null;
  const negative = amount.startsWith('-');
  const digits = (negative ? amount.slice(1) : amount).replace(/^0+(?=\d)/, '');
  const padded = digits.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals);
  const fraction = padded.slice(padded.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A native amount for people: `1500000000000000000 wei (1.5 ETH)`. */
export function formatWei(amount: string | null | undefined, symbol = 'ETH'): string {
  if (!amount) return '—';
  const units = toUnits(amount);
  return units === null ? amount : `${amount} wei (${units} ${symbol})`;
}

/**
 * A token amount for people, with the decimals the admin stated: `1500000` with 6 → `1500000 (1.5 tokens)`.
 * Without usable decimals only the amount in the smallest unit.
 */
export function formatTokenAmount(amount: string | null | undefined, decimals: number | null | undefined): string {
  if (!amount) return '—';
  const units = decimals == null || decimals < 0 ? null : toUnits(amount, decimals);
  return units === null ? `${amount} (smallest unit)` : `${amount} (${units} ${units === '1' ? 'token' : 'tokens'})`;
}

/** An explorer link from a `{hash}`/`{address}` template, or null. */
export function explorerUrl(template: string | null | undefined, key: 'hash' | 'address', value: string | null | undefined): string | null {
  if (!template || !value) return null;
  return template.replace(`{${key}}`, encodeURIComponent(value));
}

/** A status word for people: `awaiting_approval` → `awaiting approval`. */
export function statusWords(status: string | null | undefined): string {
  return status ? status.replace(/[_-]/g, ' ') : 'unknown';
}
