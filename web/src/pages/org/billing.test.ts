import { describe, expect, it } from 'vitest';
import {
  currentMonth,
  formatCount,
  formatMinor,
  isMonth,
  metricLabel,
  monthChoices,
  monthLabel,
  parseMonthParam,
  statementFrom,
  withStatementPolicy,
} from './billing';

describe('money in minor units', () => {
  it('is written exactly, with two decimals and the currency, as the printable statement writes it', () => {
    expect(formatMinor(49_900, 'EUR')).toBe('499.00 EUR');
    expect(formatMinor(53_534, 'EUR')).toBe('535.34 EUR');
    expect(formatMinor(284, 'EUR')).toBe('2.84 EUR');
    expect(formatMinor(25, 'EUR')).toBe('0.25 EUR');
    expect(formatMinor(5, 'USD')).toBe('0.05 USD');
    expect(formatMinor(0, 'USD')).toBe('0.00 USD');
    expect(formatMinor(-1_050, 'GBP')).toBe('-10.50 GBP');
  });

  it('groups thousands, even past what a float holds exactly in cents', () => {
    expect(formatMinor(123_456_789, 'USD')).toBe('1,234,567.89 USD');
    expect(formatMinor(1_000_000_000_000, 'EUR')).toBe('10,000,000,000.00 EUR');
    expect(formatMinor(100_000, null)).toBe('1,000.00');
  });

  it('counts units with grouped thousands', () => {
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatCount(undefined)).toBe('0');
  });
});

describe('statement months', () => {
  it('are yyyy-mm from 2000-01 to 9999-12, as the gateway takes them', () => {
    expect(isMonth('2026-03')).toBe(true);
    expect(isMonth('2000-01')).toBe(true);
    expect(isMonth('9999-12')).toBe(true);
    expect(isMonth('1999-12')).toBe(false);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-00')).toBe(false);
    expect(isMonth('2026-3')).toBe(false);
    expect(isMonth('march')).toBe(false);
  });

  it('default to the current UTC month, and the previous ones follow it, newest first', () => {
    // 31 Dec 23:30 in New York is already January in UTC
    const now = new Date('2027-01-01T04:30:00Z');
    expect(currentMonth(now)).toBe('2027-01');
    expect(monthChoices(now, 4)).toEqual(['2027-01', '2026-12', '2026-11', '2026-10']);
    expect(monthChoices(new Date('2026-03-15T00:00:00Z'))).toHaveLength(24);
    expect(monthChoices(new Date('2026-03-15T00:00:00Z')).at(-1)).toBe('2024-04');
  });

  it('stop at the first month the gateway has', () => {
    expect(monthChoices(new Date('2000-02-10T00:00:00Z'), 12)).toEqual(['2000-02', '2000-01']);
  });

  it('come from the address, or are the current month without one', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(parseMonthParam(new URLSearchParams('month=2026-03'), now)).toBe('2026-03');
    expect(parseMonthParam(new URLSearchParams(''), now)).toBe('2026-12');
    expect(parseMonthParam(new URLSearchParams('month=%20'), now)).toBe('2026-12');
    // nonsense goes to the gateway, whose problem says what it takes
    expect(parseMonthParam(new URLSearchParams('month=2026-13'), now)).toBe('2026-13');
  });

  it('are named in words', () => {
    expect(monthLabel('2026-03')).toBe('March 2026');
    expect(monthLabel('2026-13')).toBe('2026-13');
  });
});

describe('a statement answer', () => {
  const STATEMENT = {
    org_id: 'o-1',
    org_slug: 'acme',
    org_name: 'Acme Bank',
    month: '2026-03',
    from: '2026-03-01',
    to: '2026-03-31',
    complete: true,
    plan: 'Growth',
    currency: 'EUR',
    monthly_price_minor: 49_900,
    lines: [{ metric: 'requests', used: 12_345, included: 1_000, billable: 11_345, unit_price_per_thousand_minor: 25, amount_minor: 284 }],
    total_minor: 50_184,
  };

  it('is read when it has the amounts', () => {
    expect(statementFrom(STATEMENT)).toBe(STATEMENT);
  });

  it('is refused when an amount is missing', () => {
    expect(() => statementFrom({ ...STATEMENT, total_minor: '50184' })).toThrow('The gateway did not answer a statement.');
    expect(() => statementFrom({ ...STATEMENT, lines: [{ metric: 'requests', used: 1 }] })).toThrow('The gateway did not answer a statement.');
    expect(() => statementFrom('<html>')).toThrow('The gateway did not answer a statement.');
  });
});

describe('metric names', () => {
  it('are the usage page’s, or the metric’s own words', () => {
    expect(metricLabel('kyc_cases_opened')).toBe('KYC cases opened');
    expect(metricLabel('requests')).toBe('API requests');
    expect(metricLabel('sms_sent')).toBe('Sms sent');
  });
});

describe('the printable statement', () => {
  it('carries the gateway’s policy as its head’s first element, since a page from an object URL gets no header', () => {
    expect(withStatementPolicy('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Statement</title></head><body></body></html>')).toBe(
      '<!DOCTYPE html>\n<html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'"><meta charset="utf-8"><title>Statement</title></head><body></body></html>',
    );
    expect(withStatementPolicy('<header>x</header>')).toBe(
      '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'"><header>x</header>',
    );
  });
});
