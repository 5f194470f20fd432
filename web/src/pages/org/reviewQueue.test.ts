import { describe, expect, it } from 'vitest';
import { decisionReason, parsePage, parseStatus } from './reviewQueue';

describe('review queue address', () => {
  it('shows cases in review unless the address says otherwise', () => {
    expect(parseStatus(null)).toBe('review');
    expect(parseStatus('verified')).toBe('verified');
    expect(parseStatus('all')).toBe('');
    expect(parseStatus('anything')).toBe('review');
    expect(parsePage('3')).toBe(3);
    expect(parsePage('-1')).toBe(0);
    expect(parsePage('x')).toBe(0);
  });
});

describe('decision reason', () => {
  it('is a listed code, or another code of the allowed shape', () => {
    expect(decisionReason('documents_verified', '')).toEqual({ code: 'documents_verified' });
    expect(decisionReason('other', ' address_unverified ')).toEqual({ code: 'address_unverified' });
    expect(decisionReason('', '')).toEqual({ error: 'Choose a reason.' });
    expect(decisionReason('other', '')).toEqual({ error: 'Enter a reason code.' });
    expect(decisionReason('other', 'Looks fake to me')).toMatchObject({ error: expect.stringMatching(/^A reason code has/) });
  });
});
