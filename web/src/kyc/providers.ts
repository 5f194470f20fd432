/**
 * The KYC providers in words (issue 21): their names, why a case fell back to the second provider, and the
 * one line that says so on a case.
 */
import type { KycProviderName } from '../api/additions';

export const KYC_PROVIDERS = [
  ['persona', 'Persona'],
  ['sumsub', 'Sumsub'],
] as const satisfies readonly (readonly [KycProviderName, string])[];

/** `persona` → "Persona", `sumsub` → "Sumsub"; an unknown provider as it is sent; none → "the provider". */
export function providerLabel(provider: string | null | undefined): string {
  if (!provider) return 'the provider';
  return KYC_PROVIDERS.find(([name]) => name === provider)?.[1] ?? provider;
}

export function isKycProvider(value: unknown): value is KycProviderName {
  return value === 'persona' || value === 'sumsub';
}

const FALLBACK_REASONS: Record<string, string> = {
  'circuit-open': 'it was failing (circuit open)',
  'credentials-refused': 'it refused the organization’s credentials',
  'rate-limited': 'it was limiting requests',
  'not-configured': 'it is not set up for the organization',
  unreachable: 'the connection to it was refused',
};

/** Why the preferred provider was passed over: `circuit-open` → "it was failing (circuit open)". */
export function fallbackReasonWords(reason: string | null | undefined): string {
  if (!reason) return 'it was unavailable';
  return FALLBACK_REASONS[reason] ?? `it was unavailable (${reason.replace(/[_-]/g, ' ')})`;
}

/**
 * The line a case shows when it fell back: "Opened at Sumsub because Persona was unavailable: it was failing
 * (circuit open)." Null when the case was opened at its preferred provider.
 */
export function fallbackLine(kycCase: {
  provider?: string | null;
  fallback_from?: string | null;
  fallback_reason?: string | null;
}): string | null {
  if (!kycCase.fallback_from) return null;
  return `Opened at ${providerLabel(kycCase.provider)} because ${providerLabel(kycCase.fallback_from)} was unavailable: ${fallbackReasonWords(
    kycCase.fallback_reason,
  )}.`;
}

/** The provider's reference for a case, named as the provider names it. */
export function providerReferenceLabel(provider: string | null | undefined): string {
  switch (provider) {
    case 'sumsub':
      return 'Sumsub applicant';
    case 'persona':
    case null:
    case undefined:
      return 'Persona inquiry';
    default:
      return `${providerLabel(provider)} reference`;
  }
}
