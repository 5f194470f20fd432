import type { components } from '../../api/generated/compliance-service';

export type MyKyc = components['schemas']['MyKyc'];
export type KycCase = components['schemas']['CaseView'];
export type StartKycRequest = components['schemas']['StartKycRequest'];

/** The documents compliance-service accepts (`document_type`), with their names for people. */
export const DOCUMENT_TYPES = [
  { value: 'passport', label: 'Passport' },
  { value: 'id_card', label: 'National identity card' },
  { value: 'drivers_license', label: 'Driver’s license' },
  { value: 'residence_permit', label: 'Residence permit' },
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number]['value'];

export interface KycAction {
  /** start and resume open Persona's flow; view shows where the case stands. */
  kind: 'start' | 'resume' | 'view';
  label: 'Start verification' | 'Resume verification' | 'View status';
}

/** The button for `next_action` of `GET /compliance/kyc/me`. */
export function kycActionOf(nextAction: string | null | undefined): KycAction {
  switch (nextAction) {
    case 'start':
      return { kind: 'start', label: 'Start verification' };
    case 'resume':
      return { kind: 'resume', label: 'Resume verification' };
    default: // wait, none, contact_support
      return { kind: 'view', label: 'View status' };
  }
}

/** A KYC status for a person; `tone` only styles it, the words say it. */
export function kycStatusWords(status: string | null | undefined, caseId?: string | null): { label: string; tone: Tone } {
  switch (status) {
    case 'pending':
      return caseId == null ? { label: 'Not started', tone: 'neutral' } : { label: 'In progress', tone: 'info' };
    case 'review':
      return { label: 'In review', tone: 'info' };
    case 'verified':
      return { label: 'Verified', tone: 'success' };
    case 'rejected':
      return { label: 'Rejected', tone: 'danger' };
    default:
      return { label: status ?? 'Unknown', tone: 'neutral' };
  }
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** `POST /compliance/kyc`'s body: the caller's own subject, the chosen document, optional names. */
export function startRequest(
  userId: string,
  documentType: DocumentType,
  names: { first_name?: string; last_name?: string } = {},
): StartKycRequest {
  const personal = Object.fromEntries(
    Object.entries(names)
      .map(([key, value]) => [key, value?.trim() ?? ''])
      .filter(([, value]) => value !== ''),
  );
  return {
    user_id: userId,
    document_type: documentType,
    // personal_info is a free JSON object in the document (typed as Jackson's JsonNode there).
    ...(Object.keys(personal).length > 0 ? { personal_info: personal as StartKycRequest['personal_info'] } : {}),
  };
}

/** What the embedded flow reported when it ended, for the page to say. */
export type FlowOutcome = 'completed' | 'failed' | 'cancelled';

/** Persona's onComplete status ('completed' or 'failed'; 'approved'/'declined' for some templates). */
export function outcomeOf(status: string | null | undefined): FlowOutcome {
  return status === 'failed' || status === 'declined' ? 'failed' : 'completed';
}

/** The provider's embedded flow for a case: Persona's inquiry and session, or Sumsub's access token. */
export type ProviderSession =
  | { provider: 'persona'; inquiryId: string; sessionToken: string }
  | { provider: 'sumsub'; accessToken: string };

/**
 * The flow to open from a start answer (`POST /compliance/kyc`, `POST /compliance/kyb`), or null when there is
 * nothing to do at the provider (a case in review or decided). Without `provider` the answer is Persona's, as
 * before the second provider.
 */
export function sessionOf(answer: {
  provider?: string | null;
  session_token?: string | null;
  provider_reference?: string | null;
  persona_inquiry_id?: string | null;
  persona_session_token?: string | null;
}): ProviderSession | null {
  if (answer.provider === 'sumsub') {
    return answer.session_token ? { provider: 'sumsub', accessToken: answer.session_token } : null;
  }
  const inquiryId = answer.persona_inquiry_id ?? answer.provider_reference;
  const sessionToken = answer.persona_session_token ?? answer.session_token;
  return inquiryId && sessionToken ? { provider: 'persona', inquiryId, sessionToken } : null;
}
