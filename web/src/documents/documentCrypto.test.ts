import { describe, expect, it } from 'vitest';
import {
  associatedData,
  fromBase64Url,
  generatePartyKey,
  openDocument,
  publicJwk,
  sealDocument,
  sha256,
  unwrapDataKey,
  wrapDataKey,
} from './documentCrypto';

const plaintext = new TextEncoder().encode('%PDF-1.7\nProof of address: CANARY-7f3a\n');
const aad = associatedData('case-1', 'proof-of-address');

describe('document encryption in the browser', () => {
  it('seals a document that only a recipient of its wrapped key opens', async () => {
    const user = await generatePartyKey();
    const reviewer = await generatePartyKey();
    const sealed = await sealDocument(plaintext, aad);
    const wrapped = await wrapDataKey(sealed.dataKey, await publicJwk(reviewer.publicKey));

    const opened = await openDocument(sealed.ciphertext, await unwrapDataKey(wrapped, reviewer.privateKey), aad);
    expect(new Uint8Array(opened)).toEqual(plaintext);
    await expect(unwrapDataKey(wrapped, user.privateKey)).rejects.toThrow();
  });

  it('never puts the plaintext in what it uploads, and declares the hash the service checks', async () => {
    const sealed = await sealDocument(plaintext, aad);
    expect(new TextDecoder('latin1').decode(sealed.ciphertext)).not.toContain('CANARY-7f3a');
    expect(sealed.ciphertext.length).toBe(12 + plaintext.length + 16);
    expect(sealed.sha256).toBe(await sha256(sealed.ciphertext));
    expect(fromBase64Url(sealed.sha256)).toHaveLength(32);
  });

  it('refuses a tampered ciphertext and one moved to another case', async () => {
    const owner = await generatePartyKey();
    const sealed = await sealDocument(plaintext, aad);
    const key = await unwrapDataKey(await wrapDataKey(sealed.dataKey, await publicJwk(owner.publicKey)), owner.privateKey);
    const tampered = sealed.ciphertext.slice();
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    await expect(openDocument(tampered, key, aad)).rejects.toThrow();
    await expect(openDocument(sealed.ciphertext, key, associatedData('case-2', 'proof-of-address'))).rejects.toThrow();
  });

  it('keeps the private key unreadable by script and registers only the public half', async () => {
    const pair = await generatePartyKey();
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', pair.privateKey)).rejects.toThrow();
    const jwk = await publicJwk(pair.publicKey);
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'e', 'kty', 'n']);
    expect(fromBase64Url(jwk.n)).toHaveLength(384);
  });

  it('uses a fresh nonce and data key for every document', async () => {
    const a = await sealDocument(plaintext, aad);
    const b = await sealDocument(plaintext, aad);
    expect(a.ciphertext.subarray(0, 12)).not.toEqual(b.ciphertext.subarray(0, 12));
    expect(a.sha256).not.toBe(b.sha256);
  });
});
