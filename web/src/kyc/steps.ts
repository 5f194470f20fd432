/**
 * KYC verification steps (issue 21): the kinds and statuses compliance-service records for a case
 * (`GET …/kyc/{case_id}/steps`), in words for people, and the check of an organization's required kinds
 * (`required_steps` of the Persona settings), as the service checks them.
 */
import type { components } from '../api/generated/compliance-service';
import type { Tone } from '../pages/user/kyc';

export type KycSteps = components['schemas']['StepsView'];
export type RequiredStep = components['schemas']['Required'];
export type StepEntry = components['schemas']['Entry'];

/** The step kinds Persona reports that the console names; any other kind is shown as it is sent. */
export const KNOWN_STEP_KINDS = [
  ['government-id', 'Government ID'],
  ['selfie', 'Selfie'],
  ['database', 'Database check'],
  ['document', 'Document'],
  ['phone-number', 'Phone number'],
  ['email-address', 'Email address'],
] as const;

/**
 * The step kinds compliance-service records Sumsub's document sets as (`SumsubReview`: `IDENTITY` → `government-id`,
 * `SELFIE` → `selfie`, `PROOF_OF_RESIDENCE` → `document`, `PHONE_VERIFICATION` → `phone`, `EMAIL_VERIFICATION` →
 * `email`, `QUESTIONNAIRE` → `questionnaire`; `COMPANY` → `business`, a business's own), as the Sumsub settings offer them.
 */
export const SUMSUB_STEP_KINDS = [
  ['government-id', 'Government ID'],
  ['selfie', 'Selfie'],
  ['document', 'Proof of address'],
  ['phone', 'Phone number'],
  ['email', 'Email address'],
  ['questionnaire', 'Questionnaire'],
] as const;

const KIND_LABELS: Record<string, string> = {
  ...Object.fromEntries(SUMSUB_STEP_KINDS),
  // Persona's names win for the kinds both report (`document`).
  ...Object.fromEntries(KNOWN_STEP_KINDS),
  business: 'Business documents',
  inquiry: 'Whole verification (inquiry)',
};

/** A step kind for people: `government-id` → "Government ID"; an unknown `bank-account` → "Bank account". */
export function stepKindLabel(kind: string | null | undefined): string {
  if (!kind) return 'Unknown step';
  const known = KIND_LABELS[kind];
  if (known) return known;
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A step's status (`pending`, `submitted`, `passed`, `failed`, `requires-retry`, `not-started`); `tone` only styles it. */
export function stepStatusWords(status: string | null | undefined): { label: string; tone: Tone } {
  switch (status) {
    case 'not-started':
      return { label: 'Not started', tone: 'neutral' };
    case 'pending':
      return { label: 'Pending', tone: 'info' };
    case 'submitted':
      return { label: 'Submitted, being checked', tone: 'info' };
    case 'passed':
      return { label: 'Passed', tone: 'success' };
    case 'failed':
      return { label: 'Failed', tone: 'danger' };
    case 'requires-retry':
      return { label: 'Needs another try', tone: 'warning' };
    default:
      return { label: status ? status.replace(/[_-]/g, ' ') : 'Unknown', tone: 'neutral' };
  }
}

/** A required step for the person: "Government ID: done", "Database check: still to do". */
export function requiredStepLine(step: RequiredStep): string {
  const label = stepKindLabel(step.kind);
  if (step.done) return `${label}: done`;
  switch (step.status) {
    case 'submitted':
      return `${label}: sent, being checked`;
    case 'requires-retry':
      return `${label}: to do again`;
    case 'failed':
      return `${label}: did not pass`;
    default:
      return `${label}: still to do`;
  }
}

/** The short line on what is left: "1 of 2 required steps done. Still to do: Database check." */
export function remainingLine(steps: Pick<KycSteps, 'required' | 'remaining' | 'complete'>): string {
  const required = steps.required ?? [];
  if (required.length === 0) return 'No particular steps are required: finishing the verification window is enough.';
  const remaining = steps.remaining ?? required.filter((s) => !s.done).map((s) => s.kind ?? '');
  if (steps.complete || remaining.length === 0) {
    return required.length === 1 ? 'The required step is done.' : `All ${required.length} required steps are done.`;
  }
  const done = required.length - remaining.length;
  return `${done} of ${required.length} required steps done. Still to do: ${remaining.map(stepKindLabel).join(', ')}.`;
}

/** compliance-service's bounds on `required_steps`. */
export const STEP_KIND = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_REQUIRED_STEPS = 16;

/** Step kinds typed as a list: split on commas, spaces or new lines; empty entries dropped. */
export function parseStepKinds(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '');
}

/** What is wrong with a list of required kinds, as the service checks it (shape, unique, at most 16), or null. */
export function stepKindsError(kinds: readonly string[]): string | null {
  const bad = kinds.find((kind) => !STEP_KIND.test(kind));
  if (bad !== undefined) {
    return `“${bad}” is not a step kind: lower-case letters, digits and dashes, starting with a letter or digit, at most 64 characters.`;
  }
  const seen = new Set<string>();
  for (const kind of kinds) {
    if (seen.has(kind)) return `“${kind}” is listed twice: each step once.`;
    seen.add(kind);
  }
  if (kinds.length > MAX_REQUIRED_STEPS) return `At most ${MAX_REQUIRED_STEPS} steps: remove ${kinds.length - MAX_REQUIRED_STEPS}.`;
  return null;
}
