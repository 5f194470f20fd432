import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import {
  checksumSuspects,
  dfnsErrors,
  dfnsFormFrom,
  dfnsRequest,
  dfnsServerErrors,
  hasPolicyErrors,
  isPrivateKeyPem,
  newTokenLimit,
  personaErrors,
  personaFormFrom,
  personaRequest,
  requiredStepsOf,
  policyErrors,
  policyFormFrom,
  policyServerErrors,
  rejectionProblem,
  spendingPolicyErrors,
  spendingPolicyFormFrom,
  spendingPolicyRequest,
  type DfnsForm,
  type SpendingPolicyForm,
  type TokenLimitForm,
} from './forms';
import type { DfnsSettings, SpendingPolicy } from './types';

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
    expect(personaRequest(form)).toEqual({ inquiry_template_id: 'itmpl_local', environment: 'sandbox', required_steps: [] });
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
      required_steps: [],
    });
    expect(personaErrors({ ...form, webhook_secret: '' }, true).previous_webhook_secret).toBe('Enter the new (current) secret too.');
    expect(personaErrors({ ...form, api_key: 'short' }, true).api_key).toBe('An API key has 8 to 512 characters.');
  });

  it('holds the required steps: known kinds ticked, others typed, sent whole in that order', () => {
    const form = personaFormFrom({ inquiry_template_id: 'itmpl_x', environment: 'sandbox', required_steps: ['database', 'bank-account', 'government-id'] });
    expect(form.required_steps).toEqual(['database', 'government-id']);
    expect(form.other_steps).toBe('bank-account');
    expect(requiredStepsOf(form)).toEqual(['government-id', 'database', 'bank-account']);
    expect(personaErrors(form, true)).toEqual({});
    expect(personaRequest({ ...form, required_steps: [], other_steps: ' ' }).required_steps).toEqual([]);
  });

  it('checks the required steps as the service does', () => {
    const form = personaFormFrom({ inquiry_template_id: 'itmpl_x', environment: 'sandbox' });
    expect(personaErrors({ ...form, other_steps: 'Selfie' }, true).other_steps).toMatch(/not a step kind/);
    expect(personaErrors({ ...form, other_steps: 'a, a' }, true).other_steps).toMatch(/listed twice/);
    expect(personaErrors({ ...form, required_steps: ['selfie'], other_steps: 'selfie' }, true).other_steps).toMatch(/ticked step/);
    const many = Array.from({ length: 12 }, (_, i) => `step-${i}`).join(', ');
    expect(personaErrors({ ...form, required_steps: ['selfie', 'database', 'document', 'phone-number', 'email-address'], other_steps: many }, true).required_steps).toBe(
      'At most 16 steps: remove 1.',
    );
  });
});

describe('transfer rejection reason', () => {
  it('is required and at most 500 characters', () => {
    expect(rejectionProblem('  ')).toMatch(/Say why/);
    expect(rejectionProblem('x'.repeat(501))).toBe('At most 500 characters.');
    expect(rejectionProblem('Above what we allow for new accounts.')).toBeNull();
  });
});

describe('Dfns settings bounds', () => {
  it('holds every field to wallet-service’s bounds, and ids and secrets to printable ASCII without spaces', () => {
    const long = dfnsErrors(
      filled({
        api_base_url: `https://api.dfns.io/${'a'.repeat(2048)}`,
        token: 't'.repeat(4097),
        credential_id: 'c'.repeat(257),
        app_id: 'a'.repeat(257),
        webhook_secret: 'w'.repeat(513),
        private_key: `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(8192)}\n-----END PRIVATE KEY-----`,
      }),
      stored,
    );
    expect(long).toEqual({
      api_base_url: 'At most 2,048 characters.',
      token: 'At most 4,096 characters.',
      credential_id: 'At most 256 characters.',
      app_id: 'At most 256 characters.',
      webhook_secret: 'At most 512 characters.',
      private_key: 'At most 8,192 characters.',
    });
    const spaced = dfnsErrors(filled({ token: 'eyJ abc', credential_id: 'cr\u00a01', app_id: 'ap–1', previous_webhook_secret: 'old secret' }), stored);
    expect(Object.keys(spaced).sort()).toEqual(['app_id', 'credential_id', 'previous_webhook_secret', 'token']);
    expect(spaced.token).toMatch(/without spaces/);
    expect(dfnsErrors(filled({ api_base_url: 'https://dfns.bücher.example' }), stored).api_base_url).toMatch(/^Only ASCII characters/);
    // The limits themselves pass.
    expect(dfnsErrors(filled({ token: 't'.repeat(4096), credential_id: 'c'.repeat(256) }), stored)).toEqual({});
  });

  it('shows a refused API base URL and an unreadable key at their fields, in the service’s words', () => {
    const refused = new ApiError(400, {
      type: 'https://attest.dev/problems/api-base-url-refused',
      detail: "api_base_url: The URL's host 10.0.0.1 resolves to a private address; requests are not sent there.",
    });
    expect(dfnsServerErrors(refused)).toEqual({
      api_base_url: "The URL's host 10.0.0.1 resolves to a private address; requests are not sent there.",
    });
    const badKey = new ApiError(400, { type: 'https://attest.dev/problems/invalid-private-key', detail: 'private_key: not a PKCS#8 key' });
    expect(dfnsServerErrors(badKey)).toEqual({ private_key: 'not a PKCS#8 key' });
    const invalid = new ApiError(400, {
      type: 'https://attest.dev/problems/validation-failed',
      errors: [{ field: 'put.request.token', message: 'must be printable ASCII without spaces' }],
    });
    expect(dfnsServerErrors(invalid)).toEqual({ token: 'must be printable ASCII without spaces' });
    expect(dfnsServerErrors(new ApiError(503, null))).toEqual({});
    expect(dfnsServerErrors(null)).toEqual({});
  });
});

const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const DAI = '0x6B175474E89094C44Da98b954EedeAC495271d0F';

function policy(overrides: Partial<SpendingPolicyForm> = {}): SpendingPolicyForm {
  return { per_transfer_limit: '', daily_limit: '', approval_threshold: '', daily_count_limit: '', token_limits: [], ...overrides };
}

function token(overrides: Partial<TokenLimitForm> = {}): TokenLimitForm {
  return { ...newTokenLimit(), contract: USDC, decimals: '6', ...overrides };
}

describe('the whole spending policy', () => {
  const stored: SpendingPolicy = {
    per_transfer_limit: '1000',
    daily_limit: null as unknown as string,
    approval_threshold: '500',
    daily_count_limit: 20,
    token_limits: [
      { contract: USDC, decimals: 6, per_transfer_limit: '1000000000', daily_limit: null as unknown as string, approval_threshold: '250000000' },
    ],
    updated_at: '2026-12-06T10:00:00Z',
  };

  it('starts from everything stored, and sends all of it back unchanged: nothing is lost on save', () => {
    const form = spendingPolicyFormFrom(stored);
    expect(form).toMatchObject({
      per_transfer_limit: '1000',
      daily_limit: '',
      approval_threshold: '500',
      daily_count_limit: '20',
      token_limits: [{ contract: USDC, decimals: '6', per_transfer_limit: '1000000000', daily_limit: '', approval_threshold: '250000000' }],
    });
    expect(spendingPolicyErrors(form)).toEqual({ fields: {}, tokens: {} });
    expect(spendingPolicyRequest(form)).toEqual({
      per_transfer_limit: '1000',
      approval_threshold: '500',
      daily_count_limit: 20,
      token_limits: [{ contract: USDC, decimals: 6, per_transfer_limit: '1000000000', approval_threshold: '250000000' }],
    });
  });

  it('sends an empty token list when none is left, so that removing the last one removes it', () => {
    expect(spendingPolicyRequest(policy())).toEqual({ token_limits: [] });
    expect(spendingPolicyFormFrom({ ...stored, daily_count_limit: null as unknown as number, token_limits: [] })).toMatchObject({
      daily_count_limit: '',
      token_limits: [],
    });
  });

  it('gives each row its own key, a new one with 18 decimals', () => {
    const a = newTokenLimit();
    const b = newTokenLimit();
    expect(a.row).not.toBe(b.row);
    expect(a).toMatchObject({ contract: '', decimals: '18', per_transfer_limit: '', daily_limit: '', approval_threshold: '' });
  });

  it('takes a daily count from 1 to 100,000', () => {
    for (const bad of ['0', '100001', '1.5', '-1', 'ten', '99999999999']) {
      expect(spendingPolicyErrors(policy({ daily_count_limit: bad })).fields.daily_count_limit, bad).toBe(
        'A whole number from 1 to 100,000, or empty for none.',
      );
    }
    expect(spendingPolicyErrors(policy({ daily_count_limit: '100000' })).fields).toEqual({});
    expect(spendingPolicyRequest(policy({ daily_count_limit: ' 7 ' })).daily_count_limit).toBe(7);
  });

  it('holds amounts to 2^256 − 1, native and tokens alike', () => {
    const max = ((1n << 256n) - 1n).toString();
    const over = (1n << 256n).toString();
    expect(policyErrors({ per_transfer_limit: max, daily_limit: '', approval_threshold: '' })).toEqual({});
    expect(policyErrors({ per_transfer_limit: over, daily_limit: '', approval_threshold: '' }).per_transfer_limit).toMatch(/^At most 2\^256 − 1/);
    const row = token({ daily_limit: over });
    expect(spendingPolicyErrors(policy({ token_limits: [row] })).tokens[row.row]).toEqual({ daily_limit: expect.stringMatching(/^At most 2\^256/) });
  });

  it('checks each token row: address, decimals, amounts in its smallest unit, one row per token', () => {
    const rows = [
      token({ contract: '' }),
      token({ contract: '0x123', decimals: '256' }),
      token({ contract: USDC, decimals: '6', per_transfer_limit: '1.5', approval_threshold: '0' }),
      token({ contract: USDC.toUpperCase().replace('0X', '0x'), decimals: '' }),
      token({ contract: DAI, decimals: '18', per_transfer_limit: '2000', daily_limit: '1000' }),
    ];
    const { fields, tokens } = spendingPolicyErrors(policy({ token_limits: rows }));
    expect(fields).toEqual({});
    expect(tokens[rows[0]!.row]).toEqual({ contract: 'Enter the token’s contract address, or remove the row.' });
    expect(tokens[rows[1]!.row]).toEqual({
      contract: 'A contract address: 0x and 40 hexadecimal digits.',
      decimals: expect.stringMatching(/^The token’s decimals, a whole number from 0 to 255/),
    });
    expect(tokens[rows[2]!.row]).toEqual({
      per_transfer_limit: 'A whole number above 0, in the token’s smallest unit, or empty for none.',
      approval_threshold: expect.stringMatching(/^A whole number above 0/),
    });
    expect(tokens[rows[3]!.row]).toEqual({
      contract: 'This token is already listed: one row per token.',
      decimals: expect.stringMatching(/^The token’s decimals/),
    });
    expect(tokens[rows[4]!.row]).toEqual({ daily_limit: 'The daily limit is below the per-transfer limit: no single transfer could reach it.' });
    expect(hasPolicyErrors({ fields, tokens })).toBe(true);
    expect(hasPolicyErrors(spendingPolicyErrors(policy({ token_limits: [token({ decimals: '0' })] })))).toBe(false);
  });

  it('allows at most 100 tokens', () => {
    const many = Array.from({ length: 101 }, (_, i) => token({ contract: `0x${i.toString(16).padStart(40, '0')}` }));
    expect(spendingPolicyErrors(policy({ token_limits: many })).fields.token_limits).toBe('At most 100 tokens: remove 1.');
    expect(spendingPolicyErrors(policy({ token_limits: many.slice(1) })).fields.token_limits).toBeUndefined();
  });

  it('maps the service’s field errors to the native fields and the count only (a token’s does not say its row)', () => {
    const invalid = new ApiError(400, {
      type: 'https://attest.dev/problems/validation-failed',
      errors: [
        { field: 'daily_count_limit', message: 'must be less than or equal to 100000' },
        { field: 'token_limits.per_transfer_limit', message: 'must be a positive integer string' },
        { field: 'approval_threshold', message: 'must be a positive integer string' },
      ],
    });
    expect(policyServerErrors(invalid)).toEqual({
      daily_count_limit: 'must be less than or equal to 100000',
      approval_threshold: 'must be a positive integer string',
    });
    expect(policyServerErrors(new Error('x'))).toEqual({});
  });

  it('flags the mixed-case addresses when the service says a checksum is wrong', () => {
    const lower = token({ contract: USDC });
    const mixed = token({ contract: DAI });
    const form = policy({ token_limits: [lower, mixed] });
    const invalid = new ApiError(400, { type: 'https://attest.dev/problems/invalid-address', detail: `token_limits: ${DAI} is not a valid contract address.` });
    expect(checksumSuspects(form, invalid)).toEqual({ [mixed.row]: { contract: expect.stringMatching(/EIP-55 checksum/) } });
    expect(checksumSuspects(form, new ApiError(400, { type: 'https://attest.dev/problems/duplicate-token' }))).toEqual({});
  });
});
