// The console's side of document-service (docs/documents.md): check a file against its requirement, seal it, wrap
// its data key for every recipient, declare it, upload the ciphertext resumably; and, for a reader, fetch the wrapped
// key and the ciphertext and open them in the browser. Nothing here sends a plaintext or an unwrapped key.
import type { Api } from '../api/client';
import { unwrap } from '../api/client';
import type { components } from '../api/generated/document-service';
import { ApiError, NetworkError } from '../api/problem';
import {
  associatedData,
  openDocument,
  sealDocument,
  unwrapDataKey,
  wrapDataKey,
  type Bytes,
  type PublicJwk,
} from './documentCrypto';
import { pendingUpload, type KeyVault, type PendingUpload } from './keyStore';
import { JSON_TYPE } from './requirements';
import { uploadCiphertext } from './uploadCiphertext';

export type Requirement = components['schemas']['RequirementView'];
export type DocumentCase = components['schemas']['CaseView'];
export type CaseDocument = components['schemas']['DocumentView'];
export type Recipient = components['schemas']['KeyView'];

export {
  fileProblem,
  formatBytes,
  isPersonalData,
  JSON_TYPE,
  PERSONAL_DATA_KIND,
  plaintextLimit,
  SEAL_OVERHEAD,
  typeWords,
} from './requirements';

// ---- personal-data form ----

export interface PersonalData {
  first_name: string;
  last_name: string;
  birthdate: string;
  street_1: string;
  street_2: string;
  city: string;
  subdivision: string;
  postal_code: string;
  country_code: string;
}

export const EMPTY_PERSONAL_DATA: PersonalData = {
  first_name: '',
  last_name: '',
  birthdate: '',
  street_1: '',
  street_2: '',
  city: '',
  subdivision: '',
  postal_code: '',
  country_code: '',
};

const OPTIONAL: (keyof PersonalData)[] = ['street_2', 'subdivision'];
const TEXT_MAX = 200;

export function personalDataErrors(form: PersonalData, today: Date = new Date()): Partial<Record<keyof PersonalData, string>> {
  const errors: Partial<Record<keyof PersonalData, string>> = {};
  for (const key of Object.keys(form) as (keyof PersonalData)[]) {
    const value = form[key].trim();
    if (!value && !OPTIONAL.includes(key)) errors[key] = 'Required.';
    else if (value.length > TEXT_MAX) errors[key] = `At most ${TEXT_MAX} characters.`;
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u001f\u007f]/.test(value)) errors[key] = 'No line breaks or control characters.';
  }
  if (!errors.birthdate) {
    const date = new Date(`${form.birthdate}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.birthdate) || Number.isNaN(date.getTime())) errors.birthdate = 'A date.';
    else if (date > today) errors.birthdate = 'A date in the past.';
  }
  if (!errors.country_code && !/^[A-Za-z]{2}$/.test(form.country_code.trim())) {
    errors.country_code = 'Two letters (ISO 3166-1), e.g. FR.';
  }
  return errors;
}

/**
 * The form as the JSON that is sealed, in the shape of compliance-service's `personal_info` (address nested). Keys in
 * a fixed order and values trimmed: the same answers give the same bytes, so a cut upload can be resumed.
 */
export function personalDataJson(form: PersonalData): Bytes {
  const t = (value: string) => value.trim();
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const body = {
    first_name: t(form.first_name),
    last_name: t(form.last_name),
    birthdate: t(form.birthdate),
    address: {
      street_1: t(form.street_1),
      street_2: optional(form.street_2),
      city: t(form.city),
      subdivision: optional(form.subdivision),
      postal_code: t(form.postal_code),
      country_code: t(form.country_code).toUpperCase(),
    },
  };
  return new TextEncoder().encode(JSON.stringify(body));
}

const PERSONAL_LABELS: Record<string, string> = {
  first_name: 'First name',
  middle_name: 'Middle name',
  last_name: 'Last name',
  birthdate: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  'address.street_1': 'Street',
  'address.street_2': 'Street (continued)',
  'address.city': 'City',
  'address.subdivision': 'Region',
  'address.postal_code': 'Postal code',
  'address.country_code': 'Country',
};

/** A decrypted personal-data JSON as label/value pairs, for a definition list (nested objects flattened). */
export function personalDataEntries(json: unknown): [string, string][] {
  const entries: [string, string][] = [];
  const visit = (node: unknown, path: string) => {
    if (node === null || node === undefined) return;
    if (typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node)) visit(value, path ? `${path}.${key}` : key);
      return;
    }
    entries.push([PERSONAL_LABELS[path] ?? path, Array.isArray(node) ? node.join(', ') : String(node)]);
  };
  visit(json, '');
  return entries;
}

// ---- problems ----

/** A tus request's failure as the console's errors: the service's problem when it answered, else a network failure. */
export function uploadFailure(error: unknown): unknown {
  const response = (error as { originalResponse?: { getStatus(): number; getBody(): string; getHeader(name: string): string | undefined } | null })
    ?.originalResponse;
  if (!response) return error instanceof ApiError ? error : new NetworkError(error);
  let body: unknown = null;
  try {
    body = JSON.parse(response.getBody());
  } catch {
    body = null;
  }
  const status = response.getStatus();
  const requestId = response.getHeader('X-Request-Id');
  return ApiError.from(
    new Response(null, { status: status >= 200 && status <= 599 ? status : 500, headers: requestId ? { 'X-Request-Id': requestId } : {} }),
    body,
  );
}

/** The file chosen to resume a cut upload is not the one whose upload was cut. */
export class DifferentFileError extends Error {
  override name = 'DifferentFileError';
  constructor() {
    super('This is not what was being sent when the upload was cut (another file, or other answers): nothing was sent. Choose the same file to resume, or start a new upload.');
  }
}

/** The document could not be opened in this browser (wrong key, changed bytes). */
export class OpenFailure extends Error {
  override name = 'OpenFailure';
}

// ---- sending ----

export type SendStage = 'sealing' | 'declaring' | 'uploading';

export interface SendOptions {
  api: Api;
  vault: KeyVault;
  caseId: string;
  requirement: string;
  contentType: string;
  plaintext: Bytes;
  /** A document of this requirement still `uploading` (a cut upload), to resume when this is the same plaintext. */
  resume?: Pick<CaseDocument, 'id' | 'upload_url'> | null;
  /** The access token for tus requests (the typed client adds it to the others). */
  token(): Promise<string>;
  /** Against which `upload_url` is resolved (the gateway's origin). */
  origin: string;
  onStage?(stage: SendStage): void;
  onProgress?(sent: number, total: number): void;
  /** Shorter pauses in tests. */
  retryDelays?: number[];
  /** The upload's body: a Blob in browsers (the default); Node's tus client, in tests, takes a Buffer. */
  body?(ciphertext: Bytes): Blob | Uint8Array;
}

async function grantsFor(api: Api, caseId: string, dataKey: CryptoKey) {
  const { recipients } = await unwrap(
    api.document.GET('/documents/cases/{case_id}/recipients', { params: { path: { case_id: caseId } } }),
  );
  return Promise.all(
    (recipients ?? []).map(async (r) => ({
      subject: r.subject ?? '',
      key_id: r.key_id ?? '',
      wrapped_key: await wrapDataKey(dataKey, r.public_key as unknown as PublicJwk),
    })),
  );
}

/**
 * Declares a sealed document with its data key wrapped for every recipient the service names. A `stale-key` answer
 * (someone registered a new key between the two calls) is met by asking for the recipients again, once.
 */
async function declare(options: SendOptions, sealed: { ciphertext: Bytes; sha256: string; dataKey: CryptoKey }): Promise<CaseDocument> {
  const { api, caseId } = options;
  // The operation answers a JAX-RS Response, which its OpenAPI document leaves untyped: it is a DocumentView.
  const attempt = async (): Promise<CaseDocument> =>
    (await unwrap(
      api.document.POST('/documents/cases/{case_id}/documents', {
        params: { path: { case_id: caseId } },
        body: {
          requirement: options.requirement,
          content_type: options.contentType,
          size: sealed.ciphertext.length,
          ciphertext_sha256: sealed.sha256,
          grants: await grantsFor(api, caseId, sealed.dataKey),
        },
      }),
    )) as CaseDocument;
  try {
    return await attempt();
  } catch (failure) {
    if (failure instanceof ApiError && failure.slug === 'stale-key') return attempt();
    throw failure;
  }
}

/** Seals, declares and uploads a document (or resumes a cut upload of the same plaintext); resolves to its id. */
export async function sendDocument(options: SendOptions): Promise<string> {
  const { vault, caseId, requirement, plaintext } = options;
  const aad = associatedData(caseId, requirement);
  options.onStage?.('sealing');

  let documentId: string;
  let uploadUrl: string;
  let ciphertext: Bytes;
  const pending = options.resume?.id ? await vault.get<PendingUpload>('uploads', options.resume.id) : undefined;
  if (options.resume?.upload_url && pending) {
    const sealed = await sealDocument(plaintext, aad, { dataKey: pending.dataKey, nonce: pending.nonce });
    // Checked before a byte is sent: the same key and nonce over another plaintext must never leave the browser.
    if (sealed.sha256 !== pending.sha256) throw new DifferentFileError();
    documentId = pending.documentId;
    uploadUrl = options.resume.upload_url;
    ciphertext = sealed.ciphertext;
  } else {
    const sealed = await sealDocument(plaintext, aad);
    options.onStage?.('declaring');
    const declared = await declare(options, sealed);
    documentId = declared.id ?? '';
    uploadUrl = declared.upload_url ?? `/documents/uploads/${documentId}`;
    ciphertext = sealed.ciphertext;
    await vault.put('uploads', documentId, await pendingUpload(documentId, sealed));
  }

  options.onStage?.('uploading');
  try {
    await uploadCiphertext({
      uploadUrl: new URL(uploadUrl, options.origin).toString(),
      ciphertext: options.body ? options.body(ciphertext) : new Blob([ciphertext]),
      size: ciphertext.length,
      token: options.token,
      onProgress: options.onProgress,
      ...(options.retryDelays ? { retryDelays: options.retryDelays } : {}),
    }).done;
  } catch (failure) {
    const error = uploadFailure(failure);
    // The service deleted a document whose bytes did not hash to the declared value: nothing is left to resume.
    if (error instanceof ApiError && (error.slug === 'ciphertext-mismatch' || error.status === 404)) {
      await vault.delete('uploads', documentId);
    }
    throw error;
  }
  await vault.delete('uploads', documentId);
  return documentId;
}

// ---- reading ----

export interface OpenedDocument {
  contentType: string;
  bytes: ArrayBuffer;
}

/**
 * Fetches a document's wrapped key (recorded by the service; 403 `access-refused` names the condition that failed)
 * and its ciphertext, and opens them with this browser's private key.
 */
export async function fetchAndOpen(
  api: Api,
  document: Pick<CaseDocument, 'id' | 'case_id' | 'requirement' | 'content_type'>,
  privateKey: CryptoKey,
  signal?: AbortSignal,
): Promise<OpenedDocument> {
  const path = { document_id: document.id ?? '' };
  const released = await unwrap(api.document.GET('/documents/{document_id}/key', { params: { path }, signal }));
  const ciphertext = await unwrap(
    api.document.GET('/documents/{document_id}/ciphertext', { params: { path }, parseAs: 'arrayBuffer', signal }),
  );
  let dataKey: CryptoKey;
  try {
    dataKey = await unwrapDataKey(released.wrapped_key ?? '', privateKey);
  } catch {
    throw new OpenFailure(
      'This browser’s key cannot unwrap the document’s key: it was wrapped for another of your keys (recover that key from its file).',
    );
  }
  try {
    const bytes = await openDocument(
      new Uint8Array(ciphertext as ArrayBuffer),
      dataKey,
      associatedData(document.case_id ?? '', document.requirement ?? ''),
    );
    return { contentType: document.content_type ?? 'application/octet-stream', bytes };
  } catch {
    throw new OpenFailure('The document does not decrypt: its bytes were changed, or it belongs to another case.');
  }
}

/**
 * Gives reviewers without a grant under their current key (joined after the upload, or a new key) their copy of a
 * document's data key: the caller's own wrapped key is released (and recorded), unwrapped here, wrapped for each of
 * them and sent as a reviewer grant; the service writes the conditions. Resolves to how many grants were made;
 * one another reviewer's browser made meanwhile (409 `grant-exists`) counts as done.
 */
export async function shareWithReviewers(
  api: Api,
  document: Pick<CaseDocument, 'id' | 'reviewers_without_grant'>,
  privateKey: CryptoKey,
  self: string,
): Promise<number> {
  const missing = (document.reviewers_without_grant ?? []).filter((r) => r.subject && r.subject !== self);
  if (missing.length === 0) return 0;
  const path = { document_id: document.id ?? '' };
  const released = await unwrap(api.document.GET('/documents/{document_id}/key', { params: { path } }));
  let dataKey: CryptoKey;
  try {
    dataKey = await unwrapDataKey(released.wrapped_key ?? '', privateKey, true);
  } catch {
    throw new OpenFailure('This browser’s key cannot unwrap the document’s key: it was wrapped for another of your keys.');
  }
  let made = 0;
  for (const reviewer of missing) {
    try {
      await unwrap(
        api.document.POST('/documents/{document_id}/grants', {
          params: { path },
          body: {
            party: 'reviewer',
            subject: reviewer.subject ?? '',
            key_id: reviewer.key_id ?? '',
            wrapped_key: await wrapDataKey(dataKey, reviewer.public_key as unknown as PublicJwk),
          },
        }),
      );
      made++;
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.slug === 'grant-exists')) throw failure;
    }
  }
  return made;
}

export type Presentation =
  | { kind: 'data'; entries: [string, string][] }
  | { kind: 'file'; blob: Blob }
  /** Decrypted, but not the JSON its type says (a form is only ever sent as JSON by the console). */
  | { kind: 'unreadable' };

/** A decrypted document ready to show: personal data as pairs, anything else as a Blob of its own type. */
export function presentation(opened: OpenedDocument): Presentation {
  if (opened.contentType === JSON_TYPE) {
    try {
      return { kind: 'data', entries: personalDataEntries(JSON.parse(new TextDecoder().decode(opened.bytes))) };
    } catch {
      return { kind: 'unreadable' };
    }
  }
  return { kind: 'file', blob: new Blob([opened.bytes], { type: opened.contentType }) };
}

