import { unwrap } from '../../api/client';
import type { components } from '../../api/generated/identity-service';
import { ApiError } from '../../api/problem';
import { explorerUrl, type ConsoleConfig } from '../../config/config';
import type { Tone } from './kyc';

export type Identity = components['schemas']['IdentityView'];
export type Claim = components['schemas']['ClaimView'];
export type Verification = components['schemas']['Verification'];

/** The KYC claim's topic (identity-service's `claim-topics`, 1 by convention). */
export const KYC_TOPIC = 1;

/** The identity's claim of a topic (the KYC claim by default), or null. */
export function claimOf(identity: Identity | null | undefined, topic: number = KYC_TOPIC): Claim | null {
  return identity?.claims?.find((claim) => claim.topic === topic) ?? null;
}

export function identityStatusWords(status: string | null | undefined): { label: string; tone: Tone } {
  switch (status) {
    case 'creating':
      return { label: 'Being created on chain', tone: 'info' };
    case 'ready':
      return { label: 'Ready', tone: 'success' };
    case 'failed':
      return { label: 'Failed', tone: 'danger' };
    default:
      return { label: status ?? 'Unknown', tone: 'neutral' };
  }
}

export function claimStatusWords(status: string | null | undefined): { label: string; tone: Tone } {
  switch (status) {
    case 'issuing':
      return { label: 'Being issued', tone: 'info' };
    case 'issued':
      return { label: 'Issued', tone: 'success' };
    case 'revoking':
      return { label: 'Being revoked', tone: 'warning' };
    case 'revoked':
      return { label: 'Revoked', tone: 'danger' };
    case 'failed':
      return { label: 'Failed', tone: 'danger' };
    default:
      return { label: status ?? 'Unknown', tone: 'neutral' };
  }
}

/** Whether the identity or its KYC claim is still moving (worth looking again soon). */
export function identitySettled(identity: Identity | null | undefined): boolean {
  if (!identity) return false;
  if (identity.status === 'creating') return false;
  if (identity.status === 'failed') return true;
  const claim = claimOf(identity);
  return claim != null && claim.status !== 'issuing' && claim.status !== 'revoking';
}

/** The explorer page of a transaction, or null when the chain has none (the hash is shown as text). */
export function txLink(chain: ConsoleConfig['chain'], hash: string | null | undefined): string | null {
  return hash ? explorerUrl(chain, 'tx', hash) : null;
}

/** The data of a call, or null when it answers 404 (e.g. no identity yet: a state, not an error). */
export async function orNullWhenMissing<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | null> {
  try {
    return await unwrap(call);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
