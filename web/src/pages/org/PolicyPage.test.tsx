// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Api } from '../../api/client';
import PolicyPage from './PolicyPage';
import type { SpendingPolicy } from './types';

const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const DAI = '0x6B175474E89094C44Da98b954EedeAC495271d0F';

const STORED: SpendingPolicy = {
  per_transfer_limit: '1000000000000000000',
  daily_limit: '5000000000000000000',
  approval_threshold: null as unknown as string,
  daily_count_limit: 20,
  token_limits: [{ contract: USDC, decimals: 6, per_transfer_limit: '1000000000', daily_limit: null as unknown as string, approval_threshold: '250000000' }],
  updated_at: '2026-12-06T10:00:00Z',
  updated_by: 'admin-1',
};

/** wallet-service's spending policy endpoint, as the page sees it through the typed client. */
function policyService(answerPut?: (body: Record<string, unknown>) => Response) {
  const puts: Record<string, unknown>[] = [];
  const fetch = vi.fn(async (request: Request) => {
    expect(new URL(request.url).pathname).toBe('/orgs/demo/spending-policy');
    if (request.method === 'GET') return Response.json(STORED);
    const body = (await request.json()) as Record<string, unknown>;
    puts.push(body);
    if (answerPut) return answerPut(body);
    return Response.json({ ...body, token_limits: body.token_limits, updated_at: '2026-12-06T11:00:00Z', updated_by: 'admin-1' });
  });
  holder.api = createApi({ accessToken: async () => 'token', projectId: () => null }, { baseUrl: 'http://attest.test', fetch: fetch as unknown as typeof globalThis.fetch });
  return { puts, fetch };
}

/** An input by its accessible name (a required one's label has a mark hidden from it). */
function field(form: HTMLElement, name: string): HTMLInputElement {
  return within(form).getByRole('textbox', { name }) as HTMLInputElement;
}

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/org/demo/policy']}>
      <Routes>
        <Route path="/org/:org/policy" element={<PolicyPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  holder.api = null;
});
afterEach(cleanup);

describe('the spending policy page', () => {
  it('shows the whole stored policy, and a save sends all of it back: changing the count keeps the token limits', async () => {
    const user = userEvent.setup();
    const { puts } = policyService();
    renderPage();

    const current = await screen.findByRole('region', { name: 'Current policy' });
    expect(current.textContent).toContain('1000000000000000000 wei (1 ETH)');
    expect(current.textContent).toContain('20 (any asset)');
    const stored = within(current).getByRole('table', { name: 'Token limits' });
    expect(within(stored).getByRole('row', { name: new RegExp(USDC) }).textContent).toContain('1000000000 (1000 tokens)');
    expect(stored.textContent).toContain('250000000 (250 tokens)');

    const form = screen.getByRole('form', { name: 'Spending policy' });
    expect(field(form, 'Token 1: contract')).toHaveProperty('value', USDC);
    expect(field(form, 'Token 1: decimals')).toHaveProperty('value', '6');
    const count = field(form, 'Transfers per user per day');
    await user.clear(count);
    await user.type(count, '5');
    await user.click(within(form).getByRole('button', { name: 'Save policy' }));

    expect(await screen.findByText(/Spending policy saved/)).toBeTruthy();
    expect(puts).toEqual([
      {
        per_transfer_limit: '1000000000000000000',
        daily_limit: '5000000000000000000',
        daily_count_limit: 5,
        token_limits: [{ contract: USDC, decimals: 6, per_transfer_limit: '1000000000', approval_threshold: '250000000' }],
      },
    ]);
  });

  it('adds and removes tokens, checks each row before sending, and shows amounts in whole tokens', async () => {
    const user = userEvent.setup();
    const { puts } = policyService();
    renderPage();
    const form = await screen.findByRole('form', { name: 'Spending policy' });

    await user.click(within(form).getByRole('button', { name: 'Add a token' }));
    const contract = field(form, 'Token 2: contract');
    expect(document.activeElement).toBe(contract);
    await user.type(contract, '0x1234');
    await user.type(field(form, 'Token 2: per-transfer limit'), '1500000000000000000');
    expect(within(form).getByText('= 1.5 tokens')).toBeTruthy(); // 18 decimals unless stated otherwise
    await user.click(within(form).getByRole('button', { name: 'Save policy' }));
    expect(within(form).getByText('A contract address: 0x and 40 hexadecimal digits.')).toBeTruthy();
    expect(field(form, 'Token 2: contract').getAttribute('aria-invalid')).toBe('true');
    expect(puts).toEqual([]);

    await user.clear(field(form, 'Token 2: contract'));
    await user.type(field(form, 'Token 2: contract'), DAI);
    const decimals = field(form, 'Token 2: decimals');
    await user.clear(decimals);
    await user.type(decimals, '6');
    expect(within(form).getByText('= 1500000000000 tokens')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Remove token 1' }));
    expect(field(form, 'Token 1: contract')).toHaveProperty('value', DAI);
    await user.click(within(form).getByRole('button', { name: 'Save policy' }));

    await screen.findByText(/Spending policy saved/);
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ daily_count_limit: 20, token_limits: [{ contract: DAI, decimals: 6, per_transfer_limit: '1500000000000000000' }] });
  });

  it('flags the mixed-case address when the service says its checksum is wrong, and changes nothing else', async () => {
    const user = userEvent.setup();
    const { puts } = policyService(
      () =>
        new Response(
          JSON.stringify({
            type: 'https://attest.dev/problems/invalid-address',
            title: 'Bad Request',
            status: 400,
            detail: `token_limits: ${DAI} is not a valid contract address.`,
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    );
    renderPage();
    const form = await screen.findByRole('form', { name: 'Spending policy' });
    await user.click(within(form).getByRole('button', { name: 'Add a token' }));
    await user.type(field(form, 'Token 2: contract'), DAI);
    await user.click(within(form).getByRole('button', { name: 'Save policy' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Could not save the spending policy');
    expect(alert.textContent).toContain(`${DAI} is not a valid contract address.`);
    expect(within(form).getByText(/not a valid EIP-55 checksum/)).toBeTruthy();
    expect(field(form, 'Token 1: contract').getAttribute('aria-invalid')).toBeNull();
    expect(puts).toHaveLength(1);
    // The stored policy is still what is shown.
    expect(screen.getByRole('region', { name: 'Current policy' }).textContent).toContain('20 (any asset)');
  });
});
