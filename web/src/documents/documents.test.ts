/// <reference types="node" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../api/client';
import { ApiError, NetworkError } from '../api/problem';
import { associatedData, generatePartyKey, openDocument, publicJwk, sealDocument, unwrapDataKey, wrapDataKey, type PublicJwk } from './documentCrypto';
import {
  DifferentFileError,
  EMPTY_PERSONAL_DATA,
  fetchAndOpen,
  fileProblem,
  OpenFailure,
  personalDataEntries,
  personalDataErrors,
  personalDataJson,
  presentation,
  sendDocument,
  uploadFailure,
} from './documents';
import { memoryVault } from './keyStore';

/** RSA-3072 key generation and PBKDF2 at 600,000 iterations take seconds on a busy machine. */
const SLOW_CRYPTO_MS = 30_000;

const PDF = { accepted_types: ['application/pdf', 'image/png'], max_bytes: 1000 };

describe('a file checked against its requirement before anything is sent', () => {
  it('refuses another type, an empty file and one whose ciphertext would pass the limit', () => {
    expect(fileProblem(PDF, { type: 'application/zip', size: 10 })).toBe(
      'A application/zip file is not accepted here: choose a PDF or PNG image.',
    );
    expect(fileProblem(PDF, { type: 'application/pdf', size: 0 })).toBe('The file is empty.');
    // The limit is on the ciphertext: 12-byte nonce and 16-byte tag added.
    expect(fileProblem(PDF, { type: 'application/pdf', size: 972 })).toBeNull();
    expect(fileProblem(PDF, { type: 'application/pdf', size: 973 })).toContain('at most 972 bytes');
  });
});

describe('the personal-data form', () => {
  const filled = {
    ...EMPTY_PERSONAL_DATA,
    first_name: ' Ada ',
    last_name: 'Lovelace',
    birthdate: '1815-12-10',
    street_1: '12 St James’s Square',
    city: 'London',
    postal_code: 'SW1Y 4JH',
    country_code: 'gb',
  };

  it('checks what is required, the date and the country code', () => {
    expect(personalDataErrors(filled)).toEqual({});
    const errors = personalDataErrors({ ...filled, first_name: '', birthdate: '2999-01-01', country_code: 'GBR', city: 'a\nb' });
    expect(errors).toEqual({
      first_name: 'Required.',
      birthdate: 'A date in the past.',
      country_code: 'Two letters (ISO 3166-1), e.g. FR.',
      city: 'No line breaks or control characters.',
    });
  });

  it('gives the same bytes for the same answers, in the shape of personal_info, and reads back as labelled pairs', () => {
    const json = personalDataJson(filled);
    expect(personalDataJson({ ...filled, first_name: 'Ada' })).toEqual(json);
    const parsed = JSON.parse(new TextDecoder().decode(json));
    expect(parsed).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      birthdate: '1815-12-10',
      address: { street_1: '12 St James’s Square', city: 'London', postal_code: 'SW1Y 4JH', country_code: 'GB' },
    });
    expect(personalDataEntries(parsed)).toContainEqual(['Date of birth', '1815-12-10']);
    expect(personalDataEntries(parsed)).toContainEqual(['Country', 'GB']);
    expect(presentation({ contentType: 'application/json', bytes: json.buffer })).toMatchObject({ kind: 'data' });
  });
});

/**
 * document-service as the console sees it through the gateway: recipients, the declaration (with one stale-key answer
 * when asked), tus HEAD/PATCH that can be cut midway or fail, and the released key and ciphertext.
 */
async function documentService(options: { staleOnce?: boolean; cutAfter?: number; failAfterCut?: boolean }) {
  const user = await generatePartyKey();
  const reviewer = await generatePartyKey();
  const recipients = [
    { subject: 'user-1', key_id: 'u'.repeat(43), public_key: await publicJwk(user.publicKey), reviewer: false },
    { subject: 'admin-1', key_id: 'r'.repeat(43), public_key: await publicJwk(reviewer.publicKey), reviewer: true },
  ];
  const state = {
    declarations: [] as { grants: { subject: string; wrapped_key: string }[]; size: number; content_type: string }[],
    recipientCalls: 0,
    patches: 0,
    received: [] as number[],
    cut: false,
    healed: !options.failAfterCut,
    stale: options.staleOnce ?? false,
  };
  const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(JSON.stringify(body));
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if (url === '/documents/cases/case-1/recipients') {
      state.recipientCalls++;
      return json(res, 200, { recipients });
    }
    if (url === '/documents/cases/case-1/documents' && req.method === 'POST') {
      let text = '';
      for await (const chunk of req) text += chunk;
      if (state.stale) {
        state.stale = false;
        return json(res, 400, { type: 'https://attest.dev/problems/stale-key', status: 400, title: 'Stale key' }, 'application/problem+json');
      }
      const body = JSON.parse(text);
      state.declarations.push(body);
      return json(res, 201, { id: 'doc-1', case_id: 'case-1', state: 'uploading', upload_url: '/documents/uploads/doc-1', size: body.size });
    }
    if (url === '/documents/uploads/doc-1') {
      if (!state.healed && state.cut) {
        res.writeHead(503);
        return res.end();
      }
      if (req.method === 'HEAD') {
        res.writeHead(200, {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': String(state.received.length),
          'Upload-Length': String(state.declarations.at(-1)?.size ?? 0),
        });
        return res.end();
      }
      state.patches++;
      if (Number(req.headers['upload-offset']) !== state.received.length) {
        return json(res, 409, { type: 'https://attest.dev/problems/upload-offset-mismatch', status: 409 }, 'application/problem+json');
      }
      req.on('data', (chunk: Buffer) => {
        if (options.cutAfter !== undefined && !state.cut && state.received.length + chunk.length > options.cutAfter) {
          for (const b of chunk.subarray(0, options.cutAfter - state.received.length)) state.received.push(b);
          state.cut = true;
          req.socket.destroy();
          return;
        }
        for (const b of chunk) state.received.push(b);
      });
      req.on('end', () => {
        if (res.destroyed) return;
        res.writeHead(204, { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(state.received.length) });
        res.end();
      });
      return;
    }
    if (url === '/documents/doc-1/key') {
      const grant = state.declarations.at(-1)?.grants.find((g) => g.subject === 'admin-1');
      return json(res, 200, { document_id: 'doc-1', party: 'reviewer', key_id: 'r'.repeat(43), wrapped_key: grant?.wrapped_key });
    }
    if (url === '/documents/doc-1/ciphertext') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      return res.end(Buffer.from(state.received));
    }
    res.writeHead(404);
    res.end();
  });
  running = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = createApi({ accessToken: async () => 'token-1', projectId: () => null }, { baseUrl: origin });
  return { api, origin, state, user, reviewer };
}

let running: Server | undefined;
afterEach(() => running?.close());

const plaintext = new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(200_000)}\nCANARY-42`);
const base = { caseId: 'case-1', requirement: 'proof-of-address', contentType: 'application/pdf', token: async () => 'token-1' };
const node = { body: (b: Uint8Array) => Buffer.from(b), retryDelays: [0, 10, 10] };

describe('sending a document', { timeout: SLOW_CRYPTO_MS }, () => {
  it('wraps for every recipient, retries a stale key once, resumes a cut upload, and the reviewer opens it', async () => {
    const service = await documentService({ staleOnce: true, cutAfter: 100_000 });
    const vault = memoryVault();
    const progress: number[] = [];
    const stages: string[] = [];

    const id = await sendDocument({
      ...base,
      ...node,
      api: service.api,
      origin: service.origin,
      vault,
      plaintext,
      onProgress: (sent) => progress.push(sent),
      onStage: (s) => stages.push(s),
    });

    expect(id).toBe('doc-1');
    expect(stages).toEqual(['sealing', 'declaring', 'uploading']);
    expect(service.state.recipientCalls).toBe(2); // asked again after stale-key
    expect(service.state.cut).toBe(true);
    const declared = service.state.declarations[0]!;
    expect(declared.grants.map((g) => g.subject)).toEqual(['user-1', 'admin-1']);
    expect(declared.size).toBe(plaintext.length + 28);
    expect(service.state.received).toHaveLength(declared.size);
    expect(progress.at(-1)).toBe(declared.size);
    expect(new TextDecoder('latin1').decode(Uint8Array.from(service.state.received))).not.toContain('CANARY-42');
    expect(await vault.get('uploads', 'doc-1')).toBeUndefined();

    const opened = await fetchAndOpen(
      service.api,
      { id: 'doc-1', case_id: 'case-1', requirement: 'proof-of-address', content_type: 'application/pdf' },
      service.reviewer.privateKey,
    );
    expect(new Uint8Array(opened.bytes)).toEqual(plaintext);
    expect(presentation(opened)).toMatchObject({ kind: 'file' });
    // A key that was not wrapped for: said so, not a bare WebCrypto failure.
    await expect(
      fetchAndOpen(service.api, { id: 'doc-1', case_id: 'case-1', requirement: 'proof-of-address' }, service.user.privateKey),
    ).rejects.toBeInstanceOf(OpenFailure);
  });

  it('after a reload, resumes from the server’s offset when the same file is chosen, and sends nothing for another file', async () => {
    const service = await documentService({ cutAfter: 100_000, failAfterCut: true });
    const vault = memoryVault();
    const first = sendDocument({ ...base, ...node, retryDelays: [], api: service.api, origin: service.origin, vault, plaintext });
    await expect(first).rejects.toSatisfy((e) => e instanceof NetworkError || e instanceof ApiError);
    expect(await vault.get('uploads', 'doc-1')).toBeDefined();
    const arrived = service.state.received.length;
    expect(arrived).toBe(100_000);
    service.state.healed = true;
    const resume = { id: 'doc-1', upload_url: '/documents/uploads/doc-1' };

    const patches = service.state.patches;
    const other = new TextEncoder().encode(`%PDF-1.7\n${'y'.repeat(200_000)}\nCANARY-42`);
    await expect(
      sendDocument({ ...base, ...node, api: service.api, origin: service.origin, vault, plaintext: other, resume }),
    ).rejects.toBeInstanceOf(DifferentFileError);
    expect(service.state.patches).toBe(patches);
    expect(service.state.received).toHaveLength(arrived);

    const progress: number[] = [];
    await sendDocument({
      ...base,
      ...node,
      api: service.api,
      origin: service.origin,
      vault,
      plaintext,
      resume,
      onProgress: (sent) => progress.push(sent),
    });
    expect(service.state.declarations).toHaveLength(1); // resumed, not declared again
    expect(progress[0]).toBeGreaterThanOrEqual(arrived);
    const reviewerKey = await unwrapDataKey(
      service.state.declarations[0]!.grants.find((g) => g.subject === 'admin-1')!.wrapped_key,
      service.reviewer.privateKey,
    );
    const opened = await openDocument(Uint8Array.from(service.state.received), reviewerKey, associatedData('case-1', 'proof-of-address'));
    expect(new Uint8Array(opened)).toEqual(plaintext);
  });
});

describe('opening a document', { timeout: SLOW_CRYPTO_MS }, () => {
  it('shows a refusal as the service words it, with the condition that failed', async () => {
    const refused = {
      type: 'https://attest.dev/problems/access-refused',
      status: 403,
      title: 'Access refused',
      detail: 'The key is not released: condition 3 (caseState) does not hold.',
    };
    const fetch = vi.fn(async () => Response.json(refused, { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));
    const api = createApi({ accessToken: async () => 't', projectId: () => null }, { baseUrl: 'http://attest.test', fetch: fetch as unknown as typeof globalThis.fetch });
    const key = await generatePartyKey();
    const failure = await fetchAndOpen(api, { id: 'doc-1', case_id: 'c', requirement: 'r' }, key.privateKey).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 403, slug: 'access-refused', message: refused.detail });
    expect(fetch).toHaveBeenCalledTimes(1); // no ciphertext asked for without a key
  });

  it('refuses a ciphertext moved to another requirement', async () => {
    const reviewer = await generatePartyKey();
    const sealed = await sealDocument(plaintext, associatedData('case-1', 'proof-of-address'));
    const wrapped = await wrapDataKey(sealed.dataKey, (await publicJwk(reviewer.publicKey)) as PublicJwk);
    const fetch = vi.fn(async (request: Request) =>
      request.url.endsWith('/key')
        ? Response.json({ wrapped_key: wrapped })
        : new Response(sealed.ciphertext, { headers: { 'Content-Type': 'application/octet-stream' } }),
    );
    const api = createApi({ accessToken: async () => 't', projectId: () => null }, { baseUrl: 'http://attest.test', fetch: fetch as unknown as typeof globalThis.fetch });
    await expect(
      fetchAndOpen(api, { id: 'doc-1', case_id: 'case-1', requirement: 'source-of-funds' }, reviewer.privateKey),
    ).rejects.toThrow('does not decrypt');
  });
});

describe('a tus failure', () => {
  it('becomes the service’s problem when it answered, else a network failure', () => {
    const answered = uploadFailure({
      originalResponse: {
        getStatus: () => 422,
        getBody: () => JSON.stringify({ type: 'https://attest.dev/problems/ciphertext-mismatch', status: 422, detail: 'Mismatch.' }),
        getHeader: () => 'req-9',
      },
    });
    expect(answered).toMatchObject({ status: 422, slug: 'ciphertext-mismatch', requestId: 'req-9' });
    expect(uploadFailure(new Error('socket hang up'))).toBeInstanceOf(NetworkError);
  });
});
