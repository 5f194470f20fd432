import { describe, expect, it } from 'vitest';
import { explorerUrl, formatTokenAmount, formatWei, shortHex, shortId, statusWords, toUnits } from './format';

describe('formatting', () => {
  it('writes wei as exact decimals of the whole unit', () => {
    expect(toUnits('1500000000000000000')).toBe('1.5');
    expect(toUnits('1')).toBe('0.000000000000000001');
    expect(toUnits('0')).toBe('0');
    expect(toUnits('123456789012345678901234567890')).toBe('123456789012.34567890123456789');
    expect(toUnits('12', 0)).toBe('12');
    expect(toUnits('1.5')).toBeNull();
    expect(formatWei('250000000000000000')).toBe('250000000000000000 wei (0.25 ETH)');
    expect(formatWei(null)).toBe('—');
  });

  it('writes token amounts with the decimals the admin stated', () => {
    expect(formatTokenAmount('1500000', 6)).toBe('1500000 (1.5 tokens)');
    expect(formatTokenAmount('1000000', 6)).toBe('1000000 (1 token)');
    expect(formatTokenAmount('7', 0)).toBe('7 (7 tokens)');
    expect(formatTokenAmount('1', 36)).toBe('1 (0.000000000000000000000000000000000001 tokens)');
    expect(formatTokenAmount('12', null)).toBe('12 (smallest unit)');
    expect(formatTokenAmount(null, 6)).toBe('—');
  });

  it('shortens ids and hashes, and fills explorer templates', () => {
    expect(shortId('0123456789abcdef')).toBe('01234567…');
    expect(shortId('short')).toBe('short');
    expect(shortHex('0x52908400098527886e0f7030069857d2e4169ee7')).toBe('0x5290…9ee7');
    expect(explorerUrl('https://scan.example/tx/{hash}', 'hash', '0xab')).toBe('https://scan.example/tx/0xab');
    expect(explorerUrl(null, 'hash', '0xab')).toBeNull();
    expect(statusWords('awaiting_approval')).toBe('awaiting approval');
  });
});
