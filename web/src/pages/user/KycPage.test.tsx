// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { parseConfig } from '../../config/config';
import { ConfigContext } from '../../config/ConfigContext';
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

/** Sumsub's WebSDK at its module boundary: the token it was launched with and its expiration handler. */
const sumsub = vi.hoisted(() => ({ token: '', expired: null as null | (() => Promise<string>), baseUrl: null as string | null, launched: 0 }));
vi.mock('@sumsub/websdk', () => ({
  default: {
    init(token: string, expired: () => Promise<string>) {
      sumsub.token = token;
      sumsub.expired = expired;
      const builder = {
        withBaseUrl: (url: string) => ((sumsub.baseUrl = url), builder),
        withConf: () => builder,
        withOptions: () => builder,
        on: () => builder,
        build: () => ({ launch: () => (sumsub.launched += 1), destroy: () => undefined }),
      };
      return builder;
    },
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

describe('the KYC page with Sumsub', () => {
  it('opens Sumsub’s WebSDK with the case’s token, and renews it by starting again when it expires', async () => {
    const user = userEvent.setup();
    const starts: unknown[] = [];
    const fetch = vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/compliance/kyc/me') return Response.json({ kyc_status: 'pending', kyc_message: 'Start your verification.', next_action: 'start' });
      expect(path).toBe('/compliance/kyc');
      starts.push(await request.json());
      return Response.json({ case_id: 'case-1', status: 'pending', provider: 'sumsub', session_token: `_act-${starts.length}` });
    });
    holder.api = testApi(fetch);
    const config = parseConfig({ oidc: { authority: 'http://kc.test/realms/attest', client_id: 'attest-web' }, sumsub_base_url: 'http://localhost:8093' });
    render(
      <ConfigContext.Provider value={config}>
        <MemoryRouter>
          <KycPage />
        </MemoryRouter>
      </ConfigContext.Provider>,
    );
    await user.type(await screen.findByLabelText('First name (optional)'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Start verification' }));

    expect(await screen.findByRole('region', { name: 'Verification with Sumsub' })).toBeTruthy();
    expect(sumsub.token).toBe('_act-1');
    expect(sumsub.baseUrl).toBe('http://localhost:8093');
    expect(sumsub.launched).toBe(1);

    await expect(sumsub.expired!()).resolves.toBe('_act-2');
    // The renewal asks for the open case again, without the personal data.
    expect(starts[1]).toEqual({ user_id: 'user-1', document_type: 'passport' });
    expect(starts[0]).toMatchObject({ personal_info: { first_name: 'Ada' } });
    expect(sumsub.launched).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Leave the verification' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Verification with Sumsub' })).toBeNull());
    expect(screen.getByText('You left the verification before finishing. Resume it whenever you are ready.')).toBeTruthy();
  });
});
