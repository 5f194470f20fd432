import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { keyErrors, keyState, newKeyRequest, newProjectRequest, projectChanges, projectErrors, projectFormFrom, projectServerErrors } from './projectForms';

const today = new Date('2026-12-06T12:00:00Z');

describe('API key form', () => {
  it('needs a name and a scope, and a future expiry if any', () => {
    expect(keyErrors({ name: ' ', scopes: [], expires_on: '2026-12-05' }, today)).toEqual({
      name: 'Enter a name, e.g. the app or server that uses the key.',
      scopes: 'Choose at least one scope.',
      expires_on: 'The expiry must be in the future.',
    });
    expect(keyErrors({ name: 'ci', scopes: ['kyc:read'], expires_on: '2026-12-06' }, today)).toEqual({});
  });

  it('expires at the end of the chosen UTC day, or never', () => {
    expect(newKeyRequest({ name: ' ci ', scopes: ['kyc:read', 'wallets:read'], expires_on: '2027-01-31' })).toEqual({
      name: 'ci',
      scopes: ['kyc:read', 'wallets:read'],
      expires_at: '2027-01-31T23:59:59Z',
    });
    expect(newKeyRequest({ name: 'ci', scopes: ['kyc:read'], expires_on: '' })).toEqual({ name: 'ci', scopes: ['kyc:read'] });
  });

  it('tells revoked, expired and active keys apart', () => {
    expect(keyState({ revoked_at: '2026-12-01T00:00:00Z' }, today)).toBe('revoked');
    expect(keyState({ expires_at: '2026-12-01T00:00:00Z' }, today)).toBe('expired');
    expect(keyState({ expires_at: '2027-12-01T00:00:00Z', revoked_at: null }, today)).toBe('active');
  });
});

describe('project form', () => {
  it('starts a new project on Persona and ethereum-sepolia, an existing one from its values', () => {
    expect(projectFormFrom()).toMatchObject({ environment: 'sandbox', kyc_provider: 'persona', wallet_network: 'ethereum-sepolia', capacity: '' });
    expect(projectFormFrom({ name: 'App', environment: 'production', wallet_network: 'base', rate_limit: { capacity: 100, refill_per_second: 10 } })).toEqual({
      name: 'App',
      environment: 'production',
      kyc_provider: '',
      kyc_fallback_provider: '',
      wallet_network: 'base',
      capacity: '100',
      refill_per_second: '10',
    });
  });

  it('checks the name, the network and the rate limit (both or neither)', () => {
    const errors = projectErrors({ ...projectFormFrom(), name: '', wallet_network: 'Ethereum Sepolia', capacity: '10', refill_per_second: '' });
    expect(errors).toEqual({
      name: 'Enter a name.',
      wallet_network: 'A network name in lower case, such as ethereum-sepolia.',
      refill_per_second: 'A number from 0.001 to 100000.',
    });
  });

  it('sends only what is set', () => {
    expect(newProjectRequest({ ...projectFormFrom(), name: ' Shop ', kyc_provider: '' })).toEqual({
      name: 'Shop',
      environment: 'sandbox',
      wallet_network: 'ethereum-sepolia',
    });
    expect(projectChanges({ ...projectFormFrom(), name: 'Shop', capacity: '50', refill_per_second: '2.5' })).toEqual({
      name: 'Shop',
      wallet_network: 'ethereum-sepolia',
      kyc_provider: 'persona',
      kyc_fallback_provider: 'none',
      rate_limit: { capacity: 50, refill_per_second: 2.5 },
    });
  });
});

describe('the project’s KYC providers', () => {
  it('reads the preferred and the fallback provider', () => {
    expect(projectFormFrom({ name: 'App', kyc_provider: 'sumsub', kyc_fallback_provider: 'persona' })).toMatchObject({
      kyc_provider: 'sumsub',
      kyc_fallback_provider: 'persona',
    });
    expect(projectFormFrom({ name: 'App', kyc_provider: 'persona', kyc_fallback_provider: null })).toMatchObject({ kyc_fallback_provider: '' });
  });

  it('refuses a fallback that is the preferred provider (the platform’s default being Persona)', () => {
    const form = { ...projectFormFrom(), name: 'Shop' };
    expect(projectErrors({ ...form, kyc_provider: 'sumsub', kyc_fallback_provider: 'sumsub' })).toEqual({
      kyc_fallback_provider: 'The fallback must be another provider than the preferred one.',
    });
    expect(projectErrors({ ...form, kyc_provider: '', kyc_fallback_provider: 'persona' }).kyc_fallback_provider).toBeDefined();
    expect(projectErrors({ ...form, kyc_provider: 'persona', kyc_fallback_provider: 'sumsub' })).toEqual({});
  });

  it('sends the fallback: a new project only when set, a change always (none removes it)', () => {
    const form = { ...projectFormFrom(), name: 'Shop', kyc_provider: 'sumsub' as const, kyc_fallback_provider: 'persona' as const };
    expect(newProjectRequest(form)).toMatchObject({ kyc_provider: 'sumsub', kyc_fallback_provider: 'persona' });
    expect(newProjectRequest({ ...form, kyc_fallback_provider: '' })).not.toHaveProperty('kyc_fallback_provider');
    expect(projectChanges(form)).toMatchObject({ kyc_provider: 'sumsub', kyc_fallback_provider: 'persona' });
    expect(projectChanges({ ...form, kyc_fallback_provider: '' }).kyc_fallback_provider).toBe('none');
  });

  it('puts the gateway’s refusal of the same provider twice at the fallback', () => {
    const refused = ApiError.from(
      new Response(null, { status: 400 }),
      { type: 'https://attest.dev/problems/kyc-fallback-same-provider', title: 'Bad Request', status: 400, detail: 'The fallback KYC provider must differ from the preferred one (sumsub).' },
    );
    expect(projectServerErrors(refused)).toEqual({ kyc_fallback_provider: 'The fallback KYC provider must differ from the preferred one (sumsub).' });
  });
});
