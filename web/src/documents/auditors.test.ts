import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../api/client';
import { ApiError } from '../api/problem';
import {
  auditorError,
  expiryBounds,
  expiryError,
  expiryInstant,
  isExpired,
  kycClaimConditions,
  kycClaimErrors,
  kycClaimFor,
  NoKycClaimError,
  NoAuditorKeyError,
  sharedAsDocument,
  shareWithAuditor,
} from './auditors';
import { CLAIM_ID, DATA, IDENTITY, ISSUER, SIGNATURE, SLOW_CRYPTO_MS, verification, WALLET } from '../test/fixtures';
import { associatedData, generatePartyKey, openDocument, publicJwk, sealDocument, unwrapDataKey, wrapDataKey } from './documentCrypto';

const DAY = 24 * 60 * 60 * 1000;


function apiWith(fetch: (request: Request) => Promise<Response>) {
  return createApi(
    { accessToken: async () => 't', projectId: () => null },
    { baseUrl: 'http://attest.test', fetch: fetch as unknown as typeof globalThis.fetch },
  );
}

function problem(status: number, slug: string, detail: string) {
  return Response.json(
    { type: `https://attest.dev/problems/${slug}`, status, title: slug, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

describe('an auditor grant’s expiry', () => {
  const now = new Date(2026, 11, 7, 10, 30); // 7 Dec 2026, 10:30 local

  it('is picked between today and 90 days ahead, 30 days by default', () => {
    expect(expiryBounds(now)).toEqual({ min: '2026-12-07', max: '2027-03-07', initial: '2027-01-06' });
    expect(expiryError('2026-12-07', now)).toBeNull();
    expect(expiryError('2027-03-07', now)).toBeNull();
    expect(expiryError('2026-12-06', now)).toBe('A date from today on.');
    expect(expiryError('2027-03-08', now)).toBe('At most 90 days ahead (2027-03-07).');
    expect(expiryError('', now)).toBe('Choose a date.');
    expect(expiryError('2027-02-30', now)).toBe('Choose a date.');
  });

  it('ends at the end of the chosen day, and never later than 90 days from now', () => {
    const inAWeek = new Date(expiryInstant('2026-12-14', now));
    expect(inAWeek.getTime()).toBe(new Date(2026, 11, 14, 23, 59, 59).getTime());
    expect(expiryInstant('2026-12-14', now)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const last = new Date(expiryInstant('2027-03-07', now)).getTime();
    expect(last).toBeLessThanOrEqual(now.getTime() + 90 * DAY);
    expect(last).toBeGreaterThan(now.getTime() + 90 * DAY - 10 * 60 * 1000);
  });

  it('is expired once passed', () => {
    expect(isExpired('2026-12-07T09:00:00Z', new Date('2026-12-07T09:00:01Z'))).toBe(true);
    expect(isExpired('2026-12-07T09:00:00Z', new Date('2026-12-07T08:59:59Z'))).toBe(false);
    expect(isExpired(null)).toBe(false);
  });
});

describe('the auditor and the KYC-claim condition', () => {
  it('needs an auditor other than oneself', () => {
    expect(auditorError('  ', 'admin-1')).toBe('Required: the auditor’s user id.');
    expect(auditorError('admin-1', 'admin-1')).toBe('That is you: you can already open this document.');
    expect(auditorError('x'.repeat(256), 'admin-1')).toBe('At most 255 characters.');
    expect(auditorError(' auditor-1 ', 'admin-1')).toBeNull();
  });

  it('is the two evmContract conditions docs/documents.md documents, joined by and', () => {
    const conditions = kycClaimConditions({ issuer: ISSUER, identity: IDENTITY, claimId: CLAIM_ID, signature: SIGNATURE, data: DATA });
    expect(conditions).toHaveLength(3);
    expect(conditions[1]).toEqual({ operator: 'and' });
    expect(conditions[0]).toMatchObject({
      conditionType: 'evmContract',
      contractAddress: ISSUER,
      functionName: 'isClaimValid',
      functionParams: [IDENTITY, '1', SIGNATURE, DATA],
      chain: 'attest',
      returnValueTest: { key: '', comparator: '=', value: 'true' },
      functionAbi: {
        name: 'isClaimValid',
        stateMutability: 'view',
        inputs: [
          { name: '_identity', type: 'address' },
          { name: 'claimTopic', type: 'uint256' },
          { name: 'sig', type: 'bytes' },
          { name: 'data', type: 'bytes' },
        ],
        outputs: [{ name: 'claimValid', type: 'bool' }],
      },
    });
    expect(conditions[2]).toMatchObject({
      conditionType: 'evmContract',
      contractAddress: IDENTITY,
      functionName: 'getClaim',
      functionParams: [CLAIM_ID],
      chain: 'attest',
      returnValueTest: { key: 'issuer', comparator: '=', value: ISSUER },
      functionAbi: { name: 'getClaim', inputs: [{ type: 'bytes32' }], stateMutability: 'view' },
    });
    const outputs = (conditions[2]!.functionAbi as { outputs: { name: string; type: string }[] }).outputs;
    expect(outputs.map((o) => `${o.name}:${o.type}`)).toEqual([
      'topic:uint256',
      'scheme:uint256',
      'issuer:address',
      'signature:bytes',
      'data:bytes',
      'uri:string',
    ]);
  });

  it('checks the wallet before anything is sent', () => {
    expect(kycClaimErrors({ wallet: WALLET })).toEqual({});
    expect(kycClaimErrors({ wallet: '0x1234' })).toEqual({ wallet: 'An address: 0x and 40 hexadecimal digits.' });
  });

  it('reads the wallet’s identity and the claim it holds from identity-service, and names them in the conditions', async () => {
    const asked: string[] = [];
    const api = apiWith(async (request) => {
      asked.push(new URL(request.url).pathname + new URL(request.url).search);
      return Response.json(verification(true));
    });
    const conditions = await kycClaimFor(api, { wallet: ` ${WALLET} ` });
    expect(asked).toEqual([`/identities/verify?wallet=${WALLET}&topic=1`]);
    expect(conditions[0]).toMatchObject({ contractAddress: ISSUER, functionParams: [IDENTITY, '1', SIGNATURE, DATA] });
    expect(conditions[2]).toMatchObject({ contractAddress: IDENTITY, functionParams: [CLAIM_ID] });
  });

  it('refuses a wallet whose identity holds no valid claim today: the condition could never hold', async () => {
    for (const answer of [verification(false), { ...verification(false), identity_address: null, claim_signature: null, claim_data: null }]) {
      const api = apiWith(async () => Response.json(answer));
      await expect(kycClaimFor(api, { wallet: WALLET })).rejects.toBeInstanceOf(NoKycClaimError);
    }
  });
});

describe('sharing with an auditor', { timeout: SLOW_CRYPTO_MS }, () => {
  const plaintext = new TextEncoder().encode('%PDF-1.7 proof of address');

  async function setting() {
    const reviewer = await generatePartyKey();
    const auditor = await generatePartyKey();
    const sealed = await sealDocument(plaintext, associatedData('case-1', 'proof-of-address'));
    const wrapped = await wrapDataKey(sealed.dataKey, await publicJwk(reviewer.publicKey));
    return { reviewer, auditor, sealed, wrapped };
  }

  it('wraps the data key for the auditor’s registered key only, with the expiry and the on-chain conditions', async () => {
    const { reviewer, auditor, sealed, wrapped } = await setting();
    const grants: Record<string, unknown>[] = [];
    const api = apiWith(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/documents/keys/auditor-1') {
        return Response.json({ subject: 'auditor-1', key_id: 'a'.repeat(43), public_key: await publicJwk(auditor.publicKey), reviewer: false });
      }
      if (path === '/documents/doc-1/key') return Response.json({ document_id: 'doc-1', party: 'reviewer', wrapped_key: wrapped });
      if (path === '/documents/doc-1/grants' && request.method === 'POST') {
        grants.push((await request.json()) as Record<string, unknown>);
        return Response.json({ id: 'g-1' }, { status: 201 });
      }
      return new Response(null, { status: 404 });
    });
    const conditions = kycClaimConditions({ issuer: ISSUER, identity: IDENTITY, claimId: CLAIM_ID, signature: SIGNATURE, data: DATA });

    await shareWithAuditor(api, { id: 'doc-1' }, reviewer.privateKey, {
      subject: ' auditor-1 ',
      expiresAt: '2027-01-06T22:59:59Z',
      onChainConditions: conditions,
    });

    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      party: 'auditor',
      subject: 'auditor-1',
      key_id: 'a'.repeat(43),
      expires_at: '2027-01-06T22:59:59Z',
      on_chain_conditions: conditions,
    });
    const key = await unwrapDataKey(grants[0]!.wrapped_key as string, auditor.privateKey);
    const opened = await openDocument(sealed.ciphertext, key, associatedData('case-1', 'proof-of-address'));
    expect(new TextDecoder().decode(opened)).toBe('%PDF-1.7 proof of address');
    await expect(unwrapDataKey(grants[0]!.wrapped_key as string, reviewer.privateKey)).rejects.toThrow();
  });

  it('sends no on-chain conditions when none were asked for', async () => {
    const { reviewer, auditor, wrapped } = await setting();
    const grants: Record<string, unknown>[] = [];
    const api = apiWith(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/documents/keys/auditor-1') return Response.json({ subject: 'auditor-1', key_id: 'k', public_key: await publicJwk(auditor.publicKey) });
      if (path === '/documents/doc-1/key') return Response.json({ wrapped_key: wrapped });
      grants.push((await request.json()) as Record<string, unknown>);
      return Response.json({ id: 'g-1' }, { status: 201 });
    });
    await shareWithAuditor(api, { id: 'doc-1' }, reviewer.privateKey, { subject: 'auditor-1', expiresAt: '2027-01-06T22:59:59Z' });
    expect(grants).toHaveLength(1);
    expect(grants[0]).not.toHaveProperty('on_chain_conditions');
  });

  it('says the auditor must make a key first when none is registered, and asks for nothing else', async () => {
    const { reviewer } = await setting();
    const fetch = vi.fn(async () => problem(404, 'not-found', 'The member’s key was not found.'));
    const failure = await shareWithAuditor(apiWith(fetch), { id: 'doc-1' }, reviewer.privateKey, {
      subject: 'auditor-1',
      expiresAt: '2027-01-06T22:59:59Z',
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NoAuditorKeyError);
    expect((failure as Error).message).toContain('must first sign in to the console');
    expect(fetch).toHaveBeenCalledTimes(1); // no key of the document released for nothing
  });

  it('looks the auditor’s key up again once on a stale-key answer, and wraps for the new one', async () => {
    const { reviewer, auditor, wrapped } = await setting();
    const renewed = await generatePartyKey();
    let lookups = 0;
    const grants: Record<string, unknown>[] = [];
    const api = apiWith(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/documents/keys/auditor-1') {
        lookups++;
        const key = lookups === 1 ? auditor : renewed;
        return Response.json({ subject: 'auditor-1', key_id: `key-${lookups}`, public_key: await publicJwk(key.publicKey) });
      }
      if (path === '/documents/doc-1/key') return Response.json({ wrapped_key: wrapped });
      const body = (await request.json()) as Record<string, unknown>;
      grants.push(body);
      return body.key_id === 'key-1'
        ? problem(400, 'stale-key', 'The auditor has no registered key key-1.')
        : Response.json({ id: 'g-1' }, { status: 201 });
    });
    await shareWithAuditor(api, { id: 'doc-1' }, reviewer.privateKey, { subject: 'auditor-1', expiresAt: '2027-01-06T22:59:59Z' });
    expect(lookups).toBe(2);
    expect(grants.map((g) => g.key_id)).toEqual(['key-1', 'key-2']);
    await expect(unwrapDataKey(grants[1]!.wrapped_key as string, renewed.privateKey)).resolves.toBeTruthy();
  });

  it('passes a refusal on as the service words it (an expiry out of range)', async () => {
    const { reviewer, auditor, wrapped } = await setting();
    const api = apiWith(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/documents/keys/auditor-1') return Response.json({ subject: 'auditor-1', key_id: 'k', public_key: await publicJwk(auditor.publicKey) });
      if (path === '/documents/doc-1/key') return Response.json({ wrapped_key: wrapped });
      return problem(400, 'invalid-expiry', 'An auditor grant expires in the future and within 90 days.');
    });
    const failure = await shareWithAuditor(api, { id: 'doc-1' }, reviewer.privateKey, {
      subject: 'auditor-1',
      expiresAt: '2030-01-01T00:00:00Z',
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ slug: 'invalid-expiry', message: 'An auditor grant expires in the future and within 90 days.' });
  });

  it('maps a shared document to what fetchAndOpen takes', () => {
    expect(
      sharedAsDocument({ document_id: 'doc-1', case_id: 'case-1', requirement: 'proof-of-address', content_type: 'application/pdf', state: 'confirmed' }),
    ).toEqual({ id: 'doc-1', case_id: 'case-1', requirement: 'proof-of-address', content_type: 'application/pdf' });
  });
});
