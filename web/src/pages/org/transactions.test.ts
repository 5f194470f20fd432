import { describe, expect, it, vi } from 'vitest';
import { appendTransfers, loadTransfers, MAX_PAGES_PER_LOAD, transferKey } from './transactions';
import type { Transfer } from './types';

function transfer(id: string, overrides: Partial<Transfer> = {}): Transfer {
  return { provider_transfer_id: id, kind: 'native', to: '0x000000000000000000000000000000000000dEaD', amount: '1', status: 'confirmed', ...overrides };
}

describe('the organization’s transactions from Dfns', () => {
  it('goes on past empty pages while the listing goes on, and stops at the first transfers found', async () => {
    const pages: Record<string, { items: Transfer[]; next_page_token: string | null }> = {
      start: { items: [], next_page_token: 'w2' },
      w2: { items: [transfer('tr-1'), transfer('tr-2')], next_page_token: 'w3' },
      w3: { items: [transfer('tr-3')], next_page_token: null },
    };
    const page = vi.fn(async (token: string | null) => pages[token ?? 'start']!);
    expect(await loadTransfers(null, page)).toEqual({ items: [transfer('tr-1'), transfer('tr-2')], next: 'w3' });
    expect(page.mock.calls.map(([token]) => token)).toEqual([null, 'w2']);
    expect(await loadTransfers('w3', page)).toEqual({ items: [transfer('tr-3')], next: null });
  });

  it('asks for a bounded number of empty pages, and keeps the token to go on from', async () => {
    let n = 0;
    const page = vi.fn(async () => ({ items: [], next_page_token: `p${++n}` }));
    expect(await loadTransfers(null, page)).toEqual({ items: [], next: `p${MAX_PAGES_PER_LOAD}` });
    expect(page).toHaveBeenCalledTimes(MAX_PAGES_PER_LOAD);
  });

  it('ends with the listing: no more after a null token, also on an empty page', async () => {
    expect(await loadTransfers(null, async () => ({ items: [], next_page_token: null }))).toEqual({ items: [], next: null });
    expect(await loadTransfers(null, async () => ({}))).toEqual({ items: [], next: null });
  });

  it('keys a row by Dfns’s id: a transfer made outside Attest has none of ours', () => {
    const outside = transfer('tr-9', { transfer_id: null as unknown as string, user_id: null as unknown as string, wallet_id: null as unknown as string });
    expect(transferKey(outside)).toBe('tr-9');
    expect(transferKey(transfer('tr-1', { transfer_id: 'ours-1' }))).toBe('tr-1');
  });

  it('appends what was loaded more, without repeating a transfer already shown', () => {
    const loaded = { items: [transfer('tr-1'), transfer('tr-2')], next: 'a' };
    expect(appendTransfers(loaded, { items: [transfer('tr-2'), transfer('tr-3')], next: null })).toEqual({
      items: [transfer('tr-1'), transfer('tr-2'), transfer('tr-3')],
      next: null,
    });
  });
});
