import { describe, expect, it } from 'vitest';
import { sumsubErrors, sumsubFormFrom, sumsubRequest } from './sumsubForms';

const STORED = {
  app_token: '****abcd',
  secret_key: '****',
  level_name: 'basic-kyc-level',
  kyb_level_name: null,
  webhook_secrets: ['****wxyz'],
  digest_alg: 'HMAC_SHA512_HEX',
  required_steps: ['government-id', 'document', 'bank-account'],
  source: 'organization',
};

describe('the Sumsub settings form', () => {
  it('starts from what is stored, never from a secret', () => {
    expect(sumsubFormFrom(STORED)).toEqual({
      app_token: '',
      secret_key: '',
      level_name: 'basic-kyc-level',
      kyb_level_name: '',
      digest_alg: 'HMAC_SHA512_HEX',
      webhook_secret: '',
      previous_webhook_secret: '',
      required_steps: ['government-id', 'document'],
      other_steps: 'bank-account',
    });
    expect(sumsubFormFrom(null).digest_alg).toBe('HMAC_SHA256_HEX');
  });

  it('needs the app token and the secret key the first time only', () => {
    const empty = sumsubFormFrom(null);
    expect(sumsubErrors(empty, { app_token: false, secret_key: false })).toEqual({
      app_token: 'Enter the Sumsub app token.',
      secret_key: 'Enter the secret key that goes with the app token.',
      level_name: 'Enter the verification level new applicants get (e.g. basic-kyc-level).',
    });
    expect(sumsubErrors(sumsubFormFrom(STORED), { app_token: true, secret_key: true })).toEqual({});
  });

  it('checks secrets, level names, webhook secrets and step kinds as the service does', () => {
    const form = sumsubFormFrom(STORED);
    const stored = { app_token: true, secret_key: true };
    expect(sumsubErrors({ ...form, app_token: 'short' }, stored).app_token).toBe('An app token has 8 to 512 characters.');
    expect(sumsubErrors({ ...form, secret_key: 'has a space in it' }, stored).secret_key).toMatch(/without spaces/);
    expect(sumsubErrors({ ...form, app_token: 'token-without-prefix' }, stored).app_token).toBe('An app token starts with sbx: (sandbox) or prd: (production).');
    expect(sumsubErrors({ ...form, kyb_level_name: 'x'.repeat(101) }, stored).kyb_level_name).toBe('At most 100 characters.');
    expect(sumsubErrors({ ...form, level_name: '-kyc' }, stored).level_name).toMatch(/letters, digits, spaces/);
    expect(sumsubErrors({ ...form, level_name: 'Basic KYC_level.v2' }, stored).level_name).toBeUndefined();
    expect(sumsubErrors({ ...form, previous_webhook_secret: 'old-secret-1' }, stored).previous_webhook_secret).toBe('Enter the new (current) secret too.');
    expect(sumsubErrors({ ...form, other_steps: 'Proof Of Address' }, stored).other_steps).toMatch(/not a step kind/);
  });

  it('sends what was entered, keeps the stored secrets otherwise, and the required steps whole', () => {
    const form = sumsubFormFrom(STORED);
    expect(sumsubRequest(form)).toEqual({
      level_name: 'basic-kyc-level',
      digest_alg: 'HMAC_SHA512_HEX',
      required_steps: ['government-id', 'document', 'bank-account'],
    });
    expect(
      sumsubRequest({ ...form, app_token: ' sbx:token-1 ', secret_key: 'secret-key-1', kyb_level_name: 'kyb-level', webhook_secret: 'new-secret', previous_webhook_secret: 'old-secret' }),
    ).toMatchObject({
      app_token: 'sbx:token-1',
      secret_key: 'secret-key-1',
      kyb_level_name: 'kyb-level',
      webhook_secrets: ['new-secret', 'old-secret'],
    });
    expect(sumsubRequest({ ...form, required_steps: [], other_steps: '' }).required_steps).toEqual([]);
  });
});
