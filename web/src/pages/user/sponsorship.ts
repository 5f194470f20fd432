/**
 * Gas sponsorship for the end user (issue 19): why sponsored gas is not available, and why a sponsored
 * transfer was refused, in words. The codes are the problems' slugs (wallet-service's `code`).
 */
import { ApiError } from '../../api/problem';
import type { MyWalletWithSponsorship } from '../../api/additions';

const SPONSORSHIP_WORDS: Record<string, string> = {
  'sponsorship-not-enabled': 'Your organization does not pay the gas of transfers in this project.',
  'kyc-not-verified': 'Your identity is not verified yet: finish your verification first.',
  'claim-not-valid': 'Your identity claim is not valid: it has not been issued yet, or it was revoked.',
  'sponsorship-recipient-not-allowed': 'Gas is not paid for transfers to this recipient. Send to another address, or pay the gas yourself.',
  'sponsorship-token-not-allowed': 'Gas is not paid for transfers of this asset. Send another asset, or pay the gas yourself.',
  'sponsorship-daily-cap-exceeded': 'You have used up today’s sponsored gas. Try again tomorrow (days are UTC days), or pay the gas yourself.',
  'sponsorship-budget-exhausted': 'Your organization’s gas budget for this month is used up. Pay the gas yourself, or try again next month.',
};

const PAYMASTER_REFUSED = 'The paymaster refused to pay the gas of this transfer';

/** A sponsorship code (`sponsorship-budget-exhausted`, …) in words; `detail` is the paymaster's own message of `sponsorship-refused`. */
export function sponsorshipWords(code: string | null | undefined, detail?: string | null): string {
  if (code === 'sponsorship-refused') return detail?.trim() ? `${PAYMASTER_REFUSED}: ${detail.trim()}` : `${PAYMASTER_REFUSED}.`;
  return (code && SPONSORSHIP_WORDS[code]) || 'Sponsored gas is not available right now.';
}

/** The sentence under the sponsorship option: null when sponsored gas is available. */
export function sponsorshipUnavailable(sponsorship: MyWalletWithSponsorship['sponsorship']): string | null {
  if (sponsorship?.available) return null;
  return sponsorshipWords(sponsorship?.reason);
}

/** Whether a failed call is one of the sponsorship refusals of `POST /wallets/{wallet_id}/transfers`. */
function isSponsorshipRefusal(error: unknown): error is ApiError {
  const code = error instanceof ApiError ? error.slug : null;
  return code !== null && (code === 'sponsorship-refused' || code in SPONSORSHIP_WORDS);
}

/**
 * A sponsorship refusal as an error whose message says what happened and what to do (ErrorMessage shows it);
 * any other error unchanged.
 */
export function explainSponsorshipRefusal(error: unknown): unknown {
  if (!isSponsorshipRefusal(error)) return error;
  return new Error(sponsorshipWords(error.slug, error.problem?.detail));
}
