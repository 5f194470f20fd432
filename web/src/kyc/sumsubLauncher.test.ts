import { afterEach, describe, expect, it, vi } from 'vitest';
import { launchSumsub, outcomeOfReview, type SumsubLaunch } from './sumsubLauncher';

/** The SDK at its module boundary: what the launcher built, and the handlers it gave. */
const sdk = vi.hoisted(() => ({
  token: '',
  expired: null as null | (() => Promise<string>),
  baseUrl: null as string | null,
  handlers: {} as Record<string, (payload: unknown) => void>,
  launched: null as HTMLElement | null,
  destroy: null as null | (() => void),
}));

vi.mock('@sumsub/websdk', () => ({
  default: {
    init(token: string, expired: () => Promise<string>) {
      sdk.token = token;
      sdk.expired = expired;
      const builder = {
        withBaseUrl: (url: string) => ((sdk.baseUrl = url), builder),
        withConf: () => builder,
        withOptions: () => builder,
        on: (event: string, handler: (payload: unknown) => void) => ((sdk.handlers[event] = handler), builder),
        build: () => {
          sdk.destroy = vi.fn();
          return { launch: (element: HTMLElement) => (sdk.launched = element), destroy: sdk.destroy };
        },
      };
      return builder;
    },
  },
}));

function launch(overrides: Partial<SumsubLaunch> = {}) {
  const callbacks = {
    container: { id: 'box' } as unknown as HTMLElement,
    accessToken: '_act-1',
    baseUrl: null,
    refreshToken: vi.fn(async () => '_act-2'),
    onReady: vi.fn(),
    onOutcome: vi.fn(),
    onError: vi.fn(),
    onRefreshFailed: vi.fn(),
    ...overrides,
  };
  const stop = launchSumsub(callbacks);
  return { callbacks, stop };
}

afterEach(() => {
  sdk.baseUrl = null;
  sdk.handlers = {};
});

describe('the Sumsub launcher', () => {
  it('launches the SDK with the token into the element, and removes it', () => {
    const { callbacks, stop } = launch();
    expect(sdk.token).toBe('_act-1');
    expect(sdk.baseUrl).toBeNull();
    expect(sdk.launched).toBe(callbacks.container);
    sdk.handlers['idCheck.onReady']?.({});
    expect(callbacks.onReady).toHaveBeenCalledOnce();
    stop();
    expect(sdk.destroy).toHaveBeenCalledOnce();
  });

  it('uses the deployment’s Sumsub origin when it has one', () => {
    launch({ baseUrl: 'http://localhost:8093' });
    expect(sdk.baseUrl).toBe('http://localhost:8093');
  });

  it('hands the SDK a fresh token when its token expires', async () => {
    const { callbacks } = launch();
    await expect(sdk.expired!()).resolves.toBe('_act-2');
    expect(callbacks.refreshToken).toHaveBeenCalledOnce();
    expect(callbacks.onRefreshFailed).not.toHaveBeenCalled();
  });

  it('reports a token that could not be renewed, and lets the SDK see the failure', async () => {
    const refused = new Error('409 kyc-rejected');
    const { callbacks } = launch({ refreshToken: vi.fn(async () => Promise.reject(refused)) });
    await expect(sdk.expired!()).rejects.toBe(refused);
    expect(callbacks.onRefreshFailed).toHaveBeenCalledWith(refused);
  });

  it('reports the outcome once, and the SDK’s errors', () => {
    const { callbacks } = launch();
    sdk.handlers['idCheck.onApplicantStatusChanged']?.({ reviewStatus: 'init' });
    expect(callbacks.onOutcome).not.toHaveBeenCalled();
    sdk.handlers['idCheck.onApplicantSubmitted']?.({});
    sdk.handlers['idCheck.onApplicantStatusChanged']?.({ reviewStatus: 'completed', reviewResult: { reviewAnswer: 'RED' } });
    expect(callbacks.onOutcome).toHaveBeenCalledTimes(1);
    expect(callbacks.onOutcome).toHaveBeenCalledWith('completed');
    sdk.handlers['idCheck.onError']?.({ code: 'init-error', error: 'Invalid access token' });
    expect(callbacks.onError).toHaveBeenCalledWith({ code: 'init-error', error: 'Invalid access token' });
  });

  it('reads Sumsub’s review answers', () => {
    expect(outcomeOfReview({ reviewStatus: 'completed', reviewResult: { reviewAnswer: 'RED' } })).toBe('failed');
    expect(outcomeOfReview({ reviewStatus: 'completed', reviewResult: { reviewAnswer: 'GREEN' } })).toBe('completed');
    expect(outcomeOfReview({ reviewStatus: 'pending' })).toBe('completed');
    expect(outcomeOfReview({ reviewStatus: 'init' })).toBeNull();
  });
});
