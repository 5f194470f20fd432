import { describe, expect, it } from 'vitest';
import { ApiError, PROBLEM_TYPE_BASE, problemToWords } from '../../api/problem';
import { explainSponsorshipRefusal, sponsorshipUnavailable, sponsorshipWords } from './sponsorship';

function refusal(status: number, code: string, detail?: string): ApiError {
  return new ApiError(status, { type: `${PROBLEM_TYPE_BASE}${code}`, title: 'Refused', status, detail, code } as never);
}

describe('sponsorship refusals in words', () => {
  it.each([
    [409, 'sponsorship-not-enabled', 'does not pay the gas'],
    [403, 'kyc-not-verified', 'finish your verification'],
    [403, 'claim-not-valid', 'not been issued yet, or it was revoked'],
    [422, 'sponsorship-recipient-not-allowed', 'to this recipient'],
    [422, 'sponsorship-token-not-allowed', 'of this asset'],
    [422, 'sponsorship-daily-cap-exceeded', 'today’s sponsored gas'],
    [422, 'sponsorship-budget-exhausted', 'budget for this month is used up'],
  ])('%i %s', (status, code, words) => {
    const explained = explainSponsorshipRefusal(refusal(status, code, 'service words'));
    expect(problemToWords(explained).message).toContain(words);
  });

  it('quotes the external paymaster’s own message', () => {
    expect(problemToWords(explainSponsorshipRefusal(refusal(422, 'sponsorship-refused', 'sender not allow-listed'))).message).toBe(
      'The paymaster refused to pay the gas of this transfer: sender not allow-listed',
    );
    expect(sponsorshipWords('sponsorship-refused', '  ')).toBe('The paymaster refused to pay the gas of this transfer.');
  });

  it('leaves every other failure as it was', () => {
    const other = refusal(409, 'idempotency-key-reused');
    expect(explainSponsorshipRefusal(other)).toBe(other);
    expect(explainSponsorshipRefusal(null)).toBeNull();
  });
});

describe('whether sponsored gas is available', () => {
  it('says nothing when it is, and why not otherwise', () => {
    expect(sponsorshipUnavailable({ available: true, reason: null })).toBeNull();
    expect(sponsorshipUnavailable({ available: false, reason: 'sponsorship-daily-cap-exceeded' })).toContain('today’s sponsored gas');
    expect(sponsorshipUnavailable({ available: false, reason: null })).toBe('Sponsored gas is not available right now.');
    expect(sponsorshipUnavailable(undefined)).toBe('Sponsored gas is not available right now.');
  });
});
