// Sharing a document with an auditor (docs/documents.md, "Keys" and "Access conditions"): a reviewer's browser asks
// for its own wrapped key (the release is recorded), unwraps the data key, wraps it again under the auditor's
// registered public key and sends that as a time-bound grant, optionally narrowed by on-chain conditions in Lit's
// format. The service never sees the data key; it writes the auditor's conditions (this person, until the expiry).
import type { Api } from '../api/client';
import { unwrap } from '../api/client';
import type { components } from '../api/generated/document-service';
import { ApiError } from '../api/problem';
import { unwrapDataKey, wrapDataKey, type PublicJwk } from './documentCrypto';
import { OpenFailure, type CaseDocument, type Recipient } from './documents';

export type SharedDocument = components['schemas']['SharedDocumentView'];
type NewGrantInput = components['schemas']['NewGrantInput'];

/** The service refuses an auditor grant that ends later than this. */
export const AUDITOR_GRANT_MAX_DAYS = 90;
export const AUDITOR_GRANT_DEFAULT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Kept off the 90-day limit so that a browser clock slightly ahead of the service's is not refused. */
const CLOCK_MARGIN_MS = 5 * 60 * 1000;

// ---- expiry ----

/** A local date as a date input holds it (YYYY-MM-DD). */
export function dateValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
}

/** The date picker's bounds and default: today to 90 days ahead, 30 days by default. */
export function expiryBounds(now: Date = new Date()): { min: string; max: string; initial: string } {
  return {
    min: dateValue(now),
    max: dateValue(addDays(now, AUDITOR_GRANT_MAX_DAYS)),
    initial: dateValue(addDays(now, AUDITOR_GRANT_DEFAULT_DAYS)),
  };
}

function parseDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.getMonth() === Number(match[2]) - 1 ? date : null;
}

/** Why a chosen expiry date cannot be sent, or null. */
export function expiryError(value: string, now: Date = new Date()): string | null {
  const date = parseDate(value);
  if (!date) return 'Choose a date.';
  const { min, max } = expiryBounds(now);
  if (value < min) return 'A date from today on.';
  if (value > max) return `At most ${AUDITOR_GRANT_MAX_DAYS} days ahead (${max}).`;
  return null;
}

/**
 * The grant's expiry: the end of the chosen day in the reader's time zone, or, for the last allowed day, just within
 * 90 days of now (the service counts 90 days from the moment it receives the grant).
 */
export function expiryInstant(value: string, now: Date = new Date()): string {
  const date = parseDate(value);
  if (!date) throw new Error(`not a date: ${value}`);
  const endOfDay = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 23, 59, 59);
  const latest = new Date(now.getTime() + AUDITOR_GRANT_MAX_DAYS * DAY_MS - CLOCK_MARGIN_MS);
  return new Date(Math.min(endOfDay.getTime(), latest.getTime())).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Whether a grant's expiry has passed (its key is no longer released: the `now` condition fails). */
export function isExpired(expiresAt: string | null | undefined, now: Date = new Date()): boolean {
  if (!expiresAt) return false;
  const at = new Date(expiresAt).getTime();
  return !Number.isNaN(at) && at <= now.getTime();
}

// ---- the auditor ----

const SUBJECT_MAX = 255;

/** Why an auditor's user id cannot be used, or null. */
export function auditorError(subject: string, self: string): string | null {
  const value = subject.trim();
  if (!value) return 'Required: the auditor’s user id.';
  if (value.length > SUBJECT_MAX) return `At most ${SUBJECT_MAX} characters.`;
  if (value === self) return 'That is you: you can already open this document.';
  return null;
}

/** The auditor has no registered document key in this organization (or is not one of its members). */
export class NoAuditorKeyError extends Error {
  override name = 'NoAuditorKeyError';
  constructor(readonly subject: string) {
    super(
      `${subject} has no document key in your organization yet. The auditor must first sign in to the console and open ` +
        'its “Shared with me” (or Documents) page to make a key; then share again.',
    );
  }
}

async function auditorKey(api: Api, subject: string): Promise<Recipient> {
  try {
    return await unwrap(api.document.GET('/documents/keys/{subject}', { params: { path: { subject } } }));
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) throw new NoAuditorKeyError(subject);
    throw failure;
  }
}

// ---- on-chain condition: the identity holds a valid Attest KYC claim ----

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export function isAddress(value: string): boolean {
  return ADDRESS.test(value.trim());
}

/** The KYC claim's topic (identity-service's `claim-topics`). */
export const KYC_CLAIM_TOPIC = '1';

/** OnchainID's `ClaimIssuer.isClaimValid` entry, as the condition carries it (the npm artifacts' ABI). */
export const IS_CLAIM_VALID_ABI = {
  name: 'isClaimValid',
  type: 'function',
  stateMutability: 'view',
  inputs: [
    { internalType: 'contract IIdentity', name: '_identity', type: 'address' },
    { internalType: 'uint256', name: 'claimTopic', type: 'uint256' },
    { internalType: 'bytes', name: 'sig', type: 'bytes' },
    { internalType: 'bytes', name: 'data', type: 'bytes' },
  ],
  outputs: [{ internalType: 'bool', name: 'claimValid', type: 'bool' }],
} as const;

/** OnchainID's `Identity.getClaim` entry. */
export const GET_CLAIM_ABI = {
  name: 'getClaim',
  type: 'function',
  stateMutability: 'view',
  inputs: [{ internalType: 'bytes32', name: '_claimId', type: 'bytes32' }],
  outputs: [
    { internalType: 'uint256', name: 'topic', type: 'uint256' },
    { internalType: 'uint256', name: 'scheme', type: 'uint256' },
    { internalType: 'address', name: 'issuer', type: 'address' },
    { internalType: 'bytes', name: 'signature', type: 'bytes' },
    { internalType: 'bytes', name: 'data', type: 'bytes' },
    { internalType: 'string', name: 'uri', type: 'string' },
  ],
} as const;

export interface KycClaim {
  /** The platform's ClaimIssuer contract. */
  issuer: string;
  /** The OnchainID identity that must hold the claim. */
  identity: string;
  /** `keccak256(abi.encode(issuer, topic))`, under which the identity files the claim. */
  claimId: string;
  /** The claim's signature and data, as the identity holds them (0x hex). */
  signature: string;
  data: string;
}

export type LitCondition = Record<string, unknown>;

/**
 * "This identity holds a valid Attest KYC claim", in the format docs/documents.md documents: the issuer says the
 * claim is valid (`isClaimValid`: the signer's claim key, not revoked), and the identity still holds it (`getClaim`'s
 * `issuer` output is that issuer; a removed claim reads as the zero address). Two Lit `evmContract` conditions on
 * chain `attest`, joined by `and`.
 */
export function kycClaimConditions(claim: KycClaim): LitCondition[] {
  return [
    {
      conditionType: 'evmContract',
      contractAddress: claim.issuer,
      functionName: 'isClaimValid',
      functionParams: [claim.identity, KYC_CLAIM_TOPIC, claim.signature, claim.data],
      functionAbi: IS_CLAIM_VALID_ABI,
      chain: 'attest',
      returnValueTest: { key: '', comparator: '=', value: 'true' },
    },
    { operator: 'and' },
    {
      conditionType: 'evmContract',
      contractAddress: claim.identity,
      functionName: 'getClaim',
      functionParams: [claim.claimId],
      functionAbi: GET_CLAIM_ABI,
      chain: 'attest',
      returnValueTest: { key: 'issuer', comparator: '=', value: claim.issuer },
    },
  ];
}

export interface KycClaimInput {
  /** The wallet whose identity must hold the claim ("this wallet's identity holds a valid Attest KYC claim"). */
  wallet: string;
}

/** What is wrong with the KYC-claim fields, by field. */
export function kycClaimErrors(input: KycClaimInput): Partial<Record<keyof KycClaimInput, string>> {
  return isAddress(input.wallet.trim()) ? {} : { wallet: 'An address: 0x and 40 hexadecimal digits.' };
}

/** The wallet has no identity holding the platform's KYC claim today: a condition on it could never hold. */
export class NoKycClaimError extends Error {
  constructor(wallet: string) {
    super(`The identity of ${wallet} holds no valid Attest KYC claim today, so access on that condition would never be given.`);
    this.name = 'NoKycClaimError';
  }
}

/**
 * The KYC-claim conditions for a wallet: identity-service (`GET /identities/verify`) reads from the chain the wallet's
 * identity, the platform's claim issuer, the KYC claim's id and the claim as the identity holds it (signature, data),
 * which the conditions name so that the chain can be asked again each time the key is.
 */
export async function kycClaimFor(api: Api, input: KycClaimInput): Promise<LitCondition[]> {
  const wallet = input.wallet.trim();
  const verification = await unwrap(
    api.identity.GET('/identities/verify', { params: { query: { wallet, topic: KYC_CLAIM_TOPIC } } }),
  );
  const { identity_address: identity, issuer_address: issuer, claim_id: claimId, claim_signature: signature, claim_data: data } =
    verification;
  if (!verification.valid || !identity || !issuer || !claimId || !signature || data == null) throw new NoKycClaimError(wallet);
  return kycClaimConditions({ issuer, identity, claimId, signature, data });
}

// ---- sharing ----

export interface AuditorShare {
  subject: string;
  /** ISO instant, in the future and at most 90 days ahead. */
  expiresAt: string;
  onChainConditions?: LitCondition[] | null;
}

/**
 * Shares a document with an auditor: the auditor's registered key is looked up (none: {@link NoAuditorKeyError}),
 * this browser's grant released and unwrapped, and the data key wrapped for the auditor's key and sent as an
 * auditor grant. A `stale-key` answer (the auditor made a new key meanwhile) is met by looking the key up again, once.
 */
export async function shareWithAuditor(
  api: Api,
  document: Pick<CaseDocument, 'id'>,
  privateKey: CryptoKey,
  share: AuditorShare,
): Promise<void> {
  const subject = share.subject.trim();
  const path = { document_id: document.id ?? '' };
  let recipient = await auditorKey(api, subject);
  const released = await unwrap(api.document.GET('/documents/{document_id}/key', { params: { path } }));
  let dataKey: CryptoKey;
  try {
    dataKey = await unwrapDataKey(released.wrapped_key ?? '', privateKey, true);
  } catch {
    throw new OpenFailure('This browser’s key cannot unwrap the document’s key: it was wrapped for another of your keys.');
  }
  const send = async (key: Recipient) => {
    const body: NewGrantInput = {
      party: 'auditor',
      subject,
      key_id: key.key_id ?? '',
      wrapped_key: await wrapDataKey(dataKey, key.public_key as unknown as PublicJwk),
      expires_at: share.expiresAt,
      // A free JSON value in the document (typed as Jackson's JsonNode there).
      ...(share.onChainConditions?.length
        ? { on_chain_conditions: share.onChainConditions as unknown as NewGrantInput['on_chain_conditions'] }
        : {}),
    };
    await unwrap(api.document.POST('/documents/{document_id}/grants', { params: { path }, body }));
  };
  try {
    await send(recipient);
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.slug === 'stale-key')) throw failure;
    recipient = await auditorKey(api, subject);
    await send(recipient);
  }
}

/** A shared document as `fetchAndOpen` takes it. */
export function sharedAsDocument(shared: SharedDocument): Pick<CaseDocument, 'id' | 'case_id' | 'requirement' | 'content_type'> {
  return { id: shared.document_id, case_id: shared.case_id, requirement: shared.requirement, content_type: shared.content_type };
}
