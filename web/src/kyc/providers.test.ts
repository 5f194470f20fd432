import { describe, expect, it } from 'vitest';
import { fallbackLine, fallbackReasonWords, isKycProvider, providerLabel, providerReferenceLabel } from './providers';

describe('KYC providers in words', () => {
  it('names the providers, and an unknown one as it is sent', () => {
    expect(providerLabel('persona')).toBe('Persona');
    expect(providerLabel('sumsub')).toBe('Sumsub');
    expect(providerLabel('onfido')).toBe('onfido');
    expect(providerLabel(null)).toBe('the provider');
    expect(isKycProvider('sumsub')).toBe(true);
    expect(isKycProvider('')).toBe(false);
  });

  it('says why a case fell back', () => {
    expect(fallbackReasonWords('circuit-open')).toBe('it was failing (circuit open)');
    expect(fallbackReasonWords('credentials-refused')).toBe('it refused the organization’s credentials');
    expect(fallbackReasonWords('rate-limited')).toBe('it was limiting requests');
    expect(fallbackReasonWords('not-configured')).toBe('it is not set up for the organization');
    expect(fallbackReasonWords('unreachable')).toBe('the connection to it was refused');
    expect(fallbackReasonWords('dns_failure')).toBe('it was unavailable (dns failure)');
    expect(fallbackReasonWords(null)).toBe('it was unavailable');
  });

  it('has a line only for a case that fell back', () => {
    expect(fallbackLine({ provider: 'sumsub', fallback_from: 'persona', fallback_reason: 'circuit-open' })).toBe(
      'Opened at Sumsub because Persona was unavailable: it was failing (circuit open).',
    );
    expect(fallbackLine({ provider: 'persona', fallback_from: null })).toBeNull();
    expect(fallbackLine({ provider: 'persona' })).toBeNull();
  });

  it('names the provider’s reference', () => {
    expect(providerReferenceLabel('persona')).toBe('Persona inquiry');
    expect(providerReferenceLabel(undefined)).toBe('Persona inquiry');
    expect(providerReferenceLabel('sumsub')).toBe('Sumsub applicant');
  });
});
