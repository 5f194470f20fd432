/**
 * Amounts and addresses of the wallet pages, exactly: amounts are decimal strings turned into integer
 * strings of the smallest unit (wei) with BigInt, never through floating point.
 */

/** Decimals of ether (and of most ERC-20 tokens). */
export const ETH_DECIMALS = 18;

/** An EVM address: 0x and 40 hex digits (the checksum of mixed case is the service's to check). */
export const ADDRESS_PATTERN = /^0x[0-9a-fA-F]{40}$/;

export function isAddress(value: string): boolean {
  return ADDRESS_PATTERN.test(value.trim());
}

/** Why an address is not one, in words, or null when it is. */
export function addressProblem(value: string, what = 'The address'): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return `${what} is required.`;
  if (!trimmed.startsWith('0x')) return `${what} must start with 0x.`;
  if (trimmed.length !== 42) return `${what} must be 0x followed by 40 hexadecimal digits (it has ${trimmed.length - 2}).`;
  if (!ADDRESS_PATTERN.test(trimmed)) return `${what} may contain only the digits 0–9 and the letters a–f after 0x.`;
  return null;
}

export class AmountError extends Error {
  override name = 'AmountError';
}

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * A decimal amount ("0.01", "1.5", "2") in the smallest unit as an integer string: `parseUnits("0.01", 18)`
 * is "10000000000000000". Throws an {@link AmountError} that says what is wrong: not a number, not positive,
 * more decimals than the unit has.
 */
export function parseUnits(amount: string, decimals: number = ETH_DECIMALS): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 77) throw new RangeError(`decimals ${decimals}`);
  const text = amount.trim().replace(/_/g, '');
  if (text === '') throw new AmountError('Enter an amount.');
  const match = DECIMAL.exec(text);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    throw new AmountError('Enter the amount as a number, e.g. 0.01 (digits and one decimal point).');
  }
  const whole = match[1] || '0';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) {
    throw new AmountError(
      decimals === 0 ? 'This token has no decimals: enter a whole number.' : `At most ${decimals} decimals.`,
    );
  }
  const units = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (units <= 0n) throw new AmountError('The amount must be more than 0.');
  return units.toString();
}

/** An integer amount of the smallest unit as a decimal string: `formatUnits("1500000000000000000", 18)` is "1.5". */
export function formatUnits(units: string | bigint, decimals: number = ETH_DECIMALS): string {
  let value = typeof units === 'bigint' ? units : BigInt(units);
  const negative = value < 0n;
  if (negative) value = -value;
  const base = 10n ** BigInt(decimals);
  const whole = value / base;
  const fraction = (value % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** `formatUnits`, or the raw value when it is not an integer string (never throws while rendering). */
export function formatUnitsSafe(units: string | null | undefined, decimals: number | null | undefined): string {
  if (units == null) return '—';
  try {
    return formatUnits(units, decimals ?? ETH_DECIMALS);
  } catch {
    return units;
  }
}
