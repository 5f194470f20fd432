import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import type { Plan } from '../org/billing';
import { minorToInput, parseMinor, planErrors, planFormFrom, planRequest, planServerErrors, type PlanForm } from './plans';

const GROWTH: Plan = {
  org_id: 'o-1',
  name: 'Growth',
  currency: 'EUR',
  monthly_price_minor: 49_900,
  included: { requests: 1_000, kyc_cases_opened: 10, wallets_provisioned: 0, transfers: 0, webhooks_delivered: 0 },
  unit_prices_per_thousand_minor: { requests: 25, kyc_cases_opened: 150_000, wallets_provisioned: 0, transfers: 333, webhooks_delivered: 0 },
  rate_limit: { capacity: 200, refill_per_second: 20 },
  default_plan: false,
};

function form(change: Partial<PlanForm> = {}): PlanForm {
  return { ...planFormFrom(GROWTH), ...change };
}

describe('amounts in the plan editor', () => {
  it('become integer minor units exactly', () => {
    expect(parseMinor('499')).toBe(49_900n);
    expect(parseMinor('499.5')).toBe(49_950n);
    expect(parseMinor(' 0.25 ')).toBe(25n);
    expect(parseMinor('3.33')).toBe(333n);
    // 0.1 + 0.2 in floating point is 0.30000000000000004: the conversion is on the digits
    expect(parseMinor('0.29')).toBe(29n);
    expect(parseMinor('10000000000.00')).toBe(1_000_000_000_000n);
  });

  it('are refused with more than two decimals, a sign, a comma or letters', () => {
    for (const text of ['0.255', '-1', '1,000.00', '1e3', '', '.5', 'EUR 4']) expect(parseMinor(text)).toBeNull();
  });

  it('are shown from minor units with two decimals', () => {
    expect(minorToInput(49_900)).toBe('499.00');
    expect(minorToInput(25)).toBe('0.25');
    expect(minorToInput(0)).toBe('0.00');
    expect(minorToInput(undefined)).toBe('0.00');
  });
});

describe('the plan form', () => {
  it('is filled from the plan', () => {
    expect(planFormFrom(GROWTH)).toEqual({
      name: 'Growth',
      currency: 'EUR',
      monthly_price: '499.00',
      included: { requests: '1000', kyc_cases_opened: '10', wallets_provisioned: '0', transfers: '0', webhooks_delivered: '0' },
      unit_prices: { requests: '0.25', kyc_cases_opened: '1500.00', wallets_provisioned: '0.00', transfers: '3.33', webhooks_delivered: '0.00' },
      rate_limit: true,
      capacity: '200',
      refill_per_second: '20',
    });
  });

  it('leaves the free default plan’s name to give, and has no rate limit without one', () => {
    const free = planFormFrom({ name: 'default', currency: 'USD', monthly_price_minor: 0, default_plan: true });
    expect(free.name).toBe('');
    expect(free.currency).toBe('USD');
    expect(free.rate_limit).toBe(false);
    expect(free.capacity).toBe('');
  });

  it('sends the plan in minor units, exactly as the gateway documents it', () => {
    expect(planErrors(form())).toEqual({});
    expect(planRequest(form())).toEqual({
      name: 'Growth',
      currency: 'EUR',
      monthly_price_minor: 49_900,
      included: { requests: 1_000, kyc_cases_opened: 10, wallets_provisioned: 0, transfers: 0, webhooks_delivered: 0 },
      unit_prices_per_thousand_minor: { requests: 25, kyc_cases_opened: 150_000, wallets_provisioned: 0, transfers: 333, webhooks_delivered: 0 },
      rate_limit: { capacity: 200, refill_per_second: 20 },
    });
  });

  it('leaves out empty metrics and, when unticked, the rate limit (the PUT then removes it)', () => {
    const request = planRequest(
      form({
        name: '  Starter ',
        monthly_price: '0',
        included: { requests: '500', kyc_cases_opened: '' },
        unit_prices: { requests: '0.1', transfers: '' },
        rate_limit: false,
      }),
    );
    expect(request).toEqual({
      name: 'Starter',
      currency: 'EUR',
      monthly_price_minor: 0,
      included: { requests: 500 },
      unit_prices_per_thousand_minor: { requests: 10 },
    });
  });

  it('refuses what the gateway refuses, by field', () => {
    expect(
      planErrors(
        form({
          name: '   ',
          currency: 'eur',
          monthly_price: '',
          included: { ...form().included, requests: '-1', transfers: '1.5' },
          unit_prices: { ...form().unit_prices, requests: '0.255', transfers: '10000000.01' },
          capacity: '0',
          refill_per_second: '0.0001',
        }),
      ),
    ).toEqual({
      name: 'Enter the plan’s name.',
      currency: 'Three capital letters: an ISO 4217 code such as EUR.',
      monthly_price: 'Enter an amount, such as 499.00 (0 for none).',
      'included.requests': 'A whole number of units, 0 or more.',
      'included.transfers': 'A whole number of units, 0 or more.',
      'unit_prices.requests': 'An amount such as 499.00: digits, and at most two decimals after a point.',
      'unit_prices.transfers': 'At most 10,000,000.00.',
      capacity: 'A whole number from 1 to 100,000 (requests of burst).',
      refill_per_second: 'A number from 0.001 to 100,000 (requests a second).',
    });
  });

  it('takes the bounds themselves', () => {
    const bounds = form({
      name: 'x'.repeat(200),
      monthly_price: '10000000000.00',
      unit_prices: { ...form().unit_prices, requests: '10000000.00' },
      capacity: '100000',
      refill_per_second: '0.001',
    });
    expect(planErrors(bounds)).toEqual({});
    expect(
      planErrors(
        form({
          name: 'x'.repeat(201),
          monthly_price: '10000000000.01',
          capacity: '100001',
          refill_per_second: '100000.5',
          included: { ...form().included, requests: '1000000000000000001', transfers: '9007199254740992' },
        }),
      ),
    ).toEqual({
      name: 'At most 200 characters.',
      monthly_price: 'At most 10,000,000,000.00.',
      capacity: 'A whole number from 1 to 100,000 (requests of burst).',
      refill_per_second: 'A number from 0.001 to 100,000 (requests a second).',
      'included.requests': 'At most 1,000,000,000,000,000,000 units.',
      'included.transfers': 'At most 9,007,199,254,740,991 units from the console.',
    });
  });

  it('does not check the rate limit’s fields while it is unticked', () => {
    expect(planErrors(form({ rate_limit: false, capacity: 'many', refill_per_second: '' }))).toEqual({});
  });

  it('shows the gateway’s field errors at the form’s fields', () => {
    const refused = new ApiError(400, {
      title: 'Bad Request',
      errors: [
        { field: 'setPlan.request.currency', message: 'an ISO 4217 code such as EUR' },
        { field: 'monthly_price_minor', message: 'must be greater than or equal to 0' },
        { field: 'included', message: 'size must be between 0 and 20' },
      ],
    });
    expect(planServerErrors(refused)).toEqual({ currency: 'an ISO 4217 code such as EUR', monthly_price: 'must be greater than or equal to 0' });
    expect(planServerErrors(new Error('offline'))).toEqual({});
  });
});
