/**
 * The organization's transactions as wallet-service lists them from Dfns: wallet by wallet, each wallet's
 * transfers in Dfns's order, paged with an opaque `next_page_token`. A page asks Dfns a bounded number of
 * times, so it can hold fewer transfers than asked, even none, while more follow: only a null token ends the
 * listing.
 */
import type { Transfer } from './types';

/** What the page shows: the transfers loaded so far, and where the listing goes on (null: it is over). */
export interface LoadedTransfers {
  items: Transfer[];
  next: string | null;
}

/** Pages one load asks for at most while they come back empty (each one costs Dfns calls). */
export const MAX_PAGES_PER_LOAD = 3;

/**
 * Loads from `token` (null: the start) until at least one transfer is found, the listing ends, or
 * {@link MAX_PAGES_PER_LOAD} pages were asked for.
 */
export async function loadTransfers(
  token: string | null,
  page: (token: string | null) => Promise<{ items?: Transfer[] | null; next_page_token?: string | null }>,
): Promise<LoadedTransfers> {
  const items: Transfer[] = [];
  let next = token;
  for (let asked = 0; asked < MAX_PAGES_PER_LOAD; asked++) {
    const answer = await page(next);
    items.push(...(answer.items ?? []));
    next = answer.next_page_token ?? null;
    if (items.length > 0 || next === null) break;
  }
  return { items, next };
}

/** A row's key: Dfns's id (a transfer made outside Attest has no id of ours). */
export function transferKey(transfer: Transfer): string {
  return transfer.provider_transfer_id ?? transfer.transfer_id ?? `${transfer.wallet_id}:${transfer.created_at}:${transfer.to}:${transfer.amount}`;
}

/** `more` after `loaded`; a transfer already shown (Dfns's listing moved meanwhile) is not repeated. */
export function appendTransfers(loaded: LoadedTransfers, more: LoadedTransfers): LoadedTransfers {
  const seen = new Set(loaded.items.map(transferKey));
  return { items: [...loaded.items, ...more.items.filter((t) => !seen.has(transferKey(t)))], next: more.next };
}
