import { describe, expect, it } from 'vitest';
import { SubmissionKeys, checkTransfer, isFinalTransfer, newIdempotencyKey, tokenDecimals, transferStatusWords } from './transfer';

const recipient = '0x000000000000000000000000000000000000dEaD';
const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

describe('checkTransfer', () => {
  it('builds a native transfer in wei', () => {
    expect(checkTransfer({ kind: 'native', to: ` ${recipient} `, amount: '0.001', contract: 'ignored' })).toEqual({
      ok: true,
      request: { kind: 'native', to: recipient, amount: '1000000000000000' },
    });
  });

  it('builds an ERC-20 transfer with the token contract and its decimals', () => {
    expect(checkTransfer({ kind: 'erc20', to: recipient, amount: '2.5', contract: token }, 6)).toEqual({
      ok: true,
      request: { kind: 'erc20', to: recipient, amount: '2500000', contract: token },
    });
  });

  it('asks for sponsored gas only when the person chose it', () => {
    expect(checkTransfer({ kind: 'native', to: recipient, amount: '1', contract: '', sponsored: true })).toEqual({
      ok: true,
      request: { kind: 'native', to: recipient, amount: '1000000000000000000', sponsored: true },
    });
    const unsponsored = checkTransfer({ kind: 'native', to: recipient, amount: '1', contract: '', sponsored: false });
    expect(unsponsored.ok && unsponsored.request).not.toHaveProperty('sponsored');
  });

  it('names every wrong field before anything is sent', () => {
    const checked = checkTransfer({ kind: 'erc20', to: '0x12', amount: '0', contract: '' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.to).toContain('40 hexadecimal digits');
    expect(checked.errors.amount).toBe('The amount must be more than 0.');
    expect(checked.errors.contract).toBe('The token contract is required.');
  });

  it('refuses more than 18 decimals for ether', () => {
    const checked = checkTransfer({ kind: 'native', to: recipient, amount: '0.1234567890123456789', contract: '' });
    expect(checked).toEqual({ ok: false, errors: { amount: 'At most 18 decimals.' } });
  });
});

describe('tokenDecimals', () => {
  it('takes a held token’s decimals, else 18', () => {
    const assets = [
      { kind: 'native', symbol: 'ETH', decimals: 18, balance: '1' },
      { kind: 'erc20', symbol: 'USDT', decimals: 6, balance: '5', contract: token },
    ];
    expect(tokenDecimals(assets, token.toLowerCase())).toBe(6);
    expect(tokenDecimals(assets, recipient)).toBe(18);
    expect(tokenDecimals(undefined, token)).toBe(18);
  });
});

describe('idempotency keys', () => {
  it('makes RFC 4122 v4 UUIDs, also without randomUUID', () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(v4);
    const fallback = newIdempotencyKey({ getRandomValues: (array) => crypto.getRandomValues(array) });
    expect(fallback).toMatch(v4);
  });

  it('keeps one key per submission: a retry of the same request reuses it, another request gets a new one', () => {
    let n = 0;
    const keys = new SubmissionKeys(() => `key-${++n}`);
    const request = { kind: 'native', to: recipient, amount: '1000' };
    expect(keys.keyFor(request)).toBe('key-1');
    expect(keys.keyFor({ ...request, to: recipient.toLowerCase() })).toBe('key-1');
    expect(keys.keyFor({ ...request, amount: '2000' })).toBe('key-2');
    keys.done();
    expect(keys.keyFor({ ...request, amount: '2000' })).toBe('key-3');
    // The same transfer with sponsored gas is another request.
    expect(keys.keyFor({ ...request, amount: '2000', sponsored: true })).toBe('key-4');
  });
});

describe('transfer statuses', () => {
  it('knows which are final and says each in words', () => {
    expect(isFinalTransfer('confirmed')).toBe(true);
    expect(isFinalTransfer('failed')).toBe(true);
    expect(isFinalTransfer('rejected')).toBe(true);
    expect(isFinalTransfer('broadcasted')).toBe(false);
    expect(isFinalTransfer(undefined)).toBe(false);
    expect(transferStatusWords('awaiting_approval')).toContain('approval');
    expect(transferStatusWords('something-new')).toBe('something-new');
  });
});
