/** Sumsub's settings (issue 21): the form, its checks before sending, and the `PUT …/integrations/sumsub` body. */
import type { ProviderReport, SumsubReport, SumsubSettings, SumsubSettingsChange } from '../../api/additions';
import { SUMSUB_STEP_KINDS } from '../../kyc/steps';
import {
  isPrintableAscii,
  requiredStepsOf,
  stepsErrors,
  stepsFormFrom,
  webhookSecretsErrors,
  webhookSecretsOf,
  type FieldErrors,
  type StepsForm,
  type WebhookSecretsForm,
} from './forms';

/** How Sumsub signs its webhooks (`X-Payload-Digest-Alg`), as set in Sumsub's dashboard. */
export const DIGEST_ALGS = [
  ['HMAC_SHA256_HEX', 'HMAC SHA-256 (Sumsub’s default)'],
  ['HMAC_SHA512_HEX', 'HMAC SHA-512'],
  ['HMAC_SHA1_HEX', 'HMAC SHA-1 (legacy)'],
] as const;

export type DigestAlg = (typeof DIGEST_ALGS)[number][0];

export const SUMSUB_KINDS: readonly string[] = SUMSUB_STEP_KINDS.map(([kind]) => kind);

/** A level's name as compliance-service takes it: letters, digits, spaces and `._-`, starting with a letter or digit, up to 100. */
export const LEVEL_NAME_MAX = 100;
export const LEVEL_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/;

/** Sumsub's app tokens: `sbx:…` (sandbox) or `prd:…` (production). */
export const APP_TOKEN = /^(sbx|prd):[\x21-\x7E]+$/;

export interface SumsubForm extends StepsForm, WebhookSecretsForm {
  app_token: string;
  secret_key: string;
  level_name: string;
  kyb_level_name: string;
  digest_alg: DigestAlg;
}

function isDigestAlg(value: unknown): value is DigestAlg {
  return DIGEST_ALGS.some(([alg]) => alg === value);
}

export function sumsubFormFrom(stored: SumsubSettings | null | undefined): SumsubForm {
  return {
    app_token: '',
    secret_key: '',
    level_name: stored?.level_name ?? '',
    kyb_level_name: stored?.kyb_level_name ?? '',
    digest_alg: isDigestAlg(stored?.digest_alg) ? stored.digest_alg : 'HMAC_SHA256_HEX',
    webhook_secret: '',
    previous_webhook_secret: '',
    ...stepsFormFrom(stored?.required_steps, SUMSUB_KINDS),
  };
}

function secretProblem(value: string, what: string): string | null {
  if (value.length < 8 || value.length > 512) return `${what} has 8 to 512 characters.`;
  if (!isPrintableAscii(value)) return 'Only letters, digits and punctuation, without spaces: check what was copied.';
  return null;
}

function levelProblem(value: string): string | null {
  if (value.length > LEVEL_NAME_MAX) return `At most ${LEVEL_NAME_MAX} characters.`;
  if (!LEVEL_NAME.test(value)) return 'The level’s name as Sumsub’s dashboard shows it: letters, digits, spaces, dots, dashes and underscores.';
  return null;
}

/**
 * The form's errors. Secrets left empty keep what is stored (`stored` says whether the app token and the secret
 * key are), so they are needed only the first time.
 */
export function sumsubErrors(form: SumsubForm, stored: { app_token: boolean; secret_key: boolean }): FieldErrors<keyof SumsubForm> {
  const errors: FieldErrors<keyof SumsubForm> = {};
  const token = form.app_token.trim();
  if (!token && !stored.app_token) errors.app_token = 'Enter the Sumsub app token.';
  else if (token) {
    errors.app_token =
      secretProblem(token, 'An app token') ?? (APP_TOKEN.test(token) ? undefined : 'An app token starts with sbx: (sandbox) or prd: (production).');
  }
  const secret = form.secret_key.trim();
  if (!secret && !stored.secret_key) errors.secret_key = 'Enter the secret key that goes with the app token.';
  else if (secret) errors.secret_key = secretProblem(secret, 'A secret key') ?? undefined;
  const level = form.level_name.trim();
  if (!level) errors.level_name = 'Enter the verification level new applicants get (e.g. basic-kyc-level).';
  else errors.level_name = levelProblem(level) ?? undefined;
  const kybLevel = form.kyb_level_name.trim();
  if (kybLevel) errors.kyb_level_name = levelProblem(kybLevel) ?? undefined;
  if (!isDigestAlg(form.digest_alg)) errors.digest_alg = 'Choose how Sumsub signs its webhooks.';
  const all = { ...errors, ...webhookSecretsErrors(form), ...stepsErrors(form, SUMSUB_KINDS) };
  return Object.fromEntries(Object.entries(all).filter(([, message]) => message)) as FieldErrors<keyof SumsubForm>;
}

/** What the admin entered (empty secrets are kept by the service), the level names, and the required steps whole. */
export function sumsubRequest(form: SumsubForm): SumsubSettingsChange {
  const change: SumsubSettingsChange = { level_name: form.level_name.trim(), digest_alg: form.digest_alg };
  const token = form.app_token.trim();
  if (token) change.app_token = token;
  const secret = form.secret_key.trim();
  if (secret) change.secret_key = secret;
  const kybLevel = form.kyb_level_name.trim();
  if (kybLevel) change.kyb_level_name = kybLevel;
  const secrets = webhookSecretsOf(form);
  if (secrets) change.webhook_secrets = secrets;
  change.required_steps = requiredStepsOf(form, SUMSUB_KINDS);
  return change;
}

/** Sumsub's Test Connection in the shape the words are made from: its app token's check is the credentials' line. */
export function credentialReport(report: SumsubReport): ProviderReport {
  return { api_key: report.app_token, webhook_secret: report.webhook_secret };
}
