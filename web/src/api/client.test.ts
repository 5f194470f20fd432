import { describe, expect, it, vi } from 'vitest';
import { createApi, unwrap } from './client';
import { ApiError, NetworkError } from './problem';

function apiWith(answer: (request: Request) => Response | Promise<Response>, project: string | null = null) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (request: Request) => {
    requests.push(request);
    return answer(request);
  });
  const api = createApi(
    { accessToken: async () => 'token-1', projectId: () => project },
    { baseUrl: 'http://gateway.test', fetch: fetchMock as unknown as typeof fetch },
  );
  return { api, requests };
}

describe('API clients', () => {
  it('send the bearer token and the selected project', async () => {
    const { api, requests } = apiWith(() => Response.json({ status: 'none' }), 'project-1');
    const wallet = await unwrap(api.wallet.GET('/wallets/me'));
    expect(wallet.status).toBe('none');
    expect(requests[0]!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(requests[0]!.headers.get('Attest-Project')).toBe('project-1');
  });

  it('leave the project to the path when it names one (the gateway refuses a contradiction)', async () => {
    const { api, requests } = apiWith(() => Response.json([]), 'project-1');
    await unwrap(
      api.gateway.GET('/orgs/{org}/projects/{project}/api-keys', { params: { path: { org: 'demo', project: 'p2' } } }),
    );
    expect(requests[0]!.url).toBe('http://gateway.test/orgs/demo/projects/p2/api-keys');
    expect(requests[0]!.headers.has('Attest-Project')).toBe(false);
  });

  it('turn a problem answer into an ApiError', async () => {
    const { api } = apiWith(
      () =>
        new Response(
          JSON.stringify({
            type: 'https://attest.dev/problems/kyc-rejected',
            title: 'KYC rejected',
            status: 409,
            detail: 'Your verification was declined.',
          }),
          { status: 409, headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': 'r-1' } },
        ),
    );
    const failure = await unwrap(api.compliance.GET('/compliance/kyc/me')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 409, slug: 'kyc-rejected', requestId: 'r-1' });
  });

  it('turn no answer at all into a NetworkError', async () => {
    const { api } = apiWith(() => {
      throw new TypeError('fetch failed');
    });
    await expect(unwrap(api.identity.GET('/identities/me'))).rejects.toBeInstanceOf(NetworkError);
  });
});
