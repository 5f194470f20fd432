// Client-side encryption of documents (docs/documents.md): only ciphertext and wrapped keys leave the browser.
// Each document: AES-256-GCM under a fresh data key, a 12-byte random nonce first, `<case id>:<requirement>` as
// associated data. Each person: an RSA-OAEP-256 key pair whose private half is non-extractable; the data key is
// wrapped under every recipient's public key. The service's tests speak the same format (document-service's
// support/Browser.java).

const RSA_OAEP = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;
const NONCE_BYTES = 12;

/** Bytes backed by a plain ArrayBuffer, as WebCrypto takes them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** The public half of a person's key, as `PUT /documents/keys/me` registers it. */
export interface PublicJwk {
  kty: 'RSA';
  alg: 'RSA-OAEP-256';
  e: string;
  n: string;
}

export interface SealedDocument {
  /** nonce ‖ AES-GCM ciphertext ‖ tag: what is uploaded. */
  ciphertext: Bytes;
  /** base64url SHA-256 of the ciphertext, declared before the upload and checked by the service after it. */
  sha256: string;
  /** The data key, to wrap for each recipient; never sent as it is. */
  dataKey: CryptoKey;
}

/**
 * A new key pair for this person. The private key is non-extractable: script can use it but never read it, so it
 * can be kept in IndexedDB as a CryptoKey object and never leaves this browser. `extractable` is for the one moment
 * the recovery file is written (keyStore.ts), after which the key is imported again non-extractable.
 */
export async function generatePartyKey(extractable = false): Promise<CryptoKeyPair> {
  const pair = await crypto.subtle.generateKey(
    { ...RSA_OAEP, modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]) },
    extractable,
    ['wrapKey', 'unwrapKey'],
  );
  return pair;
}

/** A private key from its JWK (a recovery file's), non-extractable again and good for unwrapping only. */
export async function importPrivateKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { ...jwk, alg: 'RSA-OAEP-256', key_ops: ['unwrapKey'] }, RSA_OAEP, false, [
    'unwrapKey',
  ]);
}

export async function publicJwk(key: CryptoKey): Promise<PublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', key);
  return { kty: 'RSA', alg: 'RSA-OAEP-256', e: jwk.e ?? '', n: jwk.n ?? '' };
}

export function associatedData(caseId: string, requirement: string): Bytes {
  return new TextEncoder().encode(`${caseId}:${requirement}`);
}

/**
 * `again` seals the same plaintext once more into the same bytes (a resumed upload's key and nonce): the caller must
 * check the result's hash against the first one before sending anything, since a nonce reused on other plaintext
 * breaks GCM.
 */
export async function sealDocument(
  plaintext: BufferSource,
  aad: Bytes,
  again?: { dataKey: CryptoKey; nonce: Bytes },
): Promise<SealedDocument> {
  // Extractable only so that wrapKey can export it, encrypted, for the recipients.
  const dataKey =
    again?.dataKey ?? (await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']));
  const nonce = again?.nonce ?? crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad }, dataKey, plaintext),
  );
  const ciphertext = new Uint8Array(NONCE_BYTES + sealed.length);
  ciphertext.set(nonce);
  ciphertext.set(sealed, NONCE_BYTES);
  return { ciphertext, sha256: await sha256(ciphertext), dataKey };
}

/** The data key wrapped for the holder of `recipient` (RSA-OAEP, SHA-256), base64url. */
export async function wrapDataKey(dataKey: CryptoKey, recipient: PublicJwk): Promise<string> {
  const key = await crypto.subtle.importKey(
    'jwk',
    { kty: 'RSA', e: recipient.e, n: recipient.n, alg: 'RSA-OAEP-256', ext: true },
    RSA_OAEP,
    false,
    ['wrapKey'],
  );
  return toBase64Url(new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, key, RSA_OAEP)));
}

/**
 * A released wrapped key, unwrapped with this person's private key: usable for decryption only, unless `rewrap` asks
 * for a key that can be wrapped again for another party (a reviewer without a grant), which must then be extractable.
 */
export async function unwrapDataKey(wrapped: string, privateKey: CryptoKey, rewrap = false): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    fromBase64Url(wrapped),
    privateKey,
    RSA_OAEP,
    { name: 'AES-GCM' },
    rewrap,
    rewrap ? ['decrypt', 'encrypt'] : ['decrypt'],
  );
}

/** The plaintext, or a rejection when a byte was changed or the document belongs to another case or requirement. */
export async function openDocument(ciphertext: Bytes, dataKey: CryptoKey, aad: Bytes): Promise<ArrayBuffer> {
  if (ciphertext.length < NONCE_BYTES + 16) {
    throw new Error('not a sealed document');
  }
  return crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: ciphertext.subarray(0, NONCE_BYTES), additionalData: aad },
    dataKey,
    ciphertext.subarray(NONCE_BYTES),
  );
}

export async function sha256(bytes: Bytes): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Bytes {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
