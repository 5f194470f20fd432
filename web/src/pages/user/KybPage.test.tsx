// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { parseConfig } from '../../config/config';
import { ConfigContext } from '../../config/ConfigContext';
import { testApi } from '../../test/fixtures';
import KybCasePage from './KybCasePage';
import KybPage from './KybPage';

const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
vi.mock('../../notifications/NotificationsContext', () => ({ useNotificationEvents: () => undefined }));
vi.mock('persona', () => ({ Client: class {} }));

const config = parseConfig({ oidc: { authority: 'http://kc.test/realms/attest', client_id: 'attest-web' } });

/** As compliance-service shows owners: by position, role and share, never who they are; links only in the answer to applying. */
const OWNERS = [
  { owner_id: 'o1', position: 1, role: 'beneficial_owner', ownership_percent: 60, kyc_case_id: 'k1', kyc_status: 'verified', verification_link: null },
  { owner_id: 'o2', position: 2, role: 'director', ownership_percent: null, kyc_case_id: 'k2', kyc_status: 'pending', verification_link: null },
];

const CASE = {
  business_case_id: 'b1',
  status: 'pending',
  verification_status: 'pending',
  provider: 'sumsub',
  legal_name: 'Acme Ltd',
  registration_number: '12345678',
  country_code: 'GB',
  created_at: '2026-12-07T10:00:00Z',
  owners: OWNERS,
};

function renderAt(path: string) {
  render(
    <ConfigContext.Provider value={config}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/kyb" element={<KybPage />} />
          <Route path="/kyb/:caseId" element={<KybCasePage />} />
        </Routes>
      </MemoryRouter>
    </ConfigContext.Provider>,
  );
}

afterEach(cleanup);

describe('Verify a business', () => {
  it('adds and removes owners, checks the form before sending, and opens the new case', async () => {
    const user = userEvent.setup();
    const posts: unknown[] = [];
    holder.api = testApi(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/compliance/kyb/me') return Response.json({ items: [] });
      if (path === '/compliance/kyb' && request.method === 'POST') {
        posts.push(await request.json());
        const owners = OWNERS.map((o) => ({ ...o, verification_link: o.kyc_status === 'pending' ? `https://verify.test/${o.owner_id}` : null }));
        return Response.json({ ...CASE, owners, session_token: '_act-1' }, { status: 201 });
      }
      expect(path).toBe('/compliance/kyb/b1');
      return Response.json(CASE);
    });
    renderAt('/kyb');
    expect(await screen.findByText('You have not started a business verification yet.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Verify a business' });

    // The only owner cannot be removed; a second one can.
    expect(within(form).queryByRole('button', { name: 'Remove owner 1' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Add an owner' }));
    const second = within(form).getByRole('group', { name: 'Owner 2' });
    expect((within(second).getByRole('combobox', { name: /Role/ }) as HTMLSelectElement).value).toBe('director');

    await user.click(within(form).getByRole('button', { name: 'Start business verification' }));
    expect(posts).toHaveLength(0);
    expect(within(form).getByRole('textbox', { name: /Legal name/ }).getAttribute('aria-invalid')).toBe('true');

    await user.type(within(form).getByRole('textbox', { name: /Legal name/ }), 'Acme Ltd');
    await user.type(within(form).getByRole('textbox', { name: /Registration number/ }), '12345678');
    await user.type(within(form).getByRole('textbox', { name: /Country of registration/ }), 'gb');
    const first = within(form).getByRole('group', { name: 'Owner 1' });
    await user.type(within(first).getByRole('textbox', { name: /First name/ }), 'Ada');
    await user.type(within(first).getByRole('textbox', { name: /Last name/ }), 'Lovelace');
    await user.type(within(first).getByRole('textbox', { name: /Share/ }), '60');
    await user.type(within(second).getByRole('textbox', { name: /First name/ }), 'Bo');
    await user.type(within(second).getByRole('textbox', { name: /Last name/ }), 'Director');
    await user.type(within(second).getByRole('textbox', { name: /Share/ }), '50');
    await user.click(within(form).getByRole('button', { name: 'Start business verification' }));
    expect(within(form).getByText('The shares add up to 110 %: at most 100 % in all.')).toBeTruthy();
    expect(posts).toHaveLength(0);

    await user.clear(within(second).getByRole('textbox', { name: /Share/ }));
    await user.click(within(form).getByRole('button', { name: 'Start business verification' }));
    // The answer's links are shown until the page closes (the case's own answers carry none).
    expect(await screen.findByRole('heading', { level: 1, name: 'Business verification: Acme Ltd' })).toBeTruthy();
    expect(posts[0]).toEqual({
      business: { legal_name: 'Acme Ltd', registration_number: '12345678', country_code: 'GB' },
      owners: [
        { role: 'beneficial_owner', ownership_percent: 60, first_name: 'Ada', last_name: 'Lovelace' },
        { role: 'director', first_name: 'Bo', last_name: 'Director' },
      ],
    });
    // The session of the answer (not in the case's GET) opens the business's own verification.
    expect(screen.getByRole('button', { name: 'Verify the business' })).toBeTruthy();
    expect(within(screen.getByRole('table')).getByText('https://verify.test/o2')).toBeTruthy();
  });
});

describe('a business case for its representative', () => {
  it('shows what the case waits for, each owner’s status and link, and makes a new link', async () => {
    const user = userEvent.setup();
    const links: string[] = [];
    holder.api = testApi(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/compliance/kyb/b1/owners/o2/link') {
        links.push(request.method);
        return Response.json({ verification_link: 'https://verify.test/o2-new' });
      }
      expect(path).toBe('/compliance/kyb/b1');
      return Response.json(CASE);
    });
    renderAt('/kyb/b1');
    const status = await screen.findByRole('region', { name: 'Status' });
    expect(within(status).getByText('In progress')).toBeTruthy();
    expect(within(status).getByText('The business’s own verification is still to do. Waiting for 1 of 2 owners: Owner 2.')).toBeTruthy();
    expect(within(status).getByText('Sumsub')).toBeTruthy();

    const owners = screen.getByRole('table');
    const rows = within(owners).getAllByRole('row');
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('Owner 1');
    expect(within(rows[1]!).getByText('Verified')).toBeTruthy();
    expect(within(rows[1]!).getByText('not needed')).toBeTruthy();
    expect(within(rows[2]!).getByText('Director')).toBeTruthy();

    await user.click(within(rows[2]!).getByRole('button', { name: 'Get a verification link for Owner 2' }));
    expect(await within(rows[2]!).findByText('https://verify.test/o2-new')).toBeTruthy();
    expect(within(rows[2]!).getByRole('button', { name: 'Copy Owner 2’s verification link' })).toBeTruthy();
    expect(within(rows[2]!).getByRole('button', { name: 'New verification link for Owner 2' })).toBeTruthy();
    expect(links).toEqual(['POST']);
    // No session outside the answer to applying: the form continues the open case.
    expect(screen.getByRole('link', { name: 'business form' }).getAttribute('href')).toBe('/kyb');
  });

  it('shows the problem when the case cannot be loaded', async () => {
    holder.api = testApi(async () =>
      Response.json({ type: 'https://attest.dev/problems/not-found', title: 'Not Found', status: 404, detail: 'No such business case.' }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    renderAt('/kyb/b9');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the business verification');
    expect(alert.textContent).toContain('No such business case.');
  });
});
