// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { testApi } from '../../test/fixtures';
import KybQueuePage from './KybQueuePage';
import KybReviewPage from './KybReviewPage';

const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

const CASE = {
  business_case_id: 'b1',
  status: 'review',
  verification_status: 'verified',
  provider: 'persona',
  provider_reference: 'inq_b1',
  fallback_from: null,
  legal_name: 'Acme Ltd',
  registration_number: '12345678',
  country_code: 'GB',
  representative_user_id: 'rep-1',
  created_at: '2026-12-07T10:00:00Z',
  owners: [
    { owner_id: 'o1', position: 1, role: 'beneficial_owner', ownership_percent: 60, kyc_case_id: 'k1', kyc_status: 'verified' },
    { owner_id: 'o2', position: 2, role: 'director', ownership_percent: null, kyc_case_id: 'k2', kyc_status: 'verified' },
  ],
};

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/org/:org/kyb" element={<KybQueuePage />} />
        <Route path="/org/:org/kyb/:caseId" element={<KybReviewPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('the KYB queue', () => {
  it('lists the cases in review with their owners, and says when none waits', async () => {
    const queries: string[] = [];
    holder.api = testApi(async (request) => {
      const url = new URL(request.url);
      expect(url.pathname).toBe('/orgs/demo/kyb/cases');
      queries.push(url.search);
      // The queue's items come without their owners.
      return Response.json(
        url.searchParams.get('status') === 'review' ? { items: [{ ...CASE, owners: [] }], page: 0, size: 20, total: 1 } : { items: [], page: 0, size: 20, total: 0 },
      );
    });
    renderAt('/org/demo/kyb');
    const link = await screen.findByRole('link', { name: 'Acme Ltd' });
    expect(link.getAttribute('href')).toBe('/org/demo/kyb/b1');
    expect(screen.getByText('The business’s own verification passed.')).toBeTruthy();
    expect(queries[0]).toBe('?status=review&page=0&size=20');

    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Show cases' }), 'pending');
    expect(await screen.findByText('No business cases: pending (the person is verifying).')).toBeTruthy();
  });
});

describe('a business case for a reviewer', () => {
  it('shows the owners’ verifications and records a decision with its reason', async () => {
    const user = userEvent.setup();
    const decisions: unknown[] = [];
    holder.api = testApi(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/orgs/demo/kyb/cases/b1/decision') {
        decisions.push(await request.json());
        return Response.json({ ...CASE, status: 'verified', reason: 'documents_verified' });
      }
      expect(path).toBe('/orgs/demo/kyb/cases/b1');
      return Response.json(CASE);
    });
    renderAt('/org/demo/kyb/b1');
    const owners = await screen.findByRole('region', { name: 'Owners and directors' });
    const rows = within(owners).getAllByRole('row');
    expect(within(rows[1]!).getByRole('link', { name: 'k1' }).getAttribute('href')).toBe('/org/demo/reviews/k1');
    expect(within(rows[2]!).getByText('Director')).toBeTruthy();

    const decision = screen.getByRole('region', { name: 'Decision' });
    await user.click(within(decision).getByRole('button', { name: 'Approve…' }));
    const confirm = within(decision).getByRole('group', { name: 'Approve this case?' });
    await user.click(within(confirm).getByRole('button', { name: 'Approve case' }));
    expect(within(confirm).getByText('Choose a reason.')).toBeTruthy();
    expect(decisions).toHaveLength(0);
    await user.selectOptions(within(confirm).getByRole('combobox', { name: /Reason/ }), 'documents_verified');
    await user.click(within(confirm).getByRole('button', { name: 'Approve case' }));
    expect(await screen.findByText('Approved (reason documents_verified): the business case is now verified.')).toBeTruthy();
    expect(decisions).toEqual([{ decision: 'approve', reason: 'documents_verified' }]);
    expect(within(decision).getByText(/only a case in review can be approved or declined/)).toBeTruthy();
  });
});
