/**
 * What a Test Connection answer means, in words an admin can act on. The services answer which part
 * failed (`token`, `signing_key`; `api_key`, `webhook_secret`) and a classified `result` (`unauthorized`,
 * `unreachable`, `unexpected-answer`, …); their `detail` is a fixed sentence, never the provider's words.
 * The words here come from `result` only.
 */
import { ApiError, problemToWords } from '../../api/problem';
import type { DfnsCheck, PersonaReport } from './types';

/** The providers a Test Connection is for. */
export type ConnectionProvider = 'Dfns' | 'Persona' | 'Sumsub';

export interface CheckLine {
  /** What was checked, e.g. "API token". */
  label: string;
  ok: boolean;
  /** What it means for the admin: what is wrong and what to do. */
  message: string;
  /** The service's classification of a failure (`unauthorized`, …), for support; null when it worked. */
  result: string | null;
}

export interface TestOutcome {
  ok: boolean;
  /** One sentence: all good, or the first thing to fix. */
  summary: string;
  lines: CheckLine[];
}

/** "Signing key" → "signing key"; "API key" stays. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** The words for a Dfns failure of `result`; `refused` says what an `unauthorized` means for the part. */
function dfnsFailureWords(result: string | null | undefined, where: string, refused: string): string {
  switch (result) {
    case 'unauthorized':
      return refused;
    case 'unreachable':
      return (
        `Dfns could not be reached${where}, or is failing or limiting requests right now. Check the API base URL and that Attest may call ` +
        'that address, then test again in a few minutes.'
      );
    case 'unexpected-answer':
      return `The API base URL${where} answered, but not as Dfns does. Check that it is Dfns’s API (e.g. https://api.dfns.io), not a web page or a proxy.`;
    default:
      return `The check failed (${result ?? 'no reason given'}). Check the settings and test again.`;
  }
}

/** `POST /orgs/{org}/integrations/dfns/test` → words. */
export function describeDfnsCheck(check: DfnsCheck, apiBaseUrl?: string | null): TestOutcome {
  const where = apiBaseUrl ? ` at ${apiBaseUrl}` : '';
  const lines: CheckLine[] = [];

  if (check.token === 'ok') {
    lines.push({ label: 'API token', ok: true, message: 'Dfns accepted the API token.', result: null });
  } else {
    lines.push({
      label: 'API token',
      ok: false,
      message: dfnsFailureWords(
        check.result,
        where,
        'Dfns refused the API token: it is wrong, expired, revoked, or belongs to another Dfns environment (check the API base URL too).',
      ),
      result: check.result ?? null,
    });
  }

  if (check.signing_key === 'ok') {
    lines.push({
      label: 'Signing key',
      ok: true,
      message: 'Dfns accepted a request signed with the private key and credential ID.',
      result: null,
    });
  } else if (check.signing_key === 'failed') {
    lines.push({
      label: 'Signing key',
      ok: false,
      message: dfnsFailureWords(
        check.result,
        where,
        'Dfns did not accept the signed request: the private key does not belong to the credential ID, or that credential is not registered for this token. Check both.',
      ),
      result: check.result ?? null,
    });
  } else {
    lines.push({ label: 'Signing key', ok: false, message: 'Not tested: the API token has to work first.', result: null });
  }

  const ok = check.ok === true;
  const firstProblem = lines.find((line) => !line.ok);
  return {
    ok,
    summary: ok
      ? 'Connection works: Dfns accepted the token and the signing key.'
      : firstProblem
        ? `Connection failed: the ${lowerFirst(firstProblem.label)} does not work.`
        : `Connection failed. ${check.detail ?? 'Dfns did not accept the settings.'}`,
    lines,
  };
}

function personaLine(
  label: string,
  check: PersonaReport['api_key'] | undefined,
  okWords: string,
  failureWords: Readonly<Record<string, string>>,
): CheckLine {
  if (check?.ok) return { label, ok: true, message: check.detail ?? okWords, result: null };
  const result = check?.result ?? null;
  const message =
    (result && failureWords[result]) ?? `The check failed (${result ?? 'no reason given'}). Check the settings and test again.`;
  return { label, ok: false, message, result };
}

/** What each KYC provider's failures mean, by part and `result`. */
const KYC_REPORT_WORDS = {
  Persona: {
    credential: 'API key',
    okCredential: 'Persona accepted the API key.',
    credentialFailures: {
      'not-configured': 'No API key is set. Enter it and save.',
      unauthorized: 'Persona refused the API key: it is wrong, revoked, or for the other environment (sandbox or production).',
      unreachable: 'Persona could not be reached, or is failing or limiting requests right now. Test again in a few minutes.',
      'unexpected-answer': 'Persona’s answer was not the one it gives. Test again; if it persists, tell the platform’s operator.',
    },
    secretFailures: {
      'not-configured': 'No webhook secret is set. Enter it and save.',
      'signature-mismatch': 'The webhook secret does not verify Persona’s signature: copy it again from Persona’s webhook settings.',
    },
    summary: 'Connection works: Persona accepted the API key and the webhook secrets are set.',
  },
  Sumsub: {
    credential: 'App token and secret key',
    okCredential: 'Sumsub accepted the app token and the request signed with the secret key.',
    credentialFailures: {
      'not-configured': 'No app token or secret key is set. Enter both and save.',
      unauthorized:
        'Sumsub refused the app token or the signature made with the secret key: one is wrong or revoked, or they belong to different apps (sandbox or production).',
      unreachable: 'Sumsub could not be reached, or is failing or limiting requests right now. Test again in a few minutes.',
      'unexpected-answer': 'Sumsub’s answer was not the one it gives. Test again; if it persists, tell the platform’s operator.',
    },
    secretFailures: {
      'not-configured': 'No webhook secret is set. Enter it and save.',
      'signature-mismatch':
        'The webhook secret does not verify Sumsub’s signature: copy it again from Sumsub’s webhook settings, and check the digest algorithm.',
    },
    summary: 'Connection works: Sumsub accepted the app token and secret key, and the webhook secrets are set.',
  },
} as const;

/** `POST /orgs/{org}/integrations/{persona|sumsub}/test` → words. */
export function describeKycReport(provider: 'Persona' | 'Sumsub', report: PersonaReport): TestOutcome {
  const words = KYC_REPORT_WORDS[provider];
  const lines = [
    personaLine(words.credential, report.api_key, words.okCredential, words.credentialFailures),
    personaLine('Webhook secrets', report.webhook_secret, 'The webhook secrets are set and verify a signed sample.', words.secretFailures),
  ];
  const ok = lines.every((line) => line.ok);
  const firstProblem = lines.find((line) => !line.ok);
  const plural = firstProblem ? /s$|\band\b/.test(firstProblem.label) : false;
  return {
    ok,
    summary: ok ? words.summary : `Connection failed: the ${lowerFirst(firstProblem?.label ?? '')} ${plural ? 'do' : 'does'} not work.`,
    lines,
  };
}

/** `POST /orgs/{org}/integrations/persona/test` → words. */
export function describePersonaReport(report: PersonaReport): TestOutcome {
  return describeKycReport('Persona', report);
}

/** A test that could not run at all (no settings yet, no access, service down) → words. */
export function describeTestError(provider: ConnectionProvider, error: unknown): string {
  if (error instanceof ApiError && error.status === 404) {
    return `${provider} is not set up for this organization yet. Save the settings first, then test.`;
  }
  return problemToWords(error).message;
}
