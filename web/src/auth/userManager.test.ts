// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createUserManager, signUpManager } from './userManager';

describe('signUpManager', () => {
  it("sends a Keycloak realm's sign-up to its registration page, with the same client and callback", () => {
    const manager = createUserManager({ authority: 'http://127.0.0.1:8180/realms/attest', client_id: 'attest-web' }, 'http://127.0.0.1:8080');
    const signUp = signUpManager(manager);
    expect(signUp).not.toBe(manager);
    expect(signUp.settings.metadataSeed?.authorization_endpoint).toBe(
      'http://127.0.0.1:8180/realms/attest/protocol/openid-connect/registrations',
    );
    expect(signUp.settings.client_id).toBe('attest-web');
    expect(signUp.settings.redirect_uri).toBe(manager.settings.redirect_uri);
    expect(signUp.settings.stateStore).toBe(manager.settings.stateStore);
  });

  it('keeps other providers as they are (they honour prompt=create)', () => {
    const manager = createUserManager({ authority: 'https://auth.privy.io', client_id: 'x' }, 'https://console.test');
    expect(signUpManager(manager)).toBe(manager);
  });
});
