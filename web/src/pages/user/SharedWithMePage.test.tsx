// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { associatedData, sealDocument, wrapDataKey } from '../../documents/documentCrypto';
import { memoryVault, setKeyVaultForTests } from '../../documents/keyStore';
import { PERSONAL_DATA, SLOW_CRYPTO_MS, storedPartyKey, testApi } from '../../test/fixtures';
import SharedWithMePage from './SharedWithMePage';

const auditorKey = storedPartyKey('auditor-1', 'auditor passphrase');
afterEach(cleanup);


const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
vi.mock('../../auth/AuthContext', () => ({
  useAuth: () => ({ claims: { sub: 'auditor-1' }, getAccessToken: async () => 'token' }),
  useOptionalAuth: () => null,
}));



const DAY = 24 * 60 * 60 * 1000;

/** document-service for an auditor: a form shared until next week (released), a PDF whose grant expired (refused). */
async function sharedService(items: unknown[] | null = null) {
  const sealed = await sealDocument(PERSONAL_DATA, associatedData('case-1', 'personal-data'));
  const wrapped = await wrapDataKey(sealed.dataKey, auditorKey().publicKey);
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/documents/keys/me') {
      return Response.json({ subject: 'auditor-1', key_id: 'a'.repeat(43), public_key: auditorKey().publicKey, reviewer: false });
    }
    if (path === '/documents/shared-with-me') {
      return Response.json(
        items ?? [
          {
            document_id: 'doc-1',
            case_id: 'case-1',
            requirement: 'personal-data',
            content_type: 'application/json',
            state: 'confirmed',
            arweave_tx_id: 'bNbA3TEQVL60xlgCcqdz4ZPHFZ711cZ3hmkpGttDt_U',
            granted_at: new Date(Date.now() - DAY).toISOString(),
            expires_at: new Date(Date.now() + 7 * DAY).toISOString(),
          },
          {
            document_id: 'doc-2',
            case_id: 'case-2',
            requirement: 'proof-of-address',
            content_type: 'application/pdf',
            state: 'stored',
            granted_at: new Date(Date.now() - 40 * DAY).toISOString(),
            expires_at: new Date(Date.now() - 10 * DAY).toISOString(),
          },
        ],
      );
    }
    if (path === '/documents/doc-1/key') return Response.json({ document_id: 'doc-1', party: 'auditor', key_id: 'a'.repeat(43), wrapped_key: wrapped });
    if (path === '/documents/doc-1/ciphertext') return new Response(sealed.ciphertext, { headers: { 'Content-Type': 'application/octet-stream' } });
    if (path === '/documents/doc-2/key') {
      return Response.json(
        { type: 'https://attest.dev/problems/access-refused', status: 403, title: 'Access refused', detail: 'The key is not released: condition 3 (now) does not hold.' },
        { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    return new Response(null, { status: 404 });
  });
  holder.api = testApi(fetch);
  return { fetch };
}

function renderPage() {
  render(
    <MemoryRouter>
      <SharedWithMePage />
    </MemoryRouter>,
  );
}

describe('documents shared with me', { timeout: SLOW_CRYPTO_MS }, () => {
  it('lists what was shared with its expiry, opens a document in the browser, and shows an expired one’s refusal', async () => {
    const user = userEvent.setup();
    const { fetch } = await sharedService();
    renderPage();

    expect(await screen.findByRole('heading', { level: 1, name: 'Shared with me' })).toBeTruthy();
    const form = await screen.findByRole('region', { name: 'personal-data (form)' });
    const pdf = screen.getByRole('region', { name: 'proof-of-address (PDF)' });
    expect(within(form).getByText('Confirmed on Arweave')).toBeTruthy();
    expect(within(form).getByText('Access until')).toBeTruthy();
    expect(within(form).queryByText('Expired')).toBeNull();
    expect(within(pdf).getByText('Expired')).toBeTruthy();
    expect(within(pdf).getByText('Access ended')).toBeTruthy();
    expect(await screen.findByText(/Your key is in this browser and registered/)).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: 'Open personal-data (form)' }));
    const list = await within(form).findByLabelText('Decrypted personal-data (form)');
    expect(list.textContent).toContain('Ada');
    expect(list.textContent).toContain('SW1Y 4JH');

    await user.click(within(pdf).getByRole('button', { name: 'Open proof-of-address (PDF)' }));
    const refusal = await within(pdf).findByRole('alert');
    expect(refusal.textContent).toContain('The key was not released to you');
    expect(refusal.textContent).toContain('condition 3 (now)');
    expect(fetch.mock.calls.some(([r]) => (r as Request).url.endsWith('/doc-2/ciphertext'))).toBe(false);

    await user.click(within(form).getByRole('button', { name: 'Close' }));
    expect(within(form).queryByLabelText('Decrypted personal-data (form)')).toBeNull();
  });

  it('asks for the key before anything can be opened when this browser has none', async () => {
    setKeyVaultForTests(memoryVault());
    await sharedService();
    renderPage();
    const form = await screen.findByRole('region', { name: 'personal-data (form)' });
    expect(await screen.findByText('This browser does not have your key')).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Open personal-data (form)' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Set up your document key above to open these documents.')).toBeTruthy();
  });

  it('says when nothing was shared', async () => {
    await sharedService([]);
    renderPage();
    expect((await screen.findByText(/Nothing has been shared with you/)).getAttribute('role')).toBe('status');
  });
});
