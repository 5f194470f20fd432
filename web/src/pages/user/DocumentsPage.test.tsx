// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { associatedData, sealDocument } from '../../documents/documentCrypto';
import {
  createPartyKey,
  loadPartyKey,
  memoryVault,
  pendingUpload,
  savePartyKey,
  setKeyVaultForTests,
  type KeyVault,
} from '../../documents/keyStore';
import { SLOW_CRYPTO_MS, testApi } from '../../test/fixtures';
import DocumentsPage from './DocumentsPage';


const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api, useProjectSelection: () => [null, () => undefined] }));
vi.mock('../../auth/AuthContext', () => ({
  useAuth: () => ({ claims: { sub: 'user-1' }, getAccessToken: async () => 'token' }),
  useOptionalAuth: () => null,
}));
vi.mock('../../tenant/TenantContext', () => ({ useTenant: () => ({ org: { slug: 'demo', name: 'Demo' } }) }));
vi.mock('../../notifications/NotificationsContext', () => ({ useNotificationEvents: () => undefined }));

const CASE = {
  id: 'case-1',
  project_id: 'project-1',
  user_id: 'user-1',
  state: 'open',
  requirements: [
    { kind: 'proof-of-address', title: 'Proof of address', accepted_types: ['application/pdf'], max_bytes: 1_048_576 },
    { kind: 'personal-data', title: 'Personal details', accepted_types: ['application/json'], max_bytes: 65_536 },
  ],
  missing: ['proof-of-address', 'personal-data'],
  documents: [
    { id: 'doc-0', case_id: 'case-1', requirement: 'proof-of-address', content_type: 'application/pdf', size: 4000, received_bytes: 1000, state: 'uploading', upload_url: '/documents/uploads/doc-0', attempts: 0, created_at: '2026-12-07T09:00:00Z' },
  ],
};

/** document-service and the gateway's project list, as the page sees them; `registered` is the key on the server. */
function services(registered: unknown | null) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    const body = request.method === 'GET' ? null : await request.json().catch(() => null);
    calls.push({ method: request.method, path, body });
    if (path === '/orgs/demo/projects') return Response.json([{ id: 'project-1', name: 'Main', environment: 'live' }]);
    if (path === '/documents/cases' && request.method === 'POST') return Response.json(CASE);
    if (path === '/documents/keys/me' && request.method === 'GET') {
      return registered
        ? Response.json({ subject: 'user-1', key_id: 'k'.repeat(43), public_key: registered, reviewer: false })
        : Response.json({ type: 'https://attest.dev/problems/not-found', status: 404, title: 'Not found' }, { status: 404 });
    }
    if (path === '/documents/keys/me' && request.method === 'PUT') {
      registered = (body as { public_key: unknown }).public_key;
      return Response.json({ subject: 'user-1', key_id: 'k'.repeat(43), public_key: registered, reviewer: false });
    }
    return new Response(null, { status: 404 });
  });
  holder.api = testApi(fetch);
  return calls;
}

/** Two key pairs with their recovery files, made once: RSA-3072 and PBKDF2 are the slow part of these tests. */
let made: Promise<Awaited<ReturnType<typeof createPartyKey>>[]> | null = null;
function madeKeys() {
  made ??= Promise.all([createPartyKey('the right passphrase'), createPartyKey('the right passphrase')]);
  return made;
}

function renderPage(vault: KeyVault) {
  setKeyVaultForTests(vault);
  render(
    <MemoryRouter>
      <DocumentsPage />
    </MemoryRouter>,
  );
}

afterEach(() => {
  cleanup();
  setKeyVaultForTests(null);
});

describe('the user’s documents page', { timeout: SLOW_CRYPTO_MS }, () => {
  it('makes the key on first use: registers only the public half, keeps the private one here, offers the recovery file', async () => {
    const user = userEvent.setup();
    const calls = services(null);
    const vault = memoryVault();
    renderPage(vault);

    const form = await screen.findByRole('form', { name: 'Create your document key' });
    expect(screen.getByRole('button', { name: 'Resume upload' })).toHaveProperty('disabled', true);
    await user.type(within(form).getByLabelText(/^Recovery passphrase/), 'too short');
    await user.type(within(form).getByLabelText(/^Repeat the passphrase/), 'too short');
    await user.click(within(form).getByRole('button', { name: 'Create my key' }));
    expect(within(form).getByText('At least 12 characters.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.clear(within(form).getByLabelText(/^Recovery passphrase/));
    await user.clear(within(form).getByLabelText(/^Repeat the passphrase/));
    await user.type(within(form).getByLabelText(/^Recovery passphrase/), 'a long enough passphrase');
    await user.type(within(form).getByLabelText(/^Repeat the passphrase/), 'a long enough passphrase');
    await user.click(within(form).getByRole('button', { name: 'Create my key' }));

    const download = await screen.findByRole('link', { name: 'Download the recovery file' }, { timeout: 10_000 });
    expect(download.getAttribute('download')).toMatch(/^attest-document-key-\d{4}-\d{2}-\d{2}\.json$/);
    const put = calls.find((c) => c.method === 'PUT' && c.path === '/documents/keys/me');
    const registered = (put?.body as { public_key: Record<string, string> }).public_key;
    expect(Object.keys(registered).sort()).toEqual(['alg', 'e', 'kty', 'n']);
    const kept = await loadPartyKey(vault, 'user-1');
    expect(kept?.publicKey.n).toBe(registered.n);
    expect(kept?.privateKey.extractable).toBe(false);
    expect(await screen.findByText(/Your key is in this browser and registered/)).toBeTruthy();
  });

  it('says when the registered key is not in this browser, and offers recovery or a new key', async () => {
    const other = (await madeKeys())[1]!.key;
    services(other.publicKey);
    renderPage(memoryVault());
    expect(await screen.findByText('This browser does not have your key')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Restore your key' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Replace the registered key…' })).toBeTruthy();
  });

  it('checks a file against its requirement before sending anything, offers to resume a cut upload, and shows a form for personal data', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { key } = (await madeKeys())[0]!;
    const vault = memoryVault();
    await savePartyKey(vault, 'user-1', key);
    const calls = services(key.publicKey);
    renderPage(vault);

    const proof = await screen.findByRole('region', { name: 'Proof of address' });
    expect(proof.textContent).toContain('Missing');
    expect(proof.textContent).toContain('An upload of this document was cut (1000 of 4000 bytes arrived)');
    expect(within(proof).getByRole('columnheader', { name: 'Arweave transaction' })).toBeTruthy();
    await screen.findByText(/Your key is in this browser and registered/);

    await user.upload(within(proof).getByLabelText(/^File for Proof of address/), new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await user.click(within(proof).getByRole('button', { name: 'Resume upload' }));
    expect(within(proof).getByText('A text/plain file is not accepted here: choose a PDF.')).toBeTruthy();
    expect(calls.filter((c) => c.path.startsWith('/documents/cases/case-1'))).toEqual([]);

    const personal = screen.getByRole('region', { name: 'Personal details' });
    expect(within(personal).queryByLabelText(/^File for/)).toBeNull();
    await user.click(within(personal).getByRole('button', { name: 'Encrypt and send' }));
    expect(within(personal).getAllByText('Required.').length).toBeGreaterThan(3);
    expect(calls.filter((c) => c.path.startsWith('/documents/cases/case-1'))).toEqual([]);
  });

  it('refuses to resume a cut upload with another file, sending nothing, and offers a new upload instead', async () => {
    const user = userEvent.setup();
    const { key } = (await madeKeys())[0]!;
    const vault = memoryVault();
    await savePartyKey(vault, 'user-1', key);
    const first = await sealDocument(new TextEncoder().encode('%PDF-1.7 the first file'), associatedData('case-1', 'proof-of-address'));
    await vault.put('uploads', 'doc-0', await pendingUpload('doc-0', first));
    const calls = services(key.publicKey);
    renderPage(vault);

    const proof = await screen.findByRole('region', { name: 'Proof of address' });
    await screen.findByText(/Your key is in this browser and registered/);
    const other = new File(['%PDF-1.7 another file'], 'other.pdf', { type: 'application/pdf' });
    await user.upload(within(proof).getByLabelText(/^File for Proof of address/), other);
    await user.click(within(proof).getByRole('button', { name: 'Resume upload' }));

    const alert = await within(proof).findByRole('alert');
    expect(alert.textContent).toContain('Not the same file');
    expect(within(proof).getByRole('button', { name: 'Upload this file as a new document instead' })).toBeTruthy();
    expect(calls.filter((c) => c.path.startsWith('/documents/cases/case-1') || c.path.startsWith('/documents/uploads'))).toEqual([]);
  });

  it('restores the registered key from its recovery file, and refuses a file of another key', async () => {
    const user = userEvent.setup();
    const [registered, stranger] = (await madeKeys()) as [Awaited<ReturnType<typeof createPartyKey>>, Awaited<ReturnType<typeof createPartyKey>>];
    const calls = services(registered.key.publicKey);
    const vault = memoryVault();
    renderPage(vault);

    const form = await screen.findByRole('form', { name: 'Restore your key' });
    const file = (recovery: unknown) => new File([JSON.stringify(recovery)], 'recovery.json', { type: 'application/json' });
    await user.upload(within(form).getByLabelText(/^Recovery file/), file(stranger.recovery));
    await user.type(within(form).getByLabelText(/^Passphrase of the file/), 'the right passphrase');
    await user.click(within(form).getByRole('button', { name: 'Restore my key' }));
    expect((await within(form).findByRole('alert', {}, { timeout: 10_000 })).textContent).toContain('holds another key');
    expect(await loadPartyKey(vault, 'user-1')).toBeUndefined();

    await user.upload(within(form).getByLabelText(/^Recovery file/), file(registered.recovery));
    await user.click(within(form).getByRole('button', { name: 'Restore my key' }));
    expect(await screen.findByText(/Your key is in this browser and registered/, {}, { timeout: 10_000 })).toBeTruthy();
    expect((await loadPartyKey(vault, 'user-1'))?.publicKey.n).toBe(registered.key.publicKey.n);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false); // the registered key stays as it is
  });
});
