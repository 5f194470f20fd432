import { describe, expect, it } from 'vitest';
import { keyErrors, keyState, newKeyRequest, newProjectRequest, projectChanges, projectErrors, projectFormFrom } from './projectForms';

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
      rate_limit: { capacity: 50, refill_per_second: 2.5 },
    });
  });
});
