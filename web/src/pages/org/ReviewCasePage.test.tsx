// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { parseConfig } from '../../config/config';
import { ConfigContext } from '../../config/ConfigContext';
import type { KycSteps } from '../../kyc/steps';
import { stepsInReview, testApi } from '../../test/fixtures';
import ReviewCasePage from './ReviewCasePage';

const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

const config = parseConfig({
  oidc: { authority: 'http://kc.test/realms/attest', client_id: 'attest-web' },
  persona: { client_options: {} },
  chain: {},
});

const CASE = { case_id: 'case-1', user_id: 'user-1', status: 'review', provider: 'persona', created_at: '2026-12-07T09:00:00Z' };

/** compliance-service for an org-admin: the case, its history and its steps. */
function service(steps: KycSteps, kycCase: object = CASE) {
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/orgs/demo/kyc/cases/case-1') return Response.json(kycCase);
    if (path === '/orgs/demo/kyc/cases/case-1/history') return Response.json([]);
    expect(path).toBe('/orgs/demo/kyc/cases/case-1/steps');
    return Response.json(steps);
  });
  holder.api = testApi(fetch);
}

function renderPage() {
  render(
    <ConfigContext.Provider value={config}>
      <MemoryRouter initialEntries={['/org/demo/reviews/case-1']}>
        <Routes>
          <Route path="/org/:org/reviews/:caseId" element={<ReviewCasePage />} />
        </Routes>
      </MemoryRouter>
    </ConfigContext.Provider>,
  );
}

afterEach(cleanup);

describe('a case’s verification steps', () => {
  it('shows the required steps, what remains, and every reported step oldest first', async () => {
    service(
      stepsInReview([
        { kind: 'government-id', provider_step_id: 'ver_1', status: 'passed', provider_status: 'passed', at: '2026-12-07T10:00:00Z' },
        { kind: 'inquiry', provider_step_id: 'inq_1', status: 'submitted', provider_status: 'needs_review', at: '2026-12-07T10:01:00Z' },
      ]),
    );
    renderPage();
    const section = await screen.findByRole('region', { name: 'Verification steps' });
    const table = await within(section).findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Step',
      'Status',
      'Provider’s status',
      'Time',
      'Provider’s step ID',
    ]);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Government ID',
      'Passed',
      'passed',
      expect.any(String),
      'ver_1',
    ]);
    expect(within(rows[2]!).getAllByRole('cell').slice(0, 3).map((c) => c.textContent)).toEqual([
      'Whole verification (inquiry)',
      'Submitted, being checked',
      'needs review',
    ]);
    const facts = within(section).getByText('Remaining').parentElement!;
    expect(within(facts).getByText('Database check')).toBeTruthy();
    expect(within(section).getByText('1 of 2 required steps done. Still to do: Database check.')).toBeTruthy();
  });

  it('says when the provider has reported nothing and nothing is required', async () => {
    service({ case_id: 'case-1', case_status: 'pending', complete: true, required: [], remaining: [], history: [] });
    renderPage();
    const section = await screen.findByRole('region', { name: 'Verification steps' });
    expect(await within(section).findByText('The provider has reported no step yet.')).toBeTruthy();
    expect(within(section).getByText(/the organization requires no particular step/)).toBeTruthy();
    expect(within(section).queryByRole('table')).toBeNull();
  });
});

describe('a case’s provider', () => {
  it('names the provider and its reference, and says why the case fell back', async () => {
    service(
      { case_id: 'case-1', case_status: 'review', complete: true, required: [], remaining: [], history: [] },
      { ...CASE, provider: 'sumsub', provider_reference: 'app-42', fallback_from: 'persona', fallback_reason: 'circuit-open' },
    );
    renderPage();
    const section = await screen.findByRole('region', { name: 'Provider data' });
    expect(within(section).getByText('Sumsub')).toBeTruthy();
    expect(within(section).getByText('Opened at Sumsub because Persona was unavailable: it was failing (circuit open).')).toBeTruthy();
    expect(within(within(section).getByText('Sumsub applicant').parentElement!).getByText('app-42')).toBeTruthy();
    const decision = screen.getByRole('region', { name: 'Decision' });
    expect(within(decision).getByText(/Sumsub marked this case for review/)).toBeTruthy();
  });

  it('shows no fallback for a case opened at its preferred provider', async () => {
    service({ case_id: 'case-1', case_status: 'review', complete: true, required: [], remaining: [], history: [] }, { ...CASE, persona_inquiry_id: 'inq_1' });
    renderPage();
    const section = await screen.findByRole('region', { name: 'Provider data' });
    expect(within(section).queryByText('Fallback')).toBeNull();
    expect(within(within(section).getByText('Persona inquiry').parentElement!).getByText('inq_1')).toBeTruthy();
  });
});
