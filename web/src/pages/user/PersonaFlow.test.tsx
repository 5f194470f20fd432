// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import type { ClientOptions } from 'persona';
import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../config/config';
import { ConfigContext } from '../../config/ConfigContext';
import { PersonaFlow, PersonaFlowError } from './PersonaFlow';

const sdk = vi.hoisted(() => ({ clients: [] as { options: ClientOptions; open: () => void; destroy: () => void }[] }));

vi.mock('persona', () => ({
  Client: class {
    options: ClientOptions;
    open = vi.fn();
    destroy = vi.fn();
    constructor(options: ClientOptions) {
      this.options = options;
      sdk.clients.push(this);
    }
  },
}));

const config = parseConfig({
  oidc: { authority: 'http://kc.test/realms/attest', client_id: 'attest-web' },
  persona: { client_options: { customHost: 'localhost:8090' } },
});

describe('PersonaFlow', () => {
  it("runs the SDK's Client with the session and the deployment's options, opens it when ready, reports and cleans up", () => {
    const handlers = { onComplete: vi.fn(), onCancel: vi.fn(), onError: vi.fn() };
    const { unmount } = render(
      <ConfigContext.Provider value={config}>
        <PersonaFlow session={{ inquiryId: 'inq_1', sessionToken: 'sess_1' }} handlers={handlers} />
      </ConfigContext.Provider>,
    );
    expect(sdk.clients).toHaveLength(1);
    const client = sdk.clients[0]!;
    expect(client.options).toMatchObject({ inquiryId: 'inq_1', sessionToken: 'sess_1', customHost: 'localhost:8090' });
    expect(screen.getByRole('status').textContent).toContain('Opening the verification window');

    act(() => client.options.onReady?.());
    expect(client.open).toHaveBeenCalledOnce();
    expect(screen.getByRole('status').textContent).toContain('The verification window is open');

    act(() => client.options.onComplete?.({ inquiryId: 'inq_1', status: 'completed', fields: {} }));
    expect(handlers.onComplete).toHaveBeenCalledWith({ inquiryId: 'inq_1', status: 'completed' });
    act(() => client.options.onCancel?.({ inquiryId: 'inq_1' }));
    expect(handlers.onCancel).toHaveBeenCalledOnce();
    act(() => client.options.onError?.({ status: 409, code: 'unauthenticated' }));
    expect(handlers.onError).toHaveBeenCalledWith({ status: 409, code: 'unauthenticated' });

    unmount();
    expect(client.destroy).toHaveBeenCalledOnce();
  });

  it("says the SDK's errors in words", () => {
    expect(new PersonaFlowError({ status: 409, code: 'unauthenticated' }).message).toContain('no longer valid');
    expect(new PersonaFlowError({ status: 400, code: 'invalid_config', message: 'bad host' }).message).toBe(
      'The verification window reported a problem (invalid_config, 400): bad host. Try again.',
    );
  });
});
