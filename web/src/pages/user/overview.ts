import type { components } from '../../api/generated/wallet-service';
import { claimOf, type Identity } from './identity';
import type { MyKyc, Tone } from './kyc';

export type MyWallet = components['schemas']['MyWalletView'];

export interface NextStep {
  text: string;
  /** Where to act, with the link's words; none when there is nothing to do but wait. */
  to?: string;
  label?: string;
}

/**
 * The one thing the person should do (or wait for) next, from their KYC, wallet and identity; null while
 * the KYC status is not known.
 */
export function nextStepOf(
  kyc: MyKyc | undefined,
  wallet: MyWallet | undefined,
  identity: Identity | null | undefined,
): NextStep | null {
  if (!kyc) return null;
  switch (kyc.next_action) {
    case 'start':
      return { text: 'Verify your identity to receive your wallet.', to: '/kyc', label: 'Start verification' };
    case 'resume':
      return { text: 'Your verification is not finished yet.', to: '/kyc', label: 'Resume verification' };
    case 'wait':
      return { text: 'Your verification is being reviewed; you will be told the outcome here.', to: '/kyc', label: 'View status' };
    case 'contact_support':
      return { text: 'Your verification was rejected. Contact your organization’s support.', to: '/kyc', label: 'View status' };
    default:
  }
  if (kyc.kyc_status !== 'verified') return { text: kyc.kyc_message ?? 'Open your verification.', to: '/kyc', label: 'View status' };
  const walletStatus = wallet?.status;
  if (walletStatus === 'failed') {
    return { text: 'Your wallet could not be created. Support has been told.', to: '/wallet', label: 'Open your wallet' };
  }
  if (walletStatus !== 'provisioned') return { text: 'You are verified. Your wallet is being created…' };
  if (identity === undefined) return { text: 'Your wallet is ready.', to: '/wallet', label: 'Open your wallet' };
  const claim = claimOf(identity);
  if (identity === null || identity.status === 'creating' || claim?.status === 'issuing' || claim == null) {
    if (identity?.status === 'failed') {
      return { text: 'Your on-chain identity could not be created.', to: '/identity', label: 'Open your identity' };
    }
    return { text: 'Your wallet is ready. Your on-chain identity is being created…', to: '/wallet', label: 'Open your wallet' };
  }
  if (claim.status !== 'issued') {
    return { text: 'Your identity claim is not valid.', to: '/identity', label: 'Open your identity' };
  }
  return { text: 'All set: you are verified, with a wallet and an on-chain identity.', to: '/wallet', label: 'Make a transfer' };
}

export function walletStatusWords(status: string | null | undefined): { label: string; tone: Tone; text: string } {
  switch (status) {
    case 'none':
      return { label: 'No wallet yet', tone: 'neutral', text: 'Your wallet is created once your identity is verified.' };
    case 'pending':
      return { label: 'Being created', tone: 'info', text: 'Your wallet is being created. This takes a few seconds.' };
    case 'provisioned':
      return { label: 'Ready', tone: 'success', text: 'Your wallet is ready.' };
    case 'failed':
      return {
        label: 'Failed',
        tone: 'danger',
        text: 'Your wallet could not be created. Support has been told and can try again.',
      };
    default:
      return { label: status ?? 'Unknown', tone: 'neutral', text: '' };
  }
}
