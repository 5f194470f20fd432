// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import {
  associatedData,
  generatePartyKey,
  openDocument,
  publicJwk,
  sealDocument,
  unwrapDataKey,
  wrapDataKey,
  type PublicJwk,
} from '../../documents/documentCrypto';
import { expiryBounds } from '../../documents/auditors';
import { CLAIM_ID, DATA, IDENTITY, ISSUER, PERSONAL_DATA, SIGNATURE, SLOW_CRYPTO_MS, storedPartyKey, testApi, verification, WALLET } from '../../test/fixtures';
import DocumentCasePage from './DocumentCasePage';


const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
vi.mock('../../auth/AuthContext', () => ({
  useAuth: () => ({ claims: { sub: 'admin-1' }, getAccessToken: async () => 'token' }),
  useOptionalAuth: () => null,
}));
vi.mock('../../notifications/NotificationsContext', () => ({ useNotificationEvents: () => undefined }));

const TX = 'bNbA3TEQVL60xlgCcqdz4ZPHFZ711cZ3hmkpGttDt_U';

const reviewerKey = storedPartyKey('admin-1', 'reviewer passphrase');
afterEach(cleanup);

/** document-service for one open case: a personal-data form whose key is released, a PDF whose key is refused. */
async function caseService(withoutGrant: PublicJwk | null = null, auditor: PublicJwk | null = null) {
  const sealed = await sealDocument(PERSONAL_DATA, associatedData('case-1', 'personal-data'));
  const wrapped = await wrapDataKey(sealed.dataKey, reviewerKey().publicKey);
  const decisions: unknown[] = [];
  const grants: { party: string; subject: string; key_id: string; wrapped_key: string; expires_at?: string; on_chain_conditions?: unknown }[] = [];
  const lacking = withoutGrant ? [{ subject: 'admin-2', key_id: 'n'.repeat(43), public_key: withoutGrant, reviewer: true }] : [];
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/documents/keys/me') {
      return Response.json({ subject: 'admin-1', key_id: 'k'.repeat(43), public_key: reviewerKey().publicKey, reviewer: true });
    }
    if (path === '/documents/cases/case-1') {
      return Response.json({
        id: 'case-1',
        project_id: 'project-1',
        user_id: 'user-1',
        state: 'open',
        opened_at: '2026-12-07T09:00:00Z',
        requirements: [
          { kind: 'personal-data', title: 'Personal details', accepted_types: ['application/json'], max_bytes: 65536 },
          { kind: 'proof-of-address', title: 'Proof of address', accepted_types: ['application/pdf'], max_bytes: 5242880 },
        ],
        missing: [],
        documents: [
          { id: 'doc-1', case_id: 'case-1', requirement: 'personal-data', content_type: 'application/json', size: sealed.ciphertext.length, state: 'confirmed', arweave_tx_id: TX, attempts: 1, created_at: '2026-12-07T09:01:00Z', reviewers_without_grant: grants.length ? [] : lacking },
          { id: 'doc-2', case_id: 'case-1', requirement: 'proof-of-address', content_type: 'application/pdf', size: 2048, state: 'stored', attempts: 2, last_error: 'gateway timeout', created_at: '2026-12-07T09:02:00Z' },
        ],
      });
    }
    if (path === '/documents/doc-1/key') return Response.json({ document_id: 'doc-1', party: 'reviewer', key_id: 'k'.repeat(43), wrapped_key: wrapped });
    if (path === '/documents/doc-1/ciphertext') return new Response(sealed.ciphertext, { headers: { 'Content-Type': 'application/octet-stream' } });
    if (path === '/documents/doc-2/key') {
      return Response.json(
        { type: 'https://attest.dev/problems/access-refused', status: 403, title: 'Access refused', detail: 'The key is not released: condition 3 (caseState) does not hold.' },
        { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    if (path.endsWith('/releases')) return Response.json([{ subject: 'admin-1', outcome: 'released', reason: 'reviewer grant', at: '2026-12-07T09:05:00Z' }]);
    if (path === '/documents/keys/auditor-1' && auditor) {
      return Response.json({ subject: 'auditor-1', key_id: 'a'.repeat(43), public_key: auditor, reviewer: false });
    }
    if (path.startsWith('/documents/keys/')) {
      return Response.json(
        { type: 'https://attest.dev/problems/not-found', status: 404, title: 'Not found', detail: 'The member’s key was not found.' },
        { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    if (path === '/identities/verify') return Response.json(verification(true));
    if (path === '/documents/doc-1/grants') {
      grants.push(await request.json());
      return Response.json({ id: 'g-1', document_id: 'doc-1', party: 'reviewer', subject: 'admin-2', conditions: [] }, { status: 201 });
    }
    if (path === '/documents/cases/case-1/decision') {
      decisions.push(await request.json());
      return Response.json({ id: 'd-1', case_id: 'case-1', decision: 'approved', decided_by: 'admin-1', documents: [], decided_at: '2026-12-07T09:10:00Z' });
    }
    return new Response(null, { status: 404 });
  });
  holder.api = testApi(fetch);
  return { fetch, decisions, grants, sealed };
}

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/org/demo/documents/case-1']}>
      <Routes>
        <Route path="/org/:org/documents/:caseId" element={<DocumentCasePage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('a reviewer’s document case', { timeout: SLOW_CRYPTO_MS }, () => {
  it('opens a document in the browser, shows the refusal of another with its condition, and decides on what was opened', async () => {
    const user = userEvent.setup();
    const { decisions, fetch } = await caseService();
    renderPage();

    const form = await screen.findByRole('region', { name: 'personal-data (form)' });
    expect(form.textContent).toContain(TX);
    const pdf = screen.getByRole('region', { name: 'proof-of-address (PDF)' });
    expect(pdf.textContent).toContain('2 attempts; last error: gateway timeout');
    expect(await screen.findByText(/Your key is in this browser and registered/)).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: 'Open personal-data (form)' }));
    const list = await within(form).findByLabelText('Decrypted personal-data (form)');
    expect(list.textContent).toContain('First name');
    expect(list.textContent).toContain('Ada');
    expect(list.textContent).toContain('SW1Y 4JH');
    expect(within(form).getByRole('checkbox', { name: 'Base the decision on this document' })).toHaveProperty('checked', true);

    await user.click(within(pdf).getByRole('button', { name: 'Open proof-of-address (PDF)' }));
    const refusal = await within(pdf).findByRole('alert');
    expect(refusal.textContent).toContain('The key was not released to you');
    expect(refusal.textContent).toContain('condition 3 (caseState)');
    expect(fetch.mock.calls.some(([r]) => (r as Request).url.endsWith('/doc-2/ciphertext'))).toBe(false);
    expect(within(pdf).getByRole('checkbox', { name: 'Base the decision on this document' })).toHaveProperty('checked', false);

    await user.click(screen.getByRole('button', { name: 'Approve…' }));
    await user.click(screen.getByRole('button', { name: 'Approve case' }));
    expect(await screen.findByText('Approved on 1 document.')).toBeTruthy();
    expect(decisions).toEqual([{ decision: 'approved', document_ids: ['doc-1'] }]);
  });

  it('refuses to decide on nothing', async () => {
    const user = userEvent.setup();
    const { decisions } = await caseService();
    renderPage();
    await screen.findByRole('region', { name: 'personal-data (form)' });
    await user.click(screen.getByRole('button', { name: 'Reject…' }));
    await user.click(screen.getByRole('button', { name: 'Reject case' }));
    expect((await screen.findByText(/Check the documents the decision is based on/)).textContent).toBeTruthy();
    expect(decisions).toEqual([]);
  });

  it('shares a document’s key with a reviewer who has none under their current key, wrapped for that key only', async () => {
    const user = userEvent.setup();
    const newcomer = await generatePartyKey();
    const { grants, sealed } = await caseService(await publicJwk(newcomer.publicKey));
    renderPage();

    const panel = await screen.findByRole('region', { name: 'Reviewers without a copy' });
    expect(panel.textContent).toContain('One reviewer has no copy of the keys of 1 document');
    await screen.findByText(/Your key is in this browser and registered/);
    await user.click(within(panel).getByRole('button', { name: 'Share with that reviewer' }));

    expect(await within(panel).findByText('Shared 1 copy.')).toBeTruthy();
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ party: 'reviewer', subject: 'admin-2', key_id: 'n'.repeat(43) });
    const key = await unwrapDataKey(grants[0]!.wrapped_key, newcomer.privateKey);
    const opened = await openDocument(sealed.ciphertext, key, associatedData('case-1', 'personal-data'));
    expect(new TextDecoder().decode(opened)).toBe(new TextDecoder().decode(PERSONAL_DATA));
    await expect(unwrapDataKey(grants[0]!.wrapped_key, reviewerKey().privateKey)).rejects.toThrow();
  });

  it('shares a document with an auditor for a limited time, under the KYC-claim condition, wrapped for the auditor’s key only', async () => {
    const user = userEvent.setup();
    const auditor = await generatePartyKey();
    const { grants, sealed } = await caseService(null, await publicJwk(auditor.publicKey));
    renderPage();

    const form = await screen.findByRole('region', { name: 'personal-data (form)' });
    await screen.findByText(/Your key is in this browser and registered/);
    await user.click(within(form).getByRole('button', { name: 'Share with an auditor…' }));
    const share = within(form).getByRole('form', { name: 'Share personal-data (form) with an auditor' });
    expect(within(share).getByLabelText(/Access ends on/)).toHaveProperty('value', expiryBounds().initial);

    await user.click(within(share).getByRole('button', { name: 'Share' }));
    expect(within(share).getByText('Required: the auditor’s user id.')).toBeTruthy();

    await user.type(within(share).getByLabelText(/Auditor’s user id/), 'nobody');
    await user.click(within(share).getByRole('button', { name: 'Share' }));
    const missing = await within(share).findByRole('alert');
    expect(missing.textContent).toContain('The auditor has no document key yet');
    expect(missing.textContent).toContain('must first sign in to the console');
    expect(grants).toEqual([]);

    await user.clear(within(share).getByLabelText(/Auditor’s user id/));
    await user.type(within(share).getByLabelText(/Auditor’s user id/), 'auditor-1');
    await user.click(within(share).getByRole('checkbox', { name: 'Only while a wallet’s identity holds a valid Attest KYC claim' }));
    await user.type(within(share).getByLabelText(/Wallet address/), '0x1234');
    await user.click(within(share).getByRole('button', { name: 'Share' }));
    expect(within(share).getByText('An address: 0x and 40 hexadecimal digits.')).toBeTruthy();

    await user.clear(within(share).getByLabelText(/Wallet address/));
    await user.type(within(share).getByLabelText(/Wallet address/), WALLET);
    await user.click(within(share).getByRole('button', { name: 'Share' }));

    const done = await within(form).findByRole('status');
    expect(done.textContent).toContain('Shared with auditor-1 until');
    expect(done.textContent).toContain(`while the identity of wallet ${WALLET} holds a valid Attest KYC claim`);
    expect(grants).toHaveLength(1);
    const grant = grants[0]!;
    expect(grant).toMatchObject({ party: 'auditor', subject: 'auditor-1', key_id: 'a'.repeat(43) });
    const expiresAt = new Date(grant.expires_at ?? '').getTime();
    expect(expiresAt).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    expect(expiresAt).toBeLessThan(Date.now() + 32 * 24 * 3600 * 1000);
    expect(grant.on_chain_conditions).toMatchObject([
      { conditionType: 'evmContract', contractAddress: ISSUER, functionName: 'isClaimValid', functionParams: [IDENTITY, '1', SIGNATURE, DATA] },
      { operator: 'and' },
      { conditionType: 'evmContract', contractAddress: IDENTITY, functionName: 'getClaim', functionParams: [CLAIM_ID], returnValueTest: { key: 'issuer', comparator: '=', value: ISSUER } },
    ]);
    const key = await unwrapDataKey(grant.wrapped_key, auditor.privateKey);
    const opened = await openDocument(sealed.ciphertext, key, associatedData('case-1', 'personal-data'));
    expect(new TextDecoder().decode(opened)).toBe(new TextDecoder().decode(PERSONAL_DATA));
  });
});
