// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Api } from '../../api/client';
import IntegrationsPage from './IntegrationsPage';
import type { DfnsSettings, SpendingPolicy } from './types';

const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

const PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJosc+zEDOfvO24f8ROXmoPzK7dveef6P8F1l69iqXJP\n-----END PRIVATE KEY-----';

const STORED: DfnsSettings = {
  api_base_url: 'https://api.dfns.io',
  token: '********',
  credential_id: 'cr-1',
  private_key: '********',
  default_network: 'EthereumSepolia',
  per_transfer_limit: '1000',
  updated_at: '2026-12-06T09:00:00Z',
};

/** The policy as it stands now: changed on the policy page after the integrations page loaded. */
const POLICY_NOW: SpendingPolicy = { per_transfer_limit: '7000', daily_limit: '9000', daily_count_limit: 3, token_limits: [], updated_at: '2026-12-06T10:00:00Z' };

function refused(detail: string) {
  return new Response(JSON.stringify({ type: 'https://attest.dev/problems/api-base-url-refused', title: 'Bad Request', status: 400, detail }), {
    status: 400,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** wallet-service's Dfns settings and policy, compliance-service's Persona settings. */
function services(answerPut: (body: Record<string, unknown>) => Response) {
  const puts: Record<string, unknown>[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/orgs/demo/integrations/persona') return Response.json({ source: 'none', environment: 'sandbox', webhook_secrets: [] });
    if (path === '/orgs/demo/integrations/sumsub') return Response.json({ source: 'none', webhook_secrets: [] });
    if (path === '/orgs/demo/spending-policy') return Response.json(POLICY_NOW);
    expect(path).toBe('/orgs/demo/integrations/dfns');
    if (request.method === 'GET') return Response.json(STORED);
    const body = (await request.json()) as Record<string, unknown>;
    puts.push(body);
    return answerPut(body);
  });
  holder.api = createApi({ accessToken: async () => 'token', projectId: () => null }, { baseUrl: 'http://attest.test', fetch: fetch as unknown as typeof globalThis.fetch });
  return puts;
}

afterEach(cleanup);

describe('the Dfns settings', () => {
  it('shows a refused API base URL at its field, and sends the spending policy’s native limits as they stand now', async () => {
    const user = userEvent.setup();
    const puts = services((body) =>
      body.api_base_url === 'http://10.0.0.5'
        ? refused("api_base_url: The URL's host 10.0.0.5 resolves to a private address; requests are not sent there.")
        : Response.json({ ...STORED, ...body, token: '********', private_key: '********' }),
    );
    render(
      <MemoryRouter initialEntries={['/org/demo/integrations']}>
        <Routes>
          <Route path="/org/:org/integrations" element={<IntegrationsPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const form = await screen.findByRole('form', { name: 'Dfns settings' });
    const url = within(form).getByRole('textbox', { name: 'API base URL' });
    await user.clear(url);
    await user.type(url, 'http://10.0.0.5');
    await user.type(within(form).getByLabelText(/^Service account token/), 'eyJ.token');
    await user.click(within(form).getByRole('textbox', { name: 'Private key (PEM)' }));
    await user.paste(PEM);
    await user.click(within(form).getByRole('button', { name: 'Save Dfns settings' }));

    await within(form).findByRole('alert');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    const described = (url.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain("The URL's host 10.0.0.5 resolves to a private address; requests are not sent there.");
    expect(puts[0]).toMatchObject({ api_base_url: 'http://10.0.0.5', per_transfer_limit: '7000', daily_limit: '9000' });
    expect(puts[0]).not.toHaveProperty('daily_count_limit');

    // Corrected, it saves; the field's error goes as soon as it is edited.
    await user.clear(url);
    expect(url.getAttribute('aria-invalid')).toBeNull();
    await user.type(url, 'https://api.dfns.io');
    await user.click(within(form).getByRole('button', { name: 'Save Dfns settings' }));
    expect(await within(form).findByText(/Dfns settings saved/)).toBeTruthy();
    expect(puts[1]).toMatchObject({ api_base_url: 'https://api.dfns.io', token: 'eyJ.token', per_transfer_limit: '7000', daily_limit: '9000' });
  });
});

describe('the Persona settings’ required steps', () => {
  it('shows the stored steps, checks them as the service does, and saves them with the rest', async () => {
    const user = userEvent.setup();
    const puts: Record<string, unknown>[] = [];
    const stored = { source: 'organization', inquiry_template_id: 'itmpl_demo', environment: 'sandbox', webhook_secrets: [], required_steps: ['government-id', 'bank-account'] };
    const fetch = vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/orgs/demo/integrations/dfns') return Response.json({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404 });
      if (path === '/orgs/demo/integrations/sumsub') return Response.json({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404 });
      expect(path).toBe('/orgs/demo/integrations/persona');
      if (request.method === 'GET') return Response.json({ ...stored, api_key: '****1234' });
      const body = (await request.json()) as Record<string, unknown>;
      puts.push(body);
      return Response.json({ ...stored, api_key: '****1234', required_steps: body.required_steps });
    });
    holder.api = createApi({ accessToken: async () => 'token', projectId: () => null }, { baseUrl: 'http://attest.test', fetch: fetch as unknown as typeof globalThis.fetch });
    render(
      <MemoryRouter initialEntries={['/org/demo/integrations']}>
        <Routes>
          <Route path="/org/:org/integrations" element={<IntegrationsPage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByText('Government ID, Bank account')).toBeTruthy();
    const form = await screen.findByRole('form', { name: 'Persona settings' });
    const steps = within(form).getByRole('group', { name: 'Required verification steps' });
    expect((within(steps).getByRole('checkbox', { name: /Government ID/ }) as HTMLInputElement).checked).toBe(true);
    const others = within(steps).getByRole('textbox', { name: 'Other required steps' }) as HTMLInputElement;
    expect(others.value).toBe('bank-account');

    await user.click(within(steps).getByRole('checkbox', { name: /Database check/ }));
    await user.type(others, ', Selfie');
    await user.click(within(form).getByRole('button', { name: 'Save Persona settings' }));
    expect(others.getAttribute('aria-invalid')).toBe('true');
    expect(within(steps).getByText(/“Selfie” is not a step kind/)).toBeTruthy();
    expect(puts).toHaveLength(0);

    await user.clear(others);
    await user.type(others, 'bank-account');
    await user.click(within(form).getByRole('button', { name: 'Save Persona settings' }));
    expect(await within(form).findByText(/Persona settings saved/)).toBeTruthy();
    expect(puts[0]).toMatchObject({ inquiry_template_id: 'itmpl_demo', required_steps: ['government-id', 'database', 'bank-account'] });
    expect(puts[0]).not.toHaveProperty('api_key');
  });
});
