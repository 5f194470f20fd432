// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Api } from '../../api/client';
import { parseConfig } from '../../config/config';
import { ConfigContext } from '../../config/ConfigContext';
import TransactionsPage from './TransactionsPage';
import type { Transfer } from './types';

const holder = vi.hoisted(() => ({ api: null as Api | null, onTransfer: null as (() => void) | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
vi.mock('../../notifications/NotificationsContext', () => ({
  useNotificationEvents: (_filter: string, handler: () => void) => {
    holder.onTransfer = handler;
  },
}));

const config = parseConfig({
  oidc: { authority: 'http://kc.test/realms/attest', client_id: 'attest-web' },
  persona: { client_options: {} },
  chain: { explorer_tx_url: 'https://scan.example/tx/{hash}' },
});

const OURS: Transfer = {
  transfer_id: 'b4c1f0e2-0000-4000-8000-000000000001',
  wallet_id: 'w-1',
  user_id: 'user-1',
  kind: 'native',
  to: '0x000000000000000000000000000000000000dEaD',
  amount: '1500000000000000000',
  status: 'confirmed',
  provider_transfer_id: 'xfr-1',
  tx_hash: '0xabcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789',
  created_at: '2026-12-06T10:00:00Z',
  sponsored: true,
  gas_cost: '63000000000000',
  user_op_hash: '0x1234560000000000000000000000000000000000000000000000000000009876',
};

/** Made with the same Dfns account outside Attest: none of our ids. */
const OUTSIDE: Transfer = {
  transfer_id: null as unknown as string,
  wallet_id: null as unknown as string,
  user_id: null as unknown as string,
  kind: 'erc20',
  to: '0x1111111111111111111111111111111111111111',
  amount: '42',
  contract: '0x2222222222222222222222222222222222222222',
  status: 'broadcasted',
  provider_transfer_id: 'xfr-2',
  created_at: '2026-12-06T11:00:00Z',
};

/** wallet-service's `GET /orgs/{org}/transactions`: one answer per page token. */
function transactionsService(pages: Record<string, { items: Transfer[]; next_page_token: string | null }>) {
  const asked: (string | null)[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    expect(url.pathname).toBe('/orgs/demo/transactions');
    const token = url.searchParams.get('page_token');
    asked.push(token);
    return Response.json(pages[token ?? 'start']);
  });
  holder.api = createApi({ accessToken: async () => 'token', projectId: () => null }, { baseUrl: 'http://attest.test', fetch: fetch as unknown as typeof globalThis.fetch });
  return asked;
}

function renderPage() {
  render(
    <ConfigContext.Provider value={config}>
      <MemoryRouter initialEntries={['/org/demo/transactions']}>
        <Routes>
          <Route path="/org/:org/transactions" element={<TransactionsPage />} />
        </Routes>
      </MemoryRouter>
    </ConfigContext.Provider>,
  );
}

afterEach(cleanup);

describe('the transactions page', () => {
  it('goes past empty pages of the Dfns walk, lists transfers made outside Attest, and loads more until the listing ends', async () => {
    const user = userEvent.setup();
    const asked = transactionsService({
      start: { items: [], next_page_token: 'p2' },
      p2: { items: [OURS], next_page_token: 'p3' },
      p3: { items: [OUTSIDE], next_page_token: null },
    });
    renderPage();

    const table = await screen.findByRole('table', { name: /^Transactions/ });
    expect(asked).toEqual([null, 'p2']);
    const ours = within(table).getByRole('row', { name: /user-1/ });
    expect(ours.textContent).toContain('1500000000000000000 wei (1.5 ETH)');
    expect(within(ours).getByRole('link', { name: '0xabcd…6789' }).getAttribute('href')).toBe(`https://scan.example/tx/${OURS.tx_hash}`);
    expect(ours.textContent).toContain('Sponsored');
    expect(ours.textContent).toContain('Gas paid by the sponsor: 0.000063 ETH');
    expect(within(ours).getByTitle(OURS.user_op_hash!).textContent).toBe('0x1234…9876');

    await user.click(screen.getByRole('button', { name: 'Load more transactions' }));
    const outside = await within(table).findByRole('row', { name: /made outside Attest/ });
    expect(outside.textContent).toContain('42 (smallest unit) of token');
    expect(outside.textContent).toContain('broadcasted');
    expect(outside.textContent).not.toContain('Sponsored');
    expect(asked).toEqual([null, 'p2', 'p3']);
    expect(screen.queryByRole('button', { name: 'Load more transactions' })).toBeNull();
    expect(screen.getByText(/in Dfns’s order/)).toBeTruthy();
    expect(screen.queryByText(/oldest first/)).toBeNull();
  });

  it('says so when the walk found nothing yet but goes on, and "No transfers yet" only when it is over', async () => {
    const user = userEvent.setup();
    transactionsService({
      start: { items: [], next_page_token: 'p2' },
      p2: { items: [], next_page_token: 'p3' },
      p3: { items: [], next_page_token: 'p4' },
      p4: { items: [], next_page_token: null },
    });
    renderPage();
    expect(await screen.findByText(/No transfers in the wallets looked through so far/)).toBeTruthy();
    expect(screen.queryByText('No transfers yet.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Load more transactions' }));
    expect(await screen.findByText('No transfers yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more transactions' })).toBeNull();
  });

  it('follows live changes while only the first load is shown, and once more was loaded says the list changed', async () => {
    const user = userEvent.setup();
    const asked = transactionsService({
      start: { items: [OURS], next_page_token: 'p2' },
      p2: { items: [OUTSIDE], next_page_token: null },
    });
    renderPage();
    await screen.findByRole('table', { name: /^Transactions/ });
    act(() => holder.onTransfer?.());
    await vi.waitFor(() => expect(asked).toEqual([null, null]));

    await user.click(await screen.findByRole('button', { name: 'Load more transactions' }));
    await screen.findByRole('row', { name: /made outside Attest/ });
    act(() => holder.onTransfer?.());
    const changed = await screen.findByRole('status');
    expect(changed.textContent).toContain('Transfers have changed since this list was loaded.');
    expect(asked).toEqual([null, null, 'p2']);
    await user.click(within(changed).getByRole('button', { name: 'Load the list again' }));
    await vi.waitFor(() => expect(asked).toEqual([null, null, 'p2', null]));
    await vi.waitFor(() => expect(screen.queryByRole('row', { name: /made outside Attest/ })).toBeNull());
  });
});
