// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { testApi } from '../../test/fixtures';
import { SumsubSection } from './SumsubSection';

const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

const STORED = {
  app_token: '****abcd',
  secret_key: '****',
  level_name: 'basic-kyc-level',
  kyb_level_name: null,
  webhook_secrets: ['****wxyz'],
  digest_alg: 'HMAC_SHA256_HEX',
  required_steps: ['government-id'],
  source: 'organization',
};

function service(stored: object | null, report: object = {}) {
  const puts: Record<string, unknown>[] = [];
  holder.api = testApi(async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/orgs/demo/integrations/sumsub/test') return Response.json(report);
    expect(path).toBe('/orgs/demo/integrations/sumsub');
    if (request.method === 'GET') {
      return stored ? Response.json(stored) : Response.json({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404 });
    }
    const body = (await request.json()) as Record<string, unknown>;
    puts.push(body);
    return Response.json({ ...STORED, ...body, app_token: '****9999', secret_key: '****' });
  });
  return puts;
}

afterEach(cleanup);

describe('the Sumsub settings', () => {
  it('shows the stored settings masked, and a save keeps the secrets left empty', async () => {
    const user = userEvent.setup();
    const puts = service(STORED);
    render(<SumsubSection org="demo" />);
    const section = await screen.findByRole('region', { name: 'Sumsub (identity and business verification)' });
    expect(await within(section).findByText('****abcd')).toBeTruthy();
    expect(within(section).getByText('Stored for this organization.')).toBeTruthy();
    expect(within(section.querySelector('dl')!).getByText('HMAC SHA-256 (Sumsub’s default)')).toBeTruthy();

    const form = within(section).getByRole('form', { name: 'Sumsub settings' });
    expect((within(form).getByLabelText(/^App token/) as HTMLInputElement).value).toBe('');
    await user.type(within(form).getByRole('textbox', { name: /Business \(KYB\) level name/ }), 'kyb-level');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Webhook digest' }), 'HMAC_SHA512_HEX');
    await user.click(within(form).getByRole('checkbox', { name: /Proof of address/ }));
    await user.click(within(form).getByRole('button', { name: 'Save Sumsub settings' }));
    expect(await within(form).findByText(/Sumsub settings saved/)).toBeTruthy();
    expect(puts[0]).toEqual({
      level_name: 'basic-kyc-level',
      kyb_level_name: 'kyb-level',
      digest_alg: 'HMAC_SHA512_HEX',
      required_steps: ['government-id', 'document'],
    });
  });

  it('asks for the app token and secret key when nothing is stored', async () => {
    const user = userEvent.setup();
    const puts = service({ app_token: null, secret_key: null, level_name: null, webhook_secrets: [], digest_alg: null, required_steps: [], source: 'none' });
    render(<SumsubSection org="demo" />);
    const form = await screen.findByRole('form', { name: 'Sumsub settings' });
    expect(screen.getByText(/Sumsub is not set up for this organization yet/)).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Save Sumsub settings' }));
    expect(within(form).getByText('Enter the Sumsub app token.')).toBeTruthy();
    expect(within(form).getByText('Enter the secret key that goes with the app token.')).toBeTruthy();
    expect(puts).toHaveLength(0);
  });

  it('says what Test Connection found, from its classified results', async () => {
    const user = userEvent.setup();
    service(STORED, { app_token: { ok: true, result: 'ok', detail: null }, webhook_secret: { ok: false, result: 'signature-mismatch', detail: 'fixed' } });
    render(<SumsubSection org="demo" />);
    const section = await screen.findByRole('region', { name: 'Sumsub (identity and business verification)' });
    await user.click(within(section).getByRole('button', { name: 'Test Sumsub connection' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('Connection failed: the webhook secrets do not work.');
    expect(alert.textContent).toContain('check the digest algorithm');
    expect(alert.textContent).toContain('App token and secret key: works.');
  });
});
