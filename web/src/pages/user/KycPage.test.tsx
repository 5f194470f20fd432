// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import type { KycSteps } from '../../kyc/steps';
import { stepsInReview, testApi } from '../../test/fixtures';
import KycPage from './KycPage';

const holder = vi.hoisted(() => ({ api: null as Api | null, handlers: [] as { filter: unknown; handler: () => void }[] }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
vi.mock('../../auth/AuthContext', () => ({ useAuth: () => ({ claims: { sub: 'user-1' } }), useOptionalAuth: () => null }));
vi.mock('../../notifications/NotificationsContext', () => ({
  useNotificationEvents: (filter: unknown, handler: () => void) => {
    holder.handlers.push({ filter, handler });
  },
}));

const IN_REVIEW = { case_id: 'case-1', kyc_status: 'review', kyc_message: 'Your verification is being reviewed.', next_action: 'wait' };

/** compliance-service for the person: their KYC and, for a case, its steps (the answers change as `steps` is reassigned). */
function service(me: object, steps: () => KycSteps) {
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/compliance/kyc/me') return Response.json(me);
    expect(path).toBe('/compliance/kyc/case-1/steps');
    return Response.json(steps());
  });
  holder.api = testApi(fetch);
  return fetch;
}

function kycNotification() {
  for (const { filter, handler } of holder.handlers) if (filter === 'kyc.') handler();
}

afterEach(() => {
  cleanup();
  holder.handlers = [];
});

describe('the KYC page’s steps', () => {
  it('says which required steps are done and what is left, and follows KYC notifications', async () => {
    let steps: KycSteps = stepsInReview([{ kind: 'government-id', provider_step_id: 'ver_1', status: 'passed', provider_status: 'passed', at: '2026-12-07T10:00:00Z' }]);
    service(IN_REVIEW, () => steps);
    render(
      <MemoryRouter>
        <KycPage />
      </MemoryRouter>,
    );
    const section = await screen.findByRole('region', { name: 'Steps' });
    expect(await within(section).findByText('Government ID: done')).toBeTruthy();
    expect(within(section).getByText('Database check: still to do')).toBeTruthy();
    expect(within(section).getByText('1 of 2 required steps done. Still to do: Database check.')).toBeTruthy();

    steps = { ...steps, complete: true, remaining: [], required: [steps.required![0]!, { kind: 'database', status: 'passed', done: true }] };
    await act(async () => kycNotification());
    expect(await within(section).findByText('Database check: done')).toBeTruthy();
    expect(within(section).getByText('All 2 required steps are done.')).toBeTruthy();
  });

  it('shows no steps before there is a case', async () => {
    const fetch = service({ kyc_status: 'pending', kyc_message: 'Start your verification.', next_action: 'start' }, () => {
      throw new Error('no case: no steps to load');
    });
    render(
      <MemoryRouter>
        <KycPage />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'Next step' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Steps' })).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
