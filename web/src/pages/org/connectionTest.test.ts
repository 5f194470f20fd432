import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { describeDfnsCheck, describePersonaReport, describeTestError, failureKind } from './connectionTest';

describe('Dfns Test Connection in words', () => {
  it('says it works when Dfns accepted the token and the signing key', () => {
    const outcome = describeDfnsCheck({ ok: true, token: 'ok', signing_key: 'ok' });
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toBe('Connection works: Dfns accepted the token and the signing key.');
    expect(outcome.lines.map((l) => l.ok)).toEqual([true, true]);
  });

  it('names a refused token, keeps Dfns’s words for support, and skips the key', () => {
    const outcome = describeDfnsCheck({ ok: false, token: 'failed', signing_key: 'skipped', detail: 'token: Invalid or expired token' });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toBe('Connection failed: the API token does not work.');
    expect(outcome.lines[0]).toMatchObject({ label: 'API token', ok: false, technical: 'Invalid or expired token' });
    expect(outcome.lines[0]!.message).toContain('Dfns refused the API token');
    expect(outcome.lines[1]!.message).toBe('Not tested: the API token has to work first.');
  });

  it('tells an unreachable Dfns from a refusal, with the URL to check', () => {
    const outcome = describeDfnsCheck(
      { ok: false, token: 'failed', signing_key: 'skipped', detail: 'token: Dfns did not answer GET /wallets: java.net.ConnectException' },
      'https://dfns.example',
    );
    expect(outcome.lines[0]!.message).toBe('Dfns could not be reached at https://dfns.example. Check the API base URL, and that Attest can reach it.');
  });

  it('says a wrong signing key is the key or the credential ID', () => {
    const outcome = describeDfnsCheck({
      ok: false,
      token: 'ok',
      signing_key: 'failed',
      detail: 'signing key: Signature does not verify with the registered credential',
    });
    expect(outcome.summary).toBe('Connection failed: the signing key does not work.');
    expect(outcome.lines[1]!.message).toMatch(/private key does not belong to the credential ID/);
    expect(outcome.lines[1]!.technical).toBe('Signature does not verify with the registered credential');
  });

  it('classifies failures by the service’s message', () => {
    expect(failureKind('Dfns answered 503: down')).toBe('failing');
    expect(failureKind('Dfns answered 429: slow down')).toBe('rate-limited');
    expect(failureKind('Dfns is failing; calls are paused for a while')).toBe('failing');
    expect(failureKind('Persona could not be reached or is failing; try again later.')).toBe('unreachable');
    expect(failureKind('Unauthorized')).toBe('refused');
    expect(failureKind(null)).toBe('refused');
  });
});

describe('Persona Test Connection in words', () => {
  it('says it works when both parts pass', () => {
    const outcome = describePersonaReport({
      api_key: { ok: true, detail: 'Persona accepted the API key.' },
      webhook_secret: { ok: true, detail: '1 webhook secret(s) set; a signed sample verifies.' },
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toMatch(/^Connection works/);
  });

  it('names a refused API key', () => {
    const outcome = describePersonaReport({
      api_key: { ok: false, detail: 'Persona refused the API key (HTTP 401).' },
      webhook_secret: { ok: true, detail: 'ok' },
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toBe('Connection failed: the API key does not work.');
    expect(outcome.lines[0]!.message).toMatch(/^Persona refused the API key: it is wrong, revoked, or for the other environment/);
    expect(outcome.lines[0]!.technical).toBe('Persona refused the API key (HTTP 401).');
  });

  it('says what is missing, and an outage as an outage', () => {
    const missing = describePersonaReport({ api_key: { ok: true }, webhook_secret: { ok: false, detail: 'No webhook secret is set.' } });
    expect(missing.summary).toBe('Connection failed: the webhook secrets do not work.');
    expect(missing.lines[1]!.message).toBe('No webhook secret is set. Enter it and save.');
    const down = describePersonaReport({
      api_key: { ok: false, detail: 'Persona could not be reached or is failing; try again later.' },
      webhook_secret: { ok: true },
    });
    expect(down.lines[0]!.message).toMatch(/could not be reached or is failing right now/);
  });
});

describe('a test that could not run', () => {
  it('says to save first when nothing is set up, else the problem’s words', () => {
    const notFound = new ApiError(404, { type: 'https://attest.dev/problems/not-found', detail: 'Dfns settings of this organization' });
    expect(describeTestError('Dfns', notFound)).toBe('Dfns is not set up for this organization yet. Save the settings first, then test.');
    expect(describeTestError('Persona', new ApiError(403, { type: 'https://attest.dev/problems/forbidden' }))).toBe('You are not allowed to do this.');
  });
});
