import { describe, expect, it } from 'vitest';
import { AmountError, addressProblem, formatUnits, formatUnitsSafe, isAddress, parseUnits } from './amounts';

describe('parseUnits (ETH → wei, exactly)', () => {
  it('converts decimal ether to an integer string of wei', () => {
    expect(parseUnits('1')).toBe('1000000000000000000');
    expect(parseUnits('0.01')).toBe('10000000000000000');
    expect(parseUnits('1.5')).toBe('1500000000000000000');
    expect(parseUnits('.5')).toBe('500000000000000000');
    expect(parseUnits('2.')).toBe('2000000000000000000');
    expect(parseUnits(' 0.000000000000000001 ')).toBe('1');
  });

  it('has no floating-point error where a float would have one', () => {
    // 0.1 + 0.2 and 1.15 * 1e18 are not exact in binary floating point.
    expect(parseUnits('0.3')).toBe('300000000000000000');
    expect(parseUnits('1.15')).toBe('1150000000000000000');
    expect(parseUnits('123456789.123456789123456789')).toBe('123456789123456789123456789');
    expect(parseUnits('99999999999999999999.999999999999999999')).toBe('99999999999999999999999999999999999999');
  });

  it('uses the token’s decimals', () => {
    expect(parseUnits('1.25', 6)).toBe('1250000');
    expect(parseUnits('7', 0)).toBe('7');
    expect(() => parseUnits('1.5', 0)).toThrow('whole number');
    expect(() => parseUnits('0.0000001', 6)).toThrow('At most 6 decimals');
  });

  it('refuses what is not a positive amount with at most 18 decimals, saying why', () => {
    expect(() => parseUnits('')).toThrow('Enter an amount');
    expect(() => parseUnits('0')).toThrow('more than 0');
    expect(() => parseUnits('0.000')).toThrow('more than 0');
    expect(() => parseUnits('-1')).toThrow(AmountError);
    expect(() => parseUnits('1e18')).toThrow('as a number');
    expect(() => parseUnits('1,5')).toThrow('as a number');
    expect(() => parseUnits('1.2.3')).toThrow('as a number');
    expect(() => parseUnits('.')).toThrow('as a number');
    expect(() => parseUnits('abc')).toThrow('as a number');
    expect(() => parseUnits('0x10')).toThrow('as a number');
    expect(() => parseUnits('0.0000000000000000001')).toThrow('At most 18 decimals');
  });
});

describe('formatUnits', () => {
  it('shows wei as ether without trailing zeros', () => {
    expect(formatUnits('1500000000000000000')).toBe('1.5');
    expect(formatUnits('1000000000000000000')).toBe('1');
    expect(formatUnits('1')).toBe('0.000000000000000001');
    expect(formatUnits('0')).toBe('0');
    expect(formatUnits(1250000n, 6)).toBe('1.25');
    expect(formatUnits('100000000000000000000000')).toBe('100000');
  });

  it('round-trips with parseUnits', () => {
    for (const amount of ['0.01', '1.5', '42', '0.000000000000000001', '123.456']) {
      expect(formatUnits(parseUnits(amount))).toBe(amount);
    }
  });

  it('never throws while rendering', () => {
    expect(formatUnitsSafe('not a number', 18)).toBe('not a number');
    expect(formatUnitsSafe(null, 18)).toBe('—');
    expect(formatUnitsSafe('2000000', null)).toBe('0.000000000002');
  });
});

describe('addresses', () => {
  it('accepts 0x and 40 hex digits, any case', () => {
    expect(isAddress('0x000000000000000000000000000000000000dEaD')).toBe(true);
    expect(isAddress('0xABCDEF0123456789abcdef0123456789ABCDEF01')).toBe(true);
    expect(addressProblem('0x000000000000000000000000000000000000dead')).toBeNull();
  });

  it('says what is wrong', () => {
    expect(addressProblem('')).toBe('The address is required.');
    expect(addressProblem('000000000000000000000000000000000000dead', 'The recipient')).toBe(
      'The recipient must start with 0x.',
    );
    expect(addressProblem('0x1234')).toContain('40 hexadecimal digits (it has 4)');
    expect(addressProblem('0x000000000000000000000000000000000000deag')).toContain('only the digits');
    expect(isAddress('0x000000000000000000000000000000000000dead00')).toBe(false);
  });
});
