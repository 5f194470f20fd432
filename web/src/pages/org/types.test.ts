import { describe, expect, it } from 'vitest';
import { createdEndpoint, issuedApiKey } from './types';

describe('answers the documents do not describe', () => {
  it('reads the key of an issued API key, and refuses an answer without one', () => {
    expect(issuedApiKey({ id: 'k1', name: 'ci', key: 'ak_test_abc' }).key).toBe('ak_test_abc');
    expect(() => issuedApiKey({ id: 'k1' })).toThrow('The gateway did not answer the new key.');
    expect(() => issuedApiKey(null)).toThrow();
  });

  it('reads the signing secret of a new endpoint', () => {
    expect(createdEndpoint({ id: 'e1', url: 'https://x', secret: 'whsec_1' }).secret).toBe('whsec_1');
    expect(() => createdEndpoint({ id: 'e1' })).toThrow(/signing secret/);
  });
});
