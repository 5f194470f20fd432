import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { describeDfnsCheck, describePersonaReport, describeTestError } from './connectionTest';

describe('Dfns Test Connection in words', () => {
  it('says it works when Dfns accepted the token and the signing key', () => {
    const outcome = describeDfnsCheck({ ok: true, token: 'ok', signing_key: 'ok', result: 'ok' });
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toBe('Connection works: Dfns accepted the token and the signing key.');
    expect(outcome.lines.map((l) => l.ok)).toEqual([true, true]);
    expect(outcome.lines.map((l) => l.result)).toEqual([null, null]);
  });

  it('names a refused token, keeps the classification for support, and skips the key', () => {
    const outcome = describeDfnsCheck({
      ok: false,
      token: 'failed',
      signing_key: 'skipped',
      result: 'unauthorized',
      detail: 'token: Dfns refused the credentials.',
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toBe('Connection failed: the API token does not work.');
    expect(outcome.lines[0]).toMatchObject({ label: 'API token', ok: false, result: 'unauthorized' });
    expect(outcome.lines[0]!.message).toContain('Dfns refused the API token');
    expect(outcome.lines[1]!.message).toBe('Not tested: the API token has to work first.');
  });

  it('reads the result, never the detail: an unreachable Dfns, with the URL to check', () => {
    // A detail that reads like a refusal: the words still follow `result`.
    const outcome = describeDfnsCheck(
      { ok: false, token: 'failed', signing_key: 'skipped', result: 'unreachable', detail: 'token: Unauthorized' },
      'https://dfns.example',
    );
    expect(outcome.lines[0]!.message).toMatch(/^Dfns could not be reached at https:\/\/dfns\.example, or is failing or limiting requests/);
    expect(outcome.lines[0]!.message).toContain('that Attest may call that address');
  });

  it('says when the URL answers but is not Dfns', () => {
    const outcome = describeDfnsCheck(
      { ok: false, token: 'failed', signing_key: 'skipped', result: 'unexpected-answer', detail: 'token: The answer was not Dfns’s.' },
      'https://example.com',
    );
    expect(outcome.lines[0]!.message).toBe(
      'The API base URL at https://example.com answered, but not as Dfns does. Check that it is Dfns’s API (e.g. https://api.dfns.io), not a web page or a proxy.',
    );
    expect(outcome.lines[0]!.result).toBe('unexpected-answer');
  });

  it('says a wrong signing key is the key or the credential ID', () => {
    const outcome = describeDfnsCheck({
      ok: false,
      token: 'ok',
      signing_key: 'failed',
      result: 'unauthorized',
      detail: 'signing key: Dfns refused the signed request.',
    });
    expect(outcome.summary).toBe('Connection failed: the signing key does not work.');
    expect(outcome.lines[1]!.message).toMatch(/private key does not belong to the credential ID/);
    expect(outcome.lines[1]!.result).toBe('unauthorized');
  });

  it('an outage while checking the key is an outage, not a wrong key', () => {
    const outcome = describeDfnsCheck({ ok: false, token: 'ok', signing_key: 'failed', result: 'unreachable', detail: 'signing key: …' });
    expect(outcome.lines[1]!.message).toMatch(/^Dfns could not be reached, or is failing/);
  });

  it('names a result it does not know rather than guessing', () => {
    const outcome = describeDfnsCheck({ ok: false, token: 'failed', signing_key: 'skipped', result: 'something-new', detail: 'token: …' });
    expect(outcome.lines[0]!.message).toBe('The check failed (something-new). Check the settings and test again.');
  });
});

describe('Persona Test Connection in words', () => {
  it('says it works when both parts pass', () => {
    const outcome = describePersonaReport({
      api_key: { ok: true, result: 'ok', detail: 'Persona accepted the API key.' },
      webhook_secret: { ok: true, result: 'ok', detail: '1 webhook secret(s) set; a signed sample verifies.' },
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toMatch(/^Connection works/);
    expect(outcome.lines[1]!.message).toBe('1 webhook secret(s) set; a signed sample verifies.');
  });

  it('names a refused API key', () => {
    const outcome = describePersonaReport({
      api_key: { ok: false, result: 'unauthorized', detail: 'Persona refused the API key.' },
      webhook_secret: { ok: true, result: 'ok', detail: 'ok' },
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toBe('Connection failed: the API key does not work.');
    expect(outcome.lines[0]!.message).toMatch(/^Persona refused the API key: it is wrong, revoked, or for the other environment/);
    expect(outcome.lines[0]!.result).toBe('unauthorized');
  });

  it('says what is missing, an outage as an outage, and an answer that is not Persona’s', () => {
    const missing = describePersonaReport({
      api_key: { ok: false, result: 'not-configured', detail: 'No API key is set.' },
      webhook_secret: { ok: false, result: 'not-configured', detail: 'No webhook secret is set.' },
    });
    expect(missing.summary).toBe('Connection failed: the API key does not work.');
    expect(missing.lines.map((l) => l.message)).toEqual(['No API key is set. Enter it and save.', 'No webhook secret is set. Enter it and save.']);
    const down = describePersonaReport({
      api_key: { ok: false, result: 'unreachable', detail: 'Persona could not be reached or is failing; try again later.' },
      webhook_secret: { ok: true, result: 'ok' },
    });
    expect(down.lines[0]!.message).toMatch(/^Persona could not be reached, or is failing or limiting requests right now/);
    const odd = describePersonaReport({
      api_key: { ok: false, result: 'unexpected-answer', detail: 'The answer was not the one Persona gives.' },
      webhook_secret: { ok: true, result: 'ok' },
    });
    expect(odd.lines[0]!.message).toMatch(/^Persona’s answer was not the one it gives/);
  });

  it('says a secret that does not verify', () => {
    const outcome = describePersonaReport({
      api_key: { ok: true, result: 'ok' },
      webhook_secret: { ok: false, result: 'signature-mismatch', detail: 'A configured webhook secret cannot verify a signed sample.' },
    });
    expect(outcome.summary).toBe('Connection failed: the webhook secrets do not work.');
    expect(outcome.lines[1]!.message).toMatch(/^The webhook secret does not verify Persona’s signature/);
  });
});

describe('a test that could not run', () => {
  it('says to save first when nothing is set up, else the problem’s words', () => {
    const notFound = new ApiError(404, { type: 'https://attest.dev/problems/not-found', detail: 'Dfns settings of this organization' });
    expect(describeTestError('Dfns', notFound)).toBe('Dfns is not set up for this organization yet. Save the settings first, then test.');
    expect(describeTestError('Persona', new ApiError(403, { type: 'https://attest.dev/problems/forbidden' }))).toBe('You are not allowed to do this.');
  });
});
