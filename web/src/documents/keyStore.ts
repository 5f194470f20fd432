// A person's document key pair in this browser (docs/documents.md, "Keys"): the private half is a non-extractable
// CryptoKey kept in IndexedDB, one per signed-in subject; the public half is registered with PUT /documents/keys/me.
// A key that lives in one browser is lost with it, so at creation the private key is exported once into a recovery
// file sealed under a passphrase; reading that file back makes the key non-extractable again.
import {
  fromBase64Url,
  generatePartyKey,
  importPrivateKey,
  publicJwk,
  toBase64Url,
  type Bytes,
  type PublicJwk,
} from './documentCrypto';

/** Where the vault keeps its records: party keys by subject, unfinished uploads by document id. */
export type VaultStore = 'keys' | 'uploads';

/**
 * The few IndexedDB operations the console needs, behind an interface so that the logic is tested without a
 * browser. Values are stored by structured clone, which keeps a CryptoKey usable and its bytes unreadable.
 */
export interface KeyVault {
  get<T>(store: VaultStore, id: string): Promise<T | undefined>;
  put<T>(store: VaultStore, id: string, value: T): Promise<void>;
  delete(store: VaultStore, id: string): Promise<void>;
}

const DB_NAME = 'attest-documents';
const STORES: VaultStore[] = ['keys', 'uploads'];

function request<T>(call: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    call.onsuccess = () => resolve(call.result);
    call.onerror = () => reject(call.error ?? new Error('IndexedDB request failed'));
  });
}

export function indexedDbVault(factory: IDBFactory = indexedDB, name = DB_NAME): KeyVault {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open(name, 1);
      open.onupgradeneeded = () => STORES.forEach((store) => open.result.createObjectStore(store));
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('IndexedDB cannot be opened'));
      open.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    return opened;
  };
  const run = async <T>(store: VaultStore, mode: IDBTransactionMode, call: (s: IDBObjectStore) => IDBRequest<T>) => {
    const transaction = (await db()).transaction(store, mode);
    // A write counts once its transaction is committed, not when its request succeeded.
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
    });
    const result = await request(call(transaction.objectStore(store)));
    await committed;
    return result;
  };
  return {
    get: async <T>(store: VaultStore, id: string) => (await run(store, 'readonly', (s) => s.get(id))) as T | undefined,
    put: async (store, id, value) => {
      await run(store, 'readwrite', (s) => s.put(value, id));
    },
    delete: async (store, id) => {
      await run(store, 'readwrite', (s) => s.delete(id));
    },
  };
}

export function memoryVault(): KeyVault {
  const data = new Map<string, unknown>();
  return {
    get: async <T>(store: VaultStore, id: string) => data.get(`${store}/${id}`) as T | undefined,
    put: async (store, id, value) => {
      data.set(`${store}/${id}`, value);
    },
    delete: async (store, id) => {
      data.delete(`${store}/${id}`);
    },
  };
}

let shared: KeyVault | null = null;

/** The browser's vault (IndexedDB); a page's tests may swap it for a memory one. */
export function keyVault(): KeyVault {
  shared ??= typeof indexedDB === 'undefined' ? memoryVault() : indexedDbVault();
  return shared;
}

export function setKeyVaultForTests(vault: KeyVault | null): void {
  shared = vault;
}

/** What this browser keeps of a person's key. */
export interface StoredPartyKey {
  privateKey: CryptoKey;
  publicKey: PublicJwk;
  createdAt: string;
}

export async function loadPartyKey(vault: KeyVault, subject: string): Promise<StoredPartyKey | undefined> {
  return vault.get<StoredPartyKey>('keys', subject);
}

export async function savePartyKey(vault: KeyVault, subject: string, key: StoredPartyKey): Promise<void> {
  await vault.put('keys', subject, key);
}

// ---- recovery file ----

export const RECOVERY_FORMAT = 'attest-document-key-recovery';
export const RECOVERY_VERSION = 1;
/** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023): the passphrase is the only secret an attacker with the file lacks. */
export const RECOVERY_ITERATIONS = 600_000;
export const PASSPHRASE_MIN = 12;

export interface RecoveryFile {
  format: typeof RECOVERY_FORMAT;
  version: typeof RECOVERY_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; nonce: string };
  /** In clear so that a file can be matched to the registered key before the passphrase is asked. */
  public_key: PublicJwk;
  /** The private JWK, AES-256-GCM under the passphrase's key, with the format and the public modulus as AAD. */
  encrypted_private_key: string;
  created_at: string;
}

/** A recovery file that cannot be read: not one, or the wrong passphrase (GCM cannot tell which of the two). */
export class RecoveryFileError extends Error {
  override name = 'RecoveryFileError';
}

async function passphraseKey(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function recoveryAad(publicKey: PublicJwk): Bytes {
  // Binds the clear public key to the sealed private one: a file with a swapped public key does not open.
  return new TextEncoder().encode(`${RECOVERY_FORMAT}:${RECOVERY_VERSION}:${publicKey.n}`);
}

/** Why a passphrase cannot protect a recovery file, or null. */
export function passphraseError(passphrase: string, repeated: string): string | null {
  if (passphrase.length < PASSPHRASE_MIN) return `At least ${PASSPHRASE_MIN} characters.`;
  if (passphrase !== repeated) return 'The two passphrases differ.';
  return null;
}

/** Seals an extractable private key into a recovery file. */
export async function writeRecoveryFile(
  privateKey: CryptoKey,
  publicKey: PublicJwk,
  passphrase: string,
  now: Date = new Date(),
): Promise<RecoveryFile> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, RECOVERY_ITERATIONS);
  const jwk = new TextEncoder().encode(JSON.stringify(await crypto.subtle.exportKey('jwk', privateKey)));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: recoveryAad(publicKey) }, key, jwk);
  jwk.fill(0);
  return {
    format: RECOVERY_FORMAT,
    version: RECOVERY_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: RECOVERY_ITERATIONS, salt: toBase64Url(salt) },
    cipher: { name: 'AES-GCM', nonce: toBase64Url(nonce) },
    public_key: publicKey,
    encrypted_private_key: toBase64Url(new Uint8Array(sealed)),
    created_at: now.toISOString(),
  };
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Checks a file's shape (not its secret): what `readRecoveryFile` and the page need before asking the passphrase. */
export function parseRecoveryFile(text: string): RecoveryFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RecoveryFileError('This is not an Attest key recovery file.');
  }
  const f = parsed as Partial<RecoveryFile> | null;
  const ok =
    f !== null &&
    typeof f === 'object' &&
    f.format === RECOVERY_FORMAT &&
    f.kdf?.name === 'PBKDF2' &&
    f.kdf.hash === 'SHA-256' &&
    Number.isInteger(f.kdf.iterations) &&
    // A file cannot weaken the derivation below what the console writes, nor make the browser work for minutes.
    f.kdf.iterations >= RECOVERY_ITERATIONS &&
    f.kdf.iterations <= 10 * RECOVERY_ITERATIONS &&
    B64URL.test(f.kdf.salt ?? '') &&
    f.cipher?.name === 'AES-GCM' &&
    B64URL.test(f.cipher.nonce ?? '') &&
    f.public_key?.kty === 'RSA' &&
    B64URL.test(f.public_key.n ?? '') &&
    B64URL.test(f.encrypted_private_key ?? '');
  if (!ok) throw new RecoveryFileError('This is not an Attest key recovery file.');
  if (f.version !== RECOVERY_VERSION) {
    throw new RecoveryFileError(`This recovery file is of version ${String(f.version)}, which this console cannot read.`);
  }
  return f as RecoveryFile;
}

/** The private key of a recovery file, imported non-extractable, with its public half. */
export async function readRecoveryFile(
  text: string,
  passphrase: string,
): Promise<{ privateKey: CryptoKey; publicKey: PublicJwk }> {
  const file = parseRecoveryFile(text);
  const key = await passphraseKey(passphrase, fromBase64Url(file.kdf.salt), file.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(file.cipher.nonce), additionalData: recoveryAad(file.public_key) },
      key,
      fromBase64Url(file.encrypted_private_key),
    );
  } catch {
    throw new RecoveryFileError('The passphrase is wrong, or the file was changed.');
  }
  const bytes = new Uint8Array(plain);
  const jwk = JSON.parse(new TextDecoder().decode(bytes)) as JsonWebKey;
  bytes.fill(0);
  if (jwk.n !== file.public_key.n) throw new RecoveryFileError('The file’s private key does not match its public key.');
  const privateKey = await importPrivateKey(jwk);
  return { privateKey, publicKey: { kty: 'RSA', alg: 'RSA-OAEP-256', e: file.public_key.e, n: file.public_key.n } };
}

export function recoveryFileName(now: Date = new Date()): string {
  return `attest-document-key-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * A new key pair: the private key is extractable only inside this function, long enough to seal it into the
 * recovery file; what is kept is a non-extractable import of it.
 */
export async function createPartyKey(passphrase: string): Promise<{ key: StoredPartyKey; recovery: RecoveryFile }> {
  const pair = await generatePartyKey(true);
  const publicKey = await publicJwk(pair.publicKey);
  const recovery = await writeRecoveryFile(pair.privateKey, publicKey, passphrase);
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const privateKey = await importPrivateKey(jwk);
  return { key: { privateKey, publicKey, createdAt: recovery.created_at }, recovery };
}

// ---- how this browser's key stands against the registered one ----

export type KeyStatus =
  /** Neither here nor registered: make one. */
  | { kind: 'none' }
  /** Here, not registered yet (registration failed or was interrupted). */
  | { kind: 'unregistered'; local: StoredPartyKey }
  | { kind: 'ready'; local: StoredPartyKey }
  /** Registered, but this browser has another key, or none: recover it from its file, or make a new one. */
  | { kind: 'mismatch'; local: StoredPartyKey }
  | { kind: 'elsewhere' };

export function sameKey(a: Pick<PublicJwk, 'n'> | null | undefined, b: Pick<PublicJwk, 'n'> | null | undefined): boolean {
  return !!a && !!b && a.n === b.n;
}

export function keyStatus(local: StoredPartyKey | undefined, registered: Pick<PublicJwk, 'n'> | null): KeyStatus {
  if (!local) return registered ? { kind: 'elsewhere' } : { kind: 'none' };
  if (!registered) return { kind: 'unregistered', local };
  return sameKey(local.publicKey, registered) ? { kind: 'ready', local } : { kind: 'mismatch', local };
}

// ---- unfinished uploads ----

/**
 * What a cut upload needs to be resumed from the same file: its data key (non-extractable, encrypt only) and nonce
 * seal the same plaintext into the same bytes, and the declared hash proves it before anything is sent.
 */
export interface PendingUpload {
  documentId: string;
  sha256: string;
  size: number;
  dataKey: CryptoKey;
  nonce: Bytes;
}

/** A non-extractable copy of a fresh data key, good only to seal the same file again. */
export async function pendingUpload(
  documentId: string,
  sealed: { ciphertext: Bytes; sha256: string; dataKey: CryptoKey },
): Promise<PendingUpload> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', sealed.dataKey));
  const dataKey = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt']);
  raw.fill(0);
  return {
    documentId,
    sha256: sealed.sha256,
    size: sealed.ciphertext.length,
    dataKey,
    nonce: sealed.ciphertext.slice(0, 12),
  };
}
