import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { associatedData, openDocument, publicJwk, generatePartyKey, sealDocument, unwrapDataKey, wrapDataKey } from './documentCrypto';
import {
  createPartyKey,
  indexedDbVault,
  keyStatus,
  loadPartyKey,
  memoryVault,
  parseRecoveryFile,
  passphraseError,
  pendingUpload,
  readRecoveryFile,
  RECOVERY_ITERATIONS,
  RecoveryFileError,
  savePartyKey,
  type StoredPartyKey,
} from './keyStore';

/** RSA-3072 key generation and PBKDF2 at 600,000 iterations take seconds on a busy machine. */
const SLOW_CRYPTO_MS = 30_000;

const PASSPHRASE = 'correct horse battery staple';

/** One key pair and its recovery file for the tests that only read them: RSA-3072 and PBKDF2 are slow. */
let made: ReturnType<typeof createPartyKey> | null = null;
const madeKey = () => (made ??= createPartyKey(PASSPHRASE));

/** A data key wrapped for `publicKey` opens only with its private half: the proof that two halves belong together. */
async function unwrapsFor(publicKey: StoredPartyKey['publicKey'], privateKey: CryptoKey): Promise<boolean> {
  const aad = associatedData('case-1', 'proof-of-address');
  const sealed = await sealDocument(new TextEncoder().encode('proof'), aad);
  try {
    const key = await unwrapDataKey(await wrapDataKey(sealed.dataKey, publicKey), privateKey);
    return new TextDecoder().decode(await openDocument(sealed.ciphertext, key, aad)) === 'proof';
  } catch {
    return false;
  }
}

describe('the key vault in IndexedDB', { timeout: SLOW_CRYPTO_MS }, () => {
  it('keeps a non-extractable private key per subject, usable after it is read back and unreadable still', async () => {
    const vault = indexedDbVault(new IDBFactory());
    const { key } = await madeKey();
    await savePartyKey(vault, 'user-1', key);

    // A vault opened again (another page load) finds it.
    const again = await loadPartyKey(vault, 'user-1');
    expect(again?.publicKey).toEqual(key.publicKey);
    expect(again?.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', again!.privateKey)).rejects.toThrow();
    expect(await unwrapsFor(key.publicKey, again!.privateKey)).toBe(true);

    expect(await loadPartyKey(vault, 'user-2')).toBeUndefined();
    await vault.delete('keys', 'user-1');
    expect(await loadPartyKey(vault, 'user-1')).toBeUndefined();
  });

  it('keeps unfinished uploads apart from keys', async () => {
    const vault = indexedDbVault(new IDBFactory());
    await vault.put('uploads', 'doc-1', { documentId: 'doc-1' });
    expect(await vault.get('keys', 'doc-1')).toBeUndefined();
    expect(await vault.get('uploads', 'doc-1')).toEqual({ documentId: 'doc-1' });
  });
});

describe('the recovery file', { timeout: SLOW_CRYPTO_MS }, () => {
  it('brings the key back, non-extractable, with the passphrase only', async () => {
    const { key, recovery } = await madeKey();
    const text = JSON.stringify(recovery);
    // The private key is not in it in clear.
    expect(text).not.toMatch(/"d"|"p"|"q"|"dp"/);
    expect(recovery.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: RECOVERY_ITERATIONS });
    expect(recovery.version).toBe(1);

    const restored = await readRecoveryFile(text, PASSPHRASE);
    expect(restored.publicKey).toEqual(key.publicKey);
    expect(restored.privateKey.extractable).toBe(false);
    expect(await unwrapsFor(key.publicKey, restored.privateKey)).toBe(true);

    await expect(readRecoveryFile(text, 'wrong passphrase!!')).rejects.toBeInstanceOf(RecoveryFileError);
  });

  it('refuses a file whose clear public key was swapped for another', async () => {
    const { recovery } = await madeKey();
    const other = await publicJwk((await generatePartyKey()).publicKey);
    const swapped = JSON.stringify({ ...recovery, public_key: other });
    await expect(readRecoveryFile(swapped, PASSPHRASE)).rejects.toThrow('The passphrase is wrong, or the file was changed.');
  });

  it('refuses what is not a recovery file, a weaker derivation and a version it does not know', async () => {
    const { recovery } = await madeKey();
    expect(() => parseRecoveryFile('%PDF-1.7')).toThrow(RecoveryFileError);
    expect(() => parseRecoveryFile(JSON.stringify({ ...recovery, kdf: { ...recovery.kdf, iterations: 1000 } }))).toThrow(
      'not an Attest key recovery file',
    );
    expect(() => parseRecoveryFile(JSON.stringify({ ...recovery, version: 2 }))).toThrow('version 2');
  });

  it('asks for a passphrase long enough and typed twice the same', () => {
    expect(passphraseError('short', 'short')).toBe('At least 12 characters.');
    expect(passphraseError(PASSPHRASE, `${PASSPHRASE} `)).toBe('The two passphrases differ.');
    expect(passphraseError(PASSPHRASE, PASSPHRASE)).toBeNull();
  });
});

describe('how this browser’s key stands against the registered one', { timeout: SLOW_CRYPTO_MS }, () => {
  it('tells each case apart by the public modulus', async () => {
    const { key } = await madeKey();
    const other = await publicJwk((await generatePartyKey()).publicKey);
    expect(keyStatus(undefined, null)).toEqual({ kind: 'none' });
    expect(keyStatus(undefined, other)).toEqual({ kind: 'elsewhere' });
    expect(keyStatus(key, null).kind).toBe('unregistered');
    expect(keyStatus(key, { ...key.publicKey }).kind).toBe('ready');
    expect(keyStatus(key, other).kind).toBe('mismatch');
  });
});

describe('an unfinished upload', { timeout: SLOW_CRYPTO_MS }, () => {
  it('seals the same plaintext into the same bytes again, and other plaintext into another hash', async () => {
    const vault = memoryVault();
    const aad = associatedData('case-1', 'proof-of-address');
    const plaintext = new TextEncoder().encode('%PDF-1.7 the same file');
    const first = await sealDocument(plaintext, aad);
    await vault.put('uploads', 'doc-1', await pendingUpload('doc-1', first));

    const pending = (await vault.get<Awaited<ReturnType<typeof pendingUpload>>>('uploads', 'doc-1'))!;
    expect(pending.dataKey.extractable).toBe(false);
    const again = await sealDocument(plaintext, aad, { dataKey: pending.dataKey, nonce: pending.nonce });
    expect(again.ciphertext).toEqual(first.ciphertext);
    expect(again.sha256).toBe(pending.sha256);

    const other = await sealDocument(new TextEncoder().encode('%PDF-1.7 another file'), aad, {
      dataKey: pending.dataKey,
      nonce: pending.nonce,
    });
    expect(other.sha256).not.toBe(pending.sha256);
  });
});
