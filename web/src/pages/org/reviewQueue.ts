/** The review queue's filter and page, kept in the address (`?status=review&page=2`). */

export const CASE_STATUSES = [
  ['review', 'In review (waiting for a decision)'],
  ['pending', 'Pending (the person is verifying)'],
  ['verified', 'Verified'],
  ['rejected', 'Rejected'],
  ['', 'All statuses'],
] as const;

export type CaseStatusFilter = (typeof CASE_STATUSES)[number][0];

/** The `?status=` of the page: a case status, `all`, or (absent or unknown) `review`. */
export function parseStatus(value: string | null): CaseStatusFilter {
  if (value === 'all') return '';
  return value !== '' && CASE_STATUSES.some(([status]) => status === value) ? (value as CaseStatusFilter) : 'review';
}

export function parsePage(value: string | null): number {
  const page = Number.parseInt(value ?? '0', 10);
  return Number.isFinite(page) && page > 0 ? page : 0;
}

/**
 * Reason codes a reviewer picks (the reason travels in events, so it is a code, never words about the
 * person); "other" lets them type another code.
 */
export const DECISION_REASONS = {
  approve: [
    ['documents_verified', 'Documents checked and genuine'],
    ['identity_confirmed', 'Identity confirmed by a reviewer'],
    ['false_positive', 'The automatic flag was a false positive'],
  ],
  decline: [
    ['document_invalid', 'Document not valid or unreadable'],
    ['document_expired', 'Document expired'],
    ['identity_mismatch', 'Person does not match the document'],
    ['suspected_fraud', 'Suspected fraud'],
    ['sanctions_match', 'Matches a sanctions or watch list'],
    ['underage', 'Under the minimum age'],
  ],
} as const satisfies Record<'approve' | 'decline', readonly (readonly [string, string])[]>;

export type Decision = keyof typeof DECISION_REASONS;

/** The code to send for a choice in the reason list (`other` → the typed code), or a message saying what is wrong. */
export function decisionReason(choice: string, other: string): { code: string } | { error: string } {
  if (!choice) return { error: 'Choose a reason.' };
  const code = choice === 'other' ? other.trim() : choice;
  if (!code) return { error: 'Enter a reason code.' };
  if (!/^[a-z0-9_.-]{1,64}$/.test(code)) {
    return { error: 'A reason code has up to 64 lower-case letters, digits, dots, dashes or underscores, e.g. address_unverified.' };
  }
  return { code };
}
