/**
 * What a Test Connection answer means, in words an admin can act on. The services answer which part
 * failed (`token`, `signing_key`; `api_key`, `webhook_secret`) and the provider's own message; the
 * message only picks between "could not reach" and "refused", it is shown as it came for support.
 */
import { ApiError, problemToWords } from '../../api/problem';
import type { DfnsCheck, PersonaReport } from './types';

export interface CheckLine {
  /** What was checked, e.g. "API token". */
  label: string;
  ok: boolean;
  /** What it means for the admin: what is wrong and what to do. */
  message: string;
  /** The provider's own words, for support (may be null). */
  technical: string | null;
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

/** How a call to a provider failed, from the service's message about it. */
export type FailureKind = 'unreachable' | 'rate-limited' | 'failing' | 'refused';

export function failureKind(detail: string | null | undefined): FailureKind {
  const text = detail ?? '';
  if (/did not answer|could not be reached|unreachable|connect|timed? ?out|interrupted|unknown host/i.test(text)) {
    return 'unreachable';
  }
  if (/\b429\b|too many requests|rate.?limit/i.test(text)) return 'rate-limited';
  if (/answered 5\d\d|\b50[0-4]\b|is failing|paused/i.test(text)) return 'failing';
  return 'refused';
}

/** The message of a Dfns check without the part prefix the service adds ("token: …"). */
function dfnsMessage(detail: string | null | undefined, part: 'token' | 'signing key'): string | null {
  if (!detail) return null;
  const prefix = `${part}: `;
  return detail.startsWith(prefix) ? detail.slice(prefix.length) : detail;
}

function unavailableWords(kind: FailureKind, where: string): string | null {
  switch (kind) {
    case 'unreachable':
      return `Dfns could not be reached${where}. Check the API base URL, and that Attest can reach it.`;
    case 'rate-limited':
      return 'Dfns is limiting requests right now. Wait a minute and test again.';
    case 'failing':
      return 'Dfns is failing right now (an error on its side). Test again in a few minutes.';
    default:
      return null;
  }
}

/** `POST /orgs/{org}/integrations/dfns/test` → words. */
export function describeDfnsCheck(check: DfnsCheck, apiBaseUrl?: string | null): TestOutcome {
  const where = apiBaseUrl ? ` at ${apiBaseUrl}` : '';
  const lines: CheckLine[] = [];

  if (check.token === 'ok') {
    lines.push({ label: 'API token', ok: true, message: 'Dfns accepted the API token.', technical: null });
  } else {
    const technical = dfnsMessage(check.detail, 'token');
    const kind = failureKind(technical);
    lines.push({
      label: 'API token',
      ok: false,
      message:
        unavailableWords(kind, where) ??
        'Dfns refused the API token: it is wrong, expired, revoked, or belongs to another Dfns environment (check the API base URL too).',
      technical,
    });
  }

  if (check.signing_key === 'ok') {
    lines.push({
      label: 'Signing key',
      ok: true,
      message: 'Dfns accepted a request signed with the private key and credential ID.',
      technical: null,
    });
  } else if (check.signing_key === 'failed') {
    const technical = dfnsMessage(check.detail, 'signing key');
    const kind = failureKind(technical);
    lines.push({
      label: 'Signing key',
      ok: false,
      message:
        unavailableWords(kind, where) ??
        'Dfns did not accept the signed request: the private key does not belong to the credential ID, or that credential is not registered for this token. Check both.',
      technical,
    });
  } else {
    lines.push({
      label: 'Signing key',
      ok: false,
      message: 'Not tested: the API token has to work first.',
      technical: null,
    });
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
  check: { ok?: boolean; detail?: string } | undefined,
  okWords: string,
  refusedWords: string,
): CheckLine {
  const detail = check?.detail ?? null;
  if (check?.ok) return { label, ok: true, message: detail ?? okWords, technical: null };
  if (detail && /^No .* is set\.?$/.test(detail)) return { label, ok: false, message: `${detail} Enter it and save.`, technical: null };
  const kind = failureKind(detail);
  const message =
    kind === 'unreachable' || kind === 'failing'
      ? 'Persona could not be reached or is failing right now. Test again in a few minutes.'
      : kind === 'rate-limited'
        ? 'Persona is limiting requests right now. Wait a minute and test again.'
        : refusedWords;
  return { label, ok: false, message, technical: detail };
}

/** `POST /orgs/{org}/integrations/persona/test` → words. */
export function describePersonaReport(report: PersonaReport): TestOutcome {
  const lines = [
    personaLine(
      'API key',
      report.api_key,
      'Persona accepted the API key.',
      'Persona refused the API key: it is wrong, revoked, or for the other environment (sandbox or production).',
    ),
    personaLine(
      'Webhook secrets',
      report.webhook_secret,
      'The webhook secrets are set and verify a signed sample.',
      'The webhook secret does not verify Persona’s signature: copy it again from Persona’s webhook settings.',
    ),
  ];
  const ok = lines.every((line) => line.ok);
  const firstProblem = lines.find((line) => !line.ok);
  return {
    ok,
    summary: ok
      ? 'Connection works: Persona accepted the API key and the webhook secrets are set.'
      : `Connection failed: the ${lowerFirst(firstProblem?.label ?? '')} ${firstProblem?.label.endsWith('s') ? 'do' : 'does'} not work.`,
    lines,
  };
}

/** A test that could not run at all (no settings yet, no access, service down) → words. */
export function describeTestError(provider: 'Dfns' | 'Persona', error: unknown): string {
  if (error instanceof ApiError && error.status === 404) {
    return `${provider} is not set up for this organization yet. Save the settings first, then test.`;
  }
  return problemToWords(error).message;
}
