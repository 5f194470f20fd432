/** Fixtures and helpers the Vitest files share (not a test file itself). */
import { afterEach, beforeEach } from 'vitest';
import { createApi, type Api } from '../api/client';
import { EMPTY_PERSONAL_DATA, personalDataJson } from '../documents/documents';
import { createPartyKey, memoryVault, savePartyKey, setKeyVaultForTests, type StoredPartyKey } from '../documents/keyStore';
import type { KycSteps } from '../kyc/steps';

/** RSA-3072 key generation and PBKDF2 at 600,000 iterations take seconds on a busy machine. */
export const SLOW_CRYPTO_MS = 30_000;

/** The API client of the console against a fake service. */
export function testApi(fetch: (request: Request) => Promise<Response>, token = 'token'): Api {
  return createApi(
    { accessToken: async () => token, projectId: () => null },
    { baseUrl: 'http://attest.test', fetch: fetch as unknown as typeof globalThis.fetch },
  );
}

/** A request a fake service received: its method, path, query string and JSON body (undefined when empty). */
export interface Call {
  method: string;
  path: string;
  query: string;
  body: unknown;
}

/** The `vi.hoisted` object a test file's mocked `useApi` answers from, with the calls its fake service recorded. */
export interface ApiHolder {
  api: Api | null;
  calls: Call[];
}

/**
 * Puts in `holder.api` a client of a fake service that records each request in `holder.calls`, then answers it with
 * `answer`, given its URL, the recorded call and the request (its body already read).
 */
export function recordingApi(holder: ApiHolder, answer: (url: URL, call: Call, request: Request) => Response | Promise<Response>): void {
  holder.api = testApi(async (request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const call = { method: request.method, path: url.pathname, query: url.searchParams.toString(), body: text ? JSON.parse(text) : undefined };
    holder.calls.push(call);
    return answer(url, call, request);
  });
}

/** A user's personal-data form, as the JSON the browser encrypts. */
export const PERSONAL_DATA = personalDataJson({
  ...EMPTY_PERSONAL_DATA,
  first_name: 'Ada',
  last_name: 'Lovelace',
  birthdate: '1815-12-10',
  street_1: '12 St James’s Square',
  city: 'London',
  postal_code: 'SW1Y 4JH',
  country_code: 'GB',
});

/**
 * Before each test, a key vault in memory holding the party key of `subject` (made once per file); after it,
 * no vault. Returns the stored key.
 */
export function storedPartyKey(subject: string, passphrase: string): () => StoredPartyKey {
  let key: StoredPartyKey | undefined;
  beforeEach(async () => {
    key ??= (await createPartyKey(passphrase)).key;
    const vault = memoryVault();
    await savePartyKey(vault, subject, key);
    setKeyVaultForTests(vault);
  }, SLOW_CRYPTO_MS);
  afterEach(() => setKeyVaultForTests(null));
  return () => {
    if (!key) throw new Error('the party key is made before each test');
    return key;
  };
}

/** An on-chain identity holding a KYC claim: its issuer, identity, claim and wallet. */
export const ISSUER = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const IDENTITY = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
export const CLAIM_ID = `0x${'ab'.repeat(32)}`;
export const SIGNATURE = `0x${'1c'.repeat(65)}`;
export const DATA = '0x6b79633a617070726f766564';
export const WALLET = '0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1';

/** identity-service's answer to `/identities/verify` for {@link WALLET}. */
export function verification(valid: boolean) {
  return {
    wallet: WALLET,
    topic: 1,
    identity_address: IDENTITY,
    wallet_link: 'factory',
    issuer_address: ISSUER,
    claim_id: CLAIM_ID,
    claim_signature: SIGNATURE,
    claim_data: DATA,
    valid,
  };
}

/** A KYC case in review whose government ID passed and whose database check has not started. */
export function stepsInReview(history: KycSteps['history']): KycSteps {
  return {
    case_id: 'case-1',
    case_status: 'review',
    complete: false,
    required: [
      { kind: 'government-id', status: 'passed', done: true },
      { kind: 'database', status: 'not-started', done: false },
    ],
    remaining: ['database'],
    history,
  };
}
