import { describe, expect, it } from 'vitest';
import {
  dfnsErrors,
  dfnsFormFrom,
  dfnsRequest,
  isPrivateKeyPem,
  personaErrors,
  personaFormFrom,
  personaRequest,
  policyErrors,
  policyFormFrom,
  rejectionProblem,
  type DfnsForm,
} from './forms';
import type { DfnsSettings } from './types';

const PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJosc+zEDOfvO24f8ROXmoPzK7dveef6P8F1l69iqXJP\n-----END PRIVATE KEY-----';

const stored: DfnsSettings = {
  api_base_url: 'https://api.dfns.io',
  token: '********',
  credential_id: 'cr-1',
  private_key: '********',
  app_id: null as unknown as string,
  default_network: 'EthereumSepolia',
  webhook_secret: '********',
  per_transfer_limit: '1000',
  daily_limit: '5000',
  approval_threshold: null as unknown as string,
};

function filled(overrides: Partial<DfnsForm> = {}): DfnsForm {
  return { ...dfnsFormFrom(stored), token: 'tok', private_key: PEM, webhook_secret: 'whsec-12345', ...overrides };
}

describe('Dfns settings form', () => {
  it('starts from the stored non-secret values, never a secret', () => {
    expect(dfnsFormFrom(stored)).toEqual({
      api_base_url: 'https://api.dfns.io',
      token: '',
      app_id: '',
      credential_id: 'cr-1',
      private_key: '',
      default_network: 'EthereumSepolia',
      webhook_secret: '',
      previous_webhook_secret: '',
    });
  });

  it('asks for the secrets again, since saving replaces them all', () => {
    const errors = dfnsErrors(dfnsFormFrom(stored), stored);
    expect(errors.token).toBe('Enter the token again: Attest never shows a stored token.');
    expect(errors.private_key).toBe('Paste the private key again: Attest never shows a stored key.');
    expect(errors.webhook_secret).toMatch(/^Enter the webhook secret again/);
    expect(errors.api_base_url).toBeUndefined();
  });

  it('checks the URL, the PEM and the network name', () => {
    const errors = dfnsErrors(filled({ api_base_url: 'dfns.io', private_key: 'abc', default_network: 'Ethereum Sepolia' }), stored);
    expect(errors.api_base_url).toMatch(/http\(s\) URL/);
    expect(errors.private_key).toMatch(/whole PEM/);
    expect(errors.default_network).toMatch(/letters and digits/);
    expect(dfnsErrors(filled(), stored)).toEqual({});
  });

  it('recognizes PEM private keys of every kind Dfns takes', () => {
    expect(isPrivateKeyPem(PEM)).toBe(true);
    expect(isPrivateKeyPem('-----BEGIN EC PRIVATE KEY-----\nabc\n-----END EC PRIVATE KEY-----')).toBe(true);
    expect(isPrivateKeyPem('-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----')).toBe(false);
  });

  it('sends the whole settings with the stored spending policy, leaving out what is empty', () => {
    expect(dfnsRequest(filled({ app_id: '  ' }), policyFormFrom(stored))).toEqual({
      api_base_url: 'https://api.dfns.io',
      token: 'tok',
      credential_id: 'cr-1',
      private_key: PEM,
      app_id: undefined,
      default_network: 'EthereumSepolia',
      webhook_secret: 'whsec-12345',
      previous_webhook_secret: undefined,
      per_transfer_limit: '1000',
      daily_limit: '5000',
      approval_threshold: undefined,
    });
  });
});

describe('spending policy form', () => {
  it('takes whole numbers in wei, or nothing', () => {
    expect(policyErrors({ per_transfer_limit: '', daily_limit: '', approval_threshold: '' })).toEqual({});
    expect(policyErrors({ per_transfer_limit: '1.5', daily_limit: '0', approval_threshold: '-3' })).toEqual({
      per_transfer_limit: expect.stringMatching(/^A whole number above 0/),
      daily_limit: expect.stringMatching(/^A whole number above 0/),
      approval_threshold: expect.stringMatching(/^A whole number above 0/),
    });
  });

  it('says a daily limit below the per-transfer limit makes no sense, in exact integers', () => {
    expect(
      policyErrors({ per_transfer_limit: '2000000000000000000000', daily_limit: '1000000000000000000000', approval_threshold: '' }).daily_limit,
    ).toMatch(/below the per-transfer limit/);
  });
});

describe('Persona settings form', () => {
  it('keeps stored secrets when their fields are left empty', () => {
    const form = { ...personaFormFrom({ inquiry_template_id: 'itmpl_local', environment: 'sandbox' }) };
    expect(personaErrors(form, true)).toEqual({});
    expect(personaRequest(form)).toEqual({ inquiry_template_id: 'itmpl_local', environment: 'sandbox' });
  });

  it('needs a key when none is stored, and a template id of Persona’s shape', () => {
    const errors = personaErrors({ ...personaFormFrom(null), inquiry_template_id: 'local' }, false);
    expect(errors.api_key).toBe('Enter the Persona API key.');
    expect(errors.inquiry_template_id).toMatch(/itmpl_/);
  });

  it('rotates: the new secret first, the previous one second', () => {
    const form = {
      ...personaFormFrom({ inquiry_template_id: 'itmpl_x', environment: 'production' }),
      api_key: 'persona_key_1',
      webhook_secret: 'wbhsec_new1',
      previous_webhook_secret: 'wbhsec_old1',
    };
    expect(personaRequest(form)).toEqual({
      api_key: 'persona_key_1',
      inquiry_template_id: 'itmpl_x',
      environment: 'production',
      webhook_secrets: ['wbhsec_new1', 'wbhsec_old1'],
    });
    expect(personaErrors({ ...form, webhook_secret: '' }, true).previous_webhook_secret).toBe('Enter the new (current) secret too.');
    expect(personaErrors({ ...form, api_key: 'short' }, true).api_key).toBe('An API key has 8 to 512 characters.');
  });
});

describe('transfer rejection reason', () => {
  it('is required and at most 500 characters', () => {
    expect(rejectionProblem('  ')).toMatch(/Say why/);
    expect(rejectionProblem('x'.repeat(501))).toBe('At most 500 characters.');
    expect(rejectionProblem('Above what we allow for new accounts.')).toBeNull();
  });
});
