// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MyWalletWithSponsorship } from '../../api/additions';
import type { Api } from '../../api/client';
import { parseConfig } from '../../config/config';
import { ConfigContext } from '../../config/ConfigContext';
import { testApi } from '../../test/fixtures';
import WalletPage from './WalletPage';

const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
vi.mock('../../notifications/NotificationsContext', () => ({ useNotificationEvents: () => undefined }));

const SMART_ACCOUNT = '0x2222222222222222222222222222222222222222';
const RECIPIENT = '0x000000000000000000000000000000000000dEaD';
const USER_OP = '0x8f1c2a4b6d0e9f7a5c3b1d2e4f6a8b0c9d7e5f3a1b2c4d6e8f0a9b7c5d3e1f2a';

const WALLET: MyWalletWithSponsorship = {
  status: 'provisioned',
  wallet_id: 'w1',
  network: 'EthereumSepolia',
  address: '0x3333333333333333333333333333333333333333',
  smart_account: { address: SMART_ACCOUNT, deployed: false },
  sponsorship: { available: true, reason: null },
};

/** wallet-service for the person: their wallet, its assets and transfers; `send` answers a new transfer. */
function walletService(wallet: MyWalletWithSponsorship, send: (body: Record<string, unknown>) => Response = () => Response.json({})) {
  const sent: Record<string, unknown>[] = [];
  holder.api = testApi(async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/wallets/me') return Response.json(wallet);
    if (path === '/wallets/w1/assets') return Response.json({ assets: [{ kind: 'native', symbol: 'ETH', decimals: 18, balance: '0' }] });
    if (request.method === 'GET' && path === '/wallets/w1/transfers') {
      return Response.json({
        items: [
          { transfer_id: 't1', kind: 'native', to: RECIPIENT, amount: '1', status: 'confirmed', sponsored: true, gas_cost: '42000000000000', user_op_hash: USER_OP },
        ],
      });
    }
    expect(`${request.method} ${path}`).toBe('POST /wallets/w1/transfers');
    const body = (await request.json()) as Record<string, unknown>;
    sent.push(body);
    return send(body);
  });
  return sent;
}

function renderPage() {
  render(
    <MemoryRouter>
      <ConfigContext.Provider value={parseConfig({ oidc: { authority: 'http://kc.test/realms/attest', client_id: 'attest-web' } })}>
        <WalletPage />
      </ConfigContext.Provider>
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('the wallet page with gas sponsorship', () => {
  it('shows the smart account, sends a sponsored transfer, and marks sponsored transfers in the history', async () => {
    const user = userEvent.setup();
    const sent = walletService(WALLET, () => Response.json({ transfer_id: 't2', kind: 'native', to: RECIPIENT, amount: '1', status: 'requested', sponsored: true }));
    renderPage();

    const account = await screen.findByRole('region', { name: 'Your smart account' });
    expect(account.textContent).toContain(SMART_ACCOUNT);
    expect(account.textContent).toContain('Not deployed yet');
    expect(account.textContent).toContain('move without gas');
    expect(within(account).getByRole('button', { name: 'Copy smart account address' })).toBeTruthy();

    const history = await screen.findByRole('table');
    const row = await within(history).findByRole('row', { name: /Sponsored/ });
    expect(row.textContent).toContain('Gas paid by the sponsor: 0.000042 ETH');

    const form = screen.getByRole('region', { name: 'Send a transfer' });
    await user.type(within(form).getByRole('textbox', { name: /Recipient address/ }), RECIPIENT);
    await user.type(within(form).getByRole('textbox', { name: /Amount/ }), '0.5');
    await user.click(within(form).getByRole('checkbox', { name: 'Pay gas with sponsorship' }));
    await user.click(within(form).getByRole('button', { name: 'Send transfer' }));
    expect(await screen.findByRole('region', { name: 'Your transfer' })).toBeTruthy();
    expect(sent).toEqual([{ kind: 'native', to: RECIPIENT, amount: '500000000000000000', sponsored: true }]);
  });

  it('says why a sponsored transfer was refused', async () => {
    const user = userEvent.setup();
    walletService(WALLET, () =>
      Response.json(
        { type: 'https://attest.dev/problems/sponsorship-recipient-not-allowed', title: 'Refused', status: 422, detail: 'recipient not allowed' },
        { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    renderPage();
    const form = await screen.findByRole('region', { name: 'Send a transfer' });
    await user.type(within(form).getByRole('textbox', { name: /Recipient address/ }), RECIPIENT);
    await user.type(within(form).getByRole('textbox', { name: /Amount/ }), '1');
    await user.click(within(form).getByRole('checkbox', { name: 'Pay gas with sponsorship' }));
    await user.click(within(form).getByRole('button', { name: 'Send transfer' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Gas is not paid for transfers to this recipient.');
  });

  it('disables the option with the reason while sponsored gas is not available', async () => {
    walletService({ ...WALLET, sponsorship: { available: false, reason: 'sponsorship-budget-exhausted' } });
    renderPage();
    const form = await screen.findByRole('region', { name: 'Send a transfer' });
    const option = within(form).getByRole('checkbox', { name: 'Pay gas with sponsorship' }) as HTMLInputElement;
    expect(option.disabled).toBe(true);
    expect(option.getAttribute('aria-describedby') && document.getElementById(option.getAttribute('aria-describedby')!)?.textContent).toContain(
      'gas budget for this month is used up',
    );
    expect(screen.getByRole('region', { name: 'Your smart account' }).textContent).toContain('Not available');
  });

  it('has no smart account nor sponsorship option until the account is derived', async () => {
    walletService({ ...WALLET, smart_account: null });
    renderPage();
    const form = await screen.findByRole('region', { name: 'Send a transfer' });
    expect(within(form).queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Your smart account' })).toBeNull();
  });
});
