import { describe, expect, it, vi } from 'vitest';
import { CONFIG_URL, ConfigError, explorerUrl, loadConfig, parseConfig } from './config';

const served = {
  oidc: { authority: 'http://127.0.0.1:8180/realms/attest/', client_id: 'attest-web' },
  persona: { client_options: { customHost: 'localhost:8090' } },
  chain: { name: 'local', explorer_tx_url: 'https://explorer.test/tx/{hash}', explorer_address_url: null },
  signup_org: 'demo',
};

describe('parseConfig', () => {
  it('reads the document the gateway serves', () => {
    const config = parseConfig(served);
    expect(config.oidc).toEqual({ authority: 'http://127.0.0.1:8180/realms/attest', client_id: 'attest-web' });
    expect(config.persona.client_options).toEqual({ customHost: 'localhost:8090' });
    expect(config.signup_org).toBe('demo');
  });

  it('defaults what a deployment may leave out', () => {
    const config = parseConfig({ oidc: served.oidc });
    expect(config.persona.client_options).toEqual({});
    expect(config.chain).toEqual({ name: 'unknown', explorer_tx_url: null, explorer_address_url: null });
    expect(config.signup_org).toBeNull();
    expect(config.sumsub_base_url).toBeNull();
  });

  it('reads where Sumsub’s WebSDK loads from, without a trailing slash', () => {
    expect(parseConfig({ ...served, sumsub_base_url: 'http://localhost:8093/' }).sumsub_base_url).toBe('http://localhost:8093');
  });

  it('names the wrong field', () => {
    expect(() => parseConfig(null)).toThrow(ConfigError);
    expect(() => parseConfig({})).toThrow('oidc must be an object');
    expect(() => parseConfig({ oidc: { authority: '', client_id: 'x' } })).toThrow('oidc.authority');
    expect(() => parseConfig({ oidc: served.oidc, persona: { client_options: [] } })).toThrow(
      'persona.client_options',
    );
    expect(() => parseConfig({ ...served, signup_org: 42 })).toThrow('signup_org');
    expect(() => parseConfig({ ...served, sumsub_base_url: {} })).toThrow('sumsub_base_url');
  });
});

describe('loadConfig', () => {
  it('fetches config.json beside the console (/console/config.json in a build)', async () => {
    const fetchMock = vi.fn(async () => Response.json(served));
    const config = await loadConfig(fetchMock as unknown as typeof fetch);
    expect(CONFIG_URL).toBe(`${import.meta.env.BASE_URL}config.json`);
    expect(fetchMock).toHaveBeenCalledWith(CONFIG_URL, expect.anything());
    expect(config.chain.name).toBe('local');
  });

  it('fails plainly when the gateway serves none', async () => {
    const fetchMock = async () => new Response('', { status: 404 });
    await expect(loadConfig(fetchMock as unknown as typeof fetch)).rejects.toThrow('answered 404');
  });
});

describe('explorerUrl', () => {
  it('fills the template, or gives null without an explorer', () => {
    const { chain } = parseConfig(served);
    expect(explorerUrl(chain, 'tx', '0xabc')).toBe('https://explorer.test/tx/0xabc');
    expect(explorerUrl(chain, 'address', '0xdef')).toBeNull();
  });
});
