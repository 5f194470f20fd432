/**
 * The Users page joins, in the browser, what three services know about each user: the KYC cases
 * (compliance), the wallets (wallet-service, as Dfns lists them) and the members' emails (gateway);
 * identities are asked per user as the rows show.
 */
import type { KycCase, Member, OrgWallet } from './types';

export interface UserRow {
  userId: string;
  email: string | null;
  /** The user's newest case on this page. */
  latestCase: KycCase;
  /** How many of the page's cases are this user's. */
  caseCount: number;
  wallet: OrgWallet | null;
}

/** One row per user of the page's cases (cases come oldest first: the last one is the newest). */
export function userRows(cases: readonly KycCase[], wallets: readonly OrgWallet[], members: readonly Member[]): UserRow[] {
  const walletOf = new Map<string, OrgWallet>();
  for (const wallet of wallets) if (wallet.user_id) walletOf.set(wallet.user_id, wallet);
  const emailOf = new Map<string, string>();
  for (const member of members) if (member.user_id && member.email) emailOf.set(member.user_id, member.email);

  const rows = new Map<string, UserRow>();
  for (const kycCase of cases) {
    const userId = kycCase.user_id;
    if (!userId) continue;
    const existing = rows.get(userId);
    const newer = !existing || (kycCase.created_at ?? '') >= (existing.latestCase.created_at ?? '');
    rows.set(userId, {
      userId,
      email: emailOf.get(userId) ?? null,
      latestCase: newer ? kycCase : existing!.latestCase,
      caseCount: (existing?.caseCount ?? 0) + 1,
      wallet: walletOf.get(userId) ?? null,
    });
  }
  return [...rows.values()];
}

/**
 * What the wallet column says for a user: a wallet exists (Dfns lists only made wallets), or the user
 * is verified without one (pending, or failed: a retry tells which), or they are not verified yet.
 */
export function walletState(row: UserRow, walletsComplete: boolean): 'provisioned' | 'missing' | 'not-listed' | 'not-verified' {
  if (row.wallet) return 'provisioned';
  if (row.latestCase.status !== 'verified') return 'not-verified';
  return walletsComplete ? 'missing' : 'not-listed';
}
