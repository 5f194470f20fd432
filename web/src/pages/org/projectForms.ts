/** Projects and API keys: form checks and request bodies. */
import type { KycProviderName, NewProjectWithFallback, ProjectChangesWithFallback } from '../../api/additions';
import type { components } from '../../api/generated/gateway';
import { isKycProvider } from '../../kyc/providers';
import { ApiError } from '../../api/problem';
import type { FieldErrors } from './forms';
import { serverFieldErrors } from './load';

type NewProject = NewProjectWithFallback;
type ProjectChanges = ProjectChangesWithFallback;
type NewApiKey = components['schemas']['NewApiKey'];

/** The gateway's API-key scopes: an area, read (GET) or write. */
export const API_SCOPES = [
  ['kyc:read', 'KYC: read cases'],
  ['kyc:write', 'KYC: start verifications, record claims'],
  ['wallets:read', 'Wallets: read wallets and transfers'],
  ['wallets:write', 'Wallets: make transfers'],
  ['identities:read', 'Identities: read and verify'],
  ['identities:write', 'Identities: change'],
  ['notifications:read', 'Notifications: read'],
  ['notifications:write', 'Notifications: manage webhooks'],
] as const;

export interface ProjectForm {
  name: string;
  environment: 'sandbox' | 'production';
  /** The preferred provider; '' is the platform's default (only for a project that has none). */
  kyc_provider: '' | KycProviderName;
  /** Where new cases go while the preferred provider is unavailable; '' for none. */
  kyc_fallback_provider: '' | KycProviderName;
  wallet_network: string;
  capacity: string;
  refill_per_second: string;
}

export const WALLET_NETWORK = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function projectFormFrom(project?: {
  name?: string;
  environment?: string;
  kyc_provider?: string;
  kyc_fallback_provider?: string | null;
  wallet_network?: string;
  rate_limit?: { capacity?: number; refill_per_second?: number };
}): ProjectForm {
  return {
    name: project?.name ?? '',
    environment: project?.environment === 'production' ? 'production' : 'sandbox',
    kyc_provider: isKycProvider(project?.kyc_provider) ? project.kyc_provider : project ? '' : 'persona',
    kyc_fallback_provider: isKycProvider(project?.kyc_fallback_provider) ? project.kyc_fallback_provider : '',
    wallet_network: project?.wallet_network ?? 'ethereum-sepolia',
    capacity: project?.rate_limit?.capacity == null ? '' : String(project.rate_limit.capacity),
    refill_per_second: project?.rate_limit?.refill_per_second == null ? '' : String(project.rate_limit.refill_per_second),
  };
}

export function projectErrors(form: ProjectForm): FieldErrors<keyof ProjectForm> {
  const errors: FieldErrors<keyof ProjectForm> = {};
  const name = form.name.trim();
  if (!name) errors.name = 'Enter a name.';
  else if (name.length > 200) errors.name = 'At most 200 characters.';
  if (!WALLET_NETWORK.test(form.wallet_network.trim())) {
    errors.wallet_network = 'A network name in lower case, such as ethereum-sepolia.';
  }
  if (form.kyc_fallback_provider && form.kyc_fallback_provider === (form.kyc_provider || 'persona')) {
    errors.kyc_fallback_provider = 'The fallback must be another provider than the preferred one.';
  }
  const capacity = form.capacity.trim();
  const refill = form.refill_per_second.trim();
  if (capacity || refill) {
    const c = Number(capacity);
    const r = Number(refill);
    if (!capacity || !Number.isInteger(c) || c < 1 || c > 100_000) errors.capacity = 'A whole number from 1 to 100000.';
    if (!refill || !Number.isFinite(r) || r < 0.001 || r > 100_000) errors.refill_per_second = 'A number from 0.001 to 100000.';
  }
  return errors;
}

function rateLimit(form: ProjectForm) {
  const capacity = form.capacity.trim();
  const refill = form.refill_per_second.trim();
  return capacity && refill ? { capacity: Number(capacity), refill_per_second: Number(refill) } : undefined;
}

export function newProjectRequest(form: ProjectForm): NewProject {
  const limit = rateLimit(form);
  return {
    name: form.name.trim(),
    environment: form.environment,
    wallet_network: form.wallet_network.trim(),
    ...(form.kyc_provider ? { kyc_provider: form.kyc_provider } : {}),
    ...(form.kyc_fallback_provider ? { kyc_fallback_provider: form.kyc_fallback_provider } : {}),
    ...(limit ? { rate_limit: limit } : {}),
  };
}

/** The form shows the stored fallback, so it is always sent: `none` when there is none (the gateway removes it; absent keeps it). */
export function projectChanges(form: ProjectForm): ProjectChanges {
  const limit = rateLimit(form);
  return {
    name: form.name.trim(),
    wallet_network: form.wallet_network.trim(),
    ...(form.kyc_provider ? { kyc_provider: form.kyc_provider } : {}),
    kyc_fallback_provider: form.kyc_fallback_provider || 'none',
    ...(limit ? { rate_limit: limit } : {}),
  };
}

/** The gateway's field errors, and its refusal of a fallback equal to the preferred provider at the fallback's field. */
export function projectServerErrors(error: unknown): Record<string, string> {
  if (error instanceof ApiError && error.slug === 'kyc-fallback-same-provider') {
    return { kyc_fallback_provider: error.problem?.detail ?? 'The fallback must be another provider than the preferred one.' };
  }
  return serverFieldErrors(error);
}

export interface KeyForm {
  name: string;
  scopes: string[];
  /** `YYYY-MM-DD`, or empty for a key that does not expire. */
  expires_on: string;
}

export function keyErrors(form: KeyForm, today: Date = new Date()): FieldErrors<keyof KeyForm> {
  const errors: FieldErrors<keyof KeyForm> = {};
  const name = form.name.trim();
  if (!name) errors.name = 'Enter a name, e.g. the app or server that uses the key.';
  else if (name.length > 200) errors.name = 'At most 200 characters.';
  if (form.scopes.length === 0) errors.scopes = 'Choose at least one scope.';
  if (form.expires_on) {
    const at = Date.parse(`${form.expires_on}T23:59:59Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.expires_on) || Number.isNaN(at)) errors.expires_on = 'Enter a date.';
    else if (at <= today.getTime()) errors.expires_on = 'The expiry must be in the future.';
  }
  return errors;
}

/** The key expires at the end of the chosen day (UTC). */
export function newKeyRequest(form: KeyForm): NewApiKey {
  return {
    name: form.name.trim(),
    scopes: [...form.scopes],
    ...(form.expires_on ? { expires_at: `${form.expires_on}T23:59:59Z` } : {}),
  };
}

/** A key's state in words: revoked, expired or active. */
export function keyState(key: { revoked_at?: string | null; expires_at?: string | null }, now: Date = new Date()): 'revoked' | 'expired' | 'active' {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && Date.parse(key.expires_at) <= now.getTime()) return 'expired';
  return 'active';
}
