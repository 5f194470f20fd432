import { describe, expect, it } from 'vitest';
import type { SponsorshipPolicy } from '../../api/additions';
import { ApiError, PROBLEM_TYPE_BASE } from '../../api/problem';
import { formatUnits } from '../user/amounts';
import { MAX_AMOUNT } from './forms';
import {
  sponsorshipRequestBody,
  MAX_LISTED_ADDRESSES,
  budgetUsedPercent,
  checkSponsorship,
  dailySpentSeries,
  parseAddressList,
  sponsorshipFormFrom,
  sponsorshipServerErrors,
  weiFromEth,
  type SponsorshipForm,
} from './sponsorshipForms';

const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const DAI = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
const ALICE = '0x1111111111111111111111111111111111111111';

const NEVER_SET: SponsorshipPolicy = {
  project_id: 'p1',
  enabled: false,
  paymaster: { kind: 'platform', url: null, api_key_set: false },
  monthly_budget: null,
  user_daily_cap: null,
  native_allowed: true,
  allowed_tokens: null,
  allowed_recipients: null,
  usage: { month: '2026-12', spent: '0', reserved: '0', remaining: null, operations: 0, by_day: [], by_user: [] },
  updated_at: null,
  updated_by: null,
};

function form(patch: Partial<SponsorshipForm> = {}): SponsorshipForm {
  return { ...sponsorshipFormFrom(NEVER_SET), ...patch };
}

describe('weiFromEth (the budget and the cap, typed in ETH)', () => {
  it('converts exactly, down to one wei, and empty is none', () => {
    expect(weiFromEth('1')).toBe('1000000000000000000');
    expect(weiFromEth(' 0.01 ')).toBe('10000000000000000');
    expect(weiFromEth('0.000000000000000001')).toBe('1');
    expect(weiFromEth('')).toBeNull();
    expect(weiFromEth('  ')).toBeNull();
  });

  it('takes up to 2^256 − 1 wei, not one more', () => {
    const max = formatUnits(MAX_AMOUNT);
    expect(weiFromEth(max)).toBe(MAX_AMOUNT.toString());
    expect(() => weiFromEth(formatUnits(MAX_AMOUNT + 1n))).toThrow('2^256 − 1 wei');
  });

  it('refuses zero, negatives, words and a 19th decimal', () => {
    expect(() => weiFromEth('0')).toThrow('more than 0');
    expect(() => weiFromEth('-1')).toThrow('as a number');
    expect(() => weiFromEth('one')).toThrow('as a number');
    expect(() => weiFromEth('0.0000000000000000001')).toThrow('At most 18 decimals');
  });

  it('shows stored wei back in ETH', () => {
    const f = sponsorshipFormFrom({ ...NEVER_SET, monthly_budget: '1500000000000000000', user_daily_cap: '1' });
    expect([f.monthly_budget, f.user_daily_cap]).toEqual(['1.5', '0.000000000000000001']);
  });
});

describe('parseAddressList', () => {
  it('reads addresses one per line, or separated by commas and spaces, once each', () => {
    expect(parseAddressList(`${USDC}\n\n ${DAI}, ${USDC.toUpperCase().replace('0X', '0x')}\n`)).toEqual({ addresses: [USDC, DAI] });
    expect(parseAddressList('  \n')).toEqual({ addresses: [] });
  });

  it('names the entry that is not an address', () => {
    expect(parseAddressList(`${USDC}\n0x1234`)).toEqual({
      problem: 'Address 2 (0x1234) must be 0x followed by 40 hexadecimal digits (it has 4).',
    });
    expect(parseAddressList('vitalik.eth')).toEqual({ problem: 'Address 1 (vitalik.eth) must start with 0x.' });
    expect(parseAddressList(`0x${'g'.repeat(40)}`)).toEqual({
      problem: 'Address 1 (0xgggggggggggggg…) may contain only the digits 0–9 and the letters a–f after 0x.',
    });
  });

  it(`takes at most ${MAX_LISTED_ADDRESSES}`, () => {
    const many = Array.from({ length: MAX_LISTED_ADDRESSES + 1 }, (_, i) => `0x${i.toString(16).padStart(40, '0')}`);
    expect(parseAddressList(many.slice(0, MAX_LISTED_ADDRESSES).join('\n'))).toHaveProperty('addresses');
    expect(parseAddressList(many.join('\n'))).toEqual({ problem: 'At most 100 addresses (there are 101).' });
  });
});

describe('checkSponsorship (the PUT body)', () => {
  it('sends every limit and list: wei strings, null for none and for any', () => {
    expect(checkSponsorship(form({ enabled: true, monthly_budget: '2', user_daily_cap: '0.01' }))).toEqual({
      ok: true,
      request: {
        enabled: true,
        paymaster_kind: 'platform',
        monthly_budget: '2000000000000000000',
        user_daily_cap: '10000000000000000',
        native_allowed: true,
        allowed_tokens: null,
        allowed_recipients: null,
      },
    });
  });

  it('sends listed tokens and recipients; an empty token list is none', () => {
    const checked = checkSponsorship(
      form({ native_allowed: false, tokens_listed: true, allowed_tokens: '', recipients_listed: true, allowed_recipients: `${ALICE}\n${DAI}` }),
    );
    expect(checked).toMatchObject({ ok: true, request: { native_allowed: false, allowed_tokens: [], allowed_recipients: [ALICE, DAI] } });
  });

  it('sends an external paymaster’s URL, and its key only when a new one is typed or it is removed', () => {
    const external = form({ paymaster_kind: 'external', paymaster_url: ' https://pm.example.com/rpc ' });
    expect(checkSponsorship(external)).toEqual({
      ok: true,
      request: expect.not.objectContaining({ paymaster_api_key: expect.anything() }),
    });
    expect(checkSponsorship(external)).toMatchObject({ request: { paymaster_kind: 'external', paymaster_url: 'https://pm.example.com/rpc', monthly_budget: null } });
    expect(checkSponsorship({ ...external, paymaster_api_key: ' k-1 ' })).toMatchObject({ request: { paymaster_api_key: 'k-1' } });
    expect(checkSponsorship({ ...external, clear_api_key: true })).toMatchObject({ request: { paymaster_api_key: '' } });
    // Back to the platform's paymaster: neither the URL nor the key is sent.
    const platform = checkSponsorship({ ...external, paymaster_kind: 'platform', paymaster_api_key: 'k-2' });
    expect(platform.ok && Object.keys(platform.request)).not.toContain('paymaster_url');
    expect(platform.ok && Object.keys(platform.request)).not.toContain('paymaster_api_key');
  });

  it('says what is wrong, by field, and sends nothing', () => {
    expect(
      checkSponsorship(
        form({
          enabled: true,
          user_daily_cap: '0',
          paymaster_kind: 'external',
          paymaster_url: 'http://pm.example.com',
          tokens_listed: true,
          allowed_tokens: 'USDC',
        }),
      ),
    ).toEqual({
      ok: false,
      errors: {
        user_daily_cap: 'The amount must be more than 0.',
        paymaster_url: 'Enter your paymaster’s https URL, e.g. https://paymaster.example.com/rpc.',
        allowed_tokens: 'Address 1 (USDC) must start with 0x.',
      },
    });
    expect(checkSponsorship(form({ enabled: true }))).toEqual({
      ok: false,
      errors: { monthly_budget: 'Enter a monthly budget: the platform’s paymaster sponsors only within one.' },
    });
    // Off, no budget is needed.
    expect(checkSponsorship(form({ enabled: false })).ok).toBe(true);
  });

  it('puts the service’s field errors at their fields', () => {
    const problem = new ApiError(400, {
      type: `${PROBLEM_TYPE_BASE}validation-failed`,
      errors: [
        { field: 'put.body.monthly_budget', message: 'required when enabled' },
        { field: 'allowed_tokens[2]', message: 'not an EIP-55 address' },
      ],
    });
    expect(sponsorshipServerErrors(problem)).toEqual({ monthly_budget: 'required when enabled', allowed_tokens: 'not an EIP-55 address' });
    expect(sponsorshipServerErrors(new Error('offline'))).toEqual({});
  });
});

describe('the month’s usage', () => {
  it('has one bar per day of the month, in ETH, 0 on days without usage', () => {
    const series = dailySpentSeries({
      month: '2026-02',
      by_day: [
        { day: '2026-02-02', spent: '500000000000000', operations: 2 },
        { day: '2026-02-28', spent: '1250000000000000000', operations: 9 },
      ],
    });
    expect(series.days).toHaveLength(28);
    expect(series.days[0]).toBe('2026-02-01');
    expect(series.values.slice(0, 3)).toEqual([0, 0.0005, 0]);
    expect(series.values[27]).toBe(1.25);
    expect(series.values.filter((v) => v > 0)).toHaveLength(2);
  });

  it('uses the days it has when the month is not one', () => {
    expect(dailySpentSeries({ month: '', by_day: [{ day: '2026-12-01', spent: '1000000000000000000', operations: 1 }] })).toEqual({
      days: ['2026-12-01'],
      values: [1],
    });
  });

  it('says how much of the budget is spent or reserved', () => {
    expect(budgetUsedPercent('1000', { spent: '250', reserved: '100' })).toBe(35);
    expect(budgetUsedPercent('1000', { spent: '999', reserved: '999' })).toBe(100);
    expect(budgetUsedPercent(null, { spent: '1', reserved: '0' })).toBeNull();
    expect(budgetUsedPercent('1000', { spent: 'x', reserved: '0' })).toBeNull();
  });
});

describe('sponsorshipRequestBody', () => {
  it('leaves out the null parts (none, as absent means) and keeps the rest as they are', () => {
    expect(
      sponsorshipRequestBody({
        enabled: true,
        monthly_budget: '1000',
        user_daily_cap: null,
        allowed_tokens: [],
        allowed_recipients: null,
        paymaster_api_key: '',
      }),
    ).toEqual({ enabled: true, monthly_budget: '1000', allowed_tokens: [], paymaster_api_key: '' });
  });
});
