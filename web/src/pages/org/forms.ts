/**
 * The organization pages' checks before sending (the services check again; these only spare a round
 * trip and say which field is wrong), and the request bodies built from the forms.
 */
import { ApiError } from '../../api/problem';
import { KNOWN_STEP_KINDS, parseStepKinds, stepKindsError } from '../../kyc/steps';
import { serverFieldErrors } from './load';
import { isEmail, isHttpUrl } from '../../forms/checks';

export { isEmail, isHttpUrl };
import type { PersonaSettingsChangeWithKyb } from '../../api/additions';
import type { DfnsSettings, DfnsSettingsRequest, SpendingPolicy, SpendingPolicyRequest } from './types';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean);
}


/** A positive integer written in digits (amounts in the smallest unit): `1`, `250000000000000000`. */
export function isPositiveIntegerString(value: string): boolean {
  return /^[1-9][0-9]*$/.test(value);
}

/** 2^256 − 1: the largest amount an EVM word holds, and the largest the services accept. */
export const MAX_AMOUNT = (1n << 256n) - 1n;

/** What is wrong with an optional amount in an asset's smallest unit (`unit` says which), or null. */
function amountProblem(value: string, unit: string): string | null {
  if (!value) return null;
  if (!isPositiveIntegerString(value)) return `A whole number above 0, in ${unit}, or empty for none.`;
  if (value.length > 78 || BigInt(value) > MAX_AMOUNT) return 'At most 2^256 − 1, the largest amount a transfer can have.';
  return null;
}

/** Printable ASCII without spaces: what Dfns ids, tokens and secrets are made of (as wallet-service checks). */
export function isPrintableAscii(value: string): boolean {
  return /^[\x21-\x7E]*$/.test(value);
}

/** An EVM address as the services take it: 0x and 40 hex digits (the checksum of a mixed-case one is theirs to check). */
export const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;


/** A PEM private key (PKCS#8, SEC1 or PKCS#1): the service parses it, this only catches a wrong paste. */
export function isPrivateKeyPem(value: string): boolean {
  return /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----[\s\S]+-----END ([A-Z]+ )?PRIVATE KEY-----/.test(value.trim());
}

/** A reviewer's reason is a code (it travels in events): never text about the person. */
export const REASON_CODE = /^[a-z0-9_.-]{1,64}$/;

/** Persona's inquiry template ids as compliance-service accepts them. */
export const PERSONA_TEMPLATE = /^(itmpl|itmplv|tmpl|blu)_[A-Za-z0-9]+$/;

// --- Transfer approvals ---------------------------------------------------------------------------

/** A rejection's reason: 1–500 characters (the service refuses others). */
export function rejectionProblem(reason: string): string | null {
  const text = reason.trim();
  if (!text) return 'Say why, for the person who asked for the transfer.';
  if (text.length > 500) return 'At most 500 characters.';
  return null;
}

// --- Dfns -------------------------------------------------------------------------------------------

/** Dfns networks an organization usually picks (the input accepts any name Dfns knows). */
export const DFNS_NETWORKS = [
  'Ethereum',
  'EthereumSepolia',
  'EthereumHolesky',
  'Polygon',
  'PolygonAmoy',
  'ArbitrumOne',
  'ArbitrumSepolia',
  'Base',
  'BaseSepolia',
  'Optimism',
  'OptimismSepolia',
] as const;

export interface DfnsForm {
  api_base_url: string;
  token: string;
  app_id: string;
  credential_id: string;
  private_key: string;
  default_network: string;
  webhook_secret: string;
  previous_webhook_secret: string;
}

export interface PolicyForm {
  per_transfer_limit: string;
  daily_limit: string;
  approval_threshold: string;
}

export function dfnsFormFrom(stored: DfnsSettings | null | undefined): DfnsForm {
  return {
    api_base_url: stored?.api_base_url ?? '',
    token: '',
    app_id: stored?.app_id ?? '',
    credential_id: stored?.credential_id ?? '',
    private_key: '',
    default_network: stored?.default_network ?? 'EthereumSepolia',
    webhook_secret: '',
    previous_webhook_secret: '',
  };
}

/** The native limits of what is stored (the Dfns settings or the spending policy carry them alike). */
export function policyFormFrom(stored: Partial<Record<keyof PolicyForm, string | null>> | null | undefined): PolicyForm {
  return {
    per_transfer_limit: stored?.per_transfer_limit ?? '',
    daily_limit: stored?.daily_limit ?? '',
    approval_threshold: stored?.approval_threshold ?? '',
  };
}

/** wallet-service's bounds on the Dfns settings (`DfnsSettingsRequest`): longer values are refused there. */
export const DFNS_MAX_LENGTH = {
  api_base_url: 2048,
  token: 4096,
  credential_id: 256,
  app_id: 256,
  private_key: 8192,
  default_network: 64,
  webhook_secret: 512,
  previous_webhook_secret: 512,
} as const satisfies Record<keyof DfnsForm, number>;

/** The fields that are printable ASCII without spaces (ids, the token, the secrets). */
const DFNS_PRINTABLE = ['token', 'credential_id', 'app_id', 'webhook_secret', 'previous_webhook_secret'] as const;

/**
 * The Dfns credentials' field errors. `PUT …/integrations/dfns` replaces every setting and the secrets are
 * never answered back, so the token and the private key are entered again with every save, and a
 * webhook secret that is stored must be entered again too (an empty one would remove it).
 */
export function dfnsErrors(form: DfnsForm, stored: DfnsSettings | null | undefined): FieldErrors<keyof DfnsForm> {
  const errors: FieldErrors<keyof DfnsForm> = {};
  if (!form.api_base_url.trim()) errors.api_base_url = 'Enter the Dfns API base URL.';
  else if (!isHttpUrl(form.api_base_url.trim())) errors.api_base_url = 'Enter an http(s) URL, e.g. https://api.dfns.io.';
  else if (!isPrintableAscii(form.api_base_url.trim())) {
    errors.api_base_url = 'Only ASCII characters: write an international domain name in its xn-- form.';
  }
  if (!form.token.trim()) {
    errors.token = stored ? 'Enter the token again: Attest never shows a stored token.' : 'Enter the service account token.';
  }
  if (!form.credential_id.trim()) errors.credential_id = 'Enter the credential ID of the signing key.';
  if (!form.private_key.trim()) {
    errors.private_key = stored
      ? 'Paste the private key again: Attest never shows a stored key.'
      : 'Paste the credential’s private key (PEM).';
  } else if (!isPrivateKeyPem(form.private_key)) {
    errors.private_key = 'Paste the whole PEM, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.';
  }
  if (!form.default_network.trim()) errors.default_network = 'Enter the network new wallets are made on.';
  else if (!/^[A-Za-z0-9]+$/.test(form.default_network.trim())) {
    errors.default_network = 'A Dfns network name such as EthereumSepolia (letters and digits only).';
  }
  if (!form.webhook_secret.trim() && stored?.webhook_secret != null) {
    errors.webhook_secret = 'Enter the webhook secret again: without it Dfns webhooks would be refused.';
  } else if (form.webhook_secret && form.webhook_secret.trim().length < 8) {
    errors.webhook_secret = 'At least 8 characters.';
  }
  if (form.previous_webhook_secret.trim() && !form.webhook_secret.trim()) {
    errors.previous_webhook_secret = 'A previous secret needs a current one.';
  }
  // Copied values with a space or an odd character inside, and values too long to be Dfns's (a wrong paste).
  for (const key of DFNS_PRINTABLE) {
    if (!errors[key] && !isPrintableAscii(form[key].trim())) {
      errors[key] = 'Only letters, digits and punctuation, without spaces: check what was copied.';
    }
  }
  for (const [key, max] of Object.entries(DFNS_MAX_LENGTH) as [keyof DfnsForm, number][]) {
    if (!errors[key] && form[key].trim().length > max) errors[key] = `At most ${max.toLocaleString('en')} characters.`;
  }
  return errors;
}

/**
 * The Dfns settings' problems that belong to one field, by field: a validation problem's fields, and the
 * problems wallet-service answers about one value (`api-base-url-refused`: an address its outbound policy
 * refuses; `invalid-private-key`), whose detail starts with the field's name.
 */
export function dfnsServerErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const field = error.slug === 'api-base-url-refused' ? 'api_base_url' : error.slug === 'invalid-private-key' ? 'private_key' : null;
  if (field) {
    const detail = error.problem?.detail ?? '';
    const prefix = `${field}: `;
    const words = detail.startsWith(prefix) ? detail.slice(prefix.length) : detail;
    const fallback = field === 'api_base_url' ? 'Attest may not send requests to this address.' : 'The private key could not be read.';
    return { [field]: words || fallback };
  }
  return serverFieldErrors(error);
}

const AMOUNT_KEYS = ['per_transfer_limit', 'daily_limit', 'approval_threshold'] as const;

/** The amount fields' errors of one asset's limits (`unit`: its smallest unit, in words). */
function amountErrors(form: PolicyForm, unit: string): FieldErrors<keyof PolicyForm> {
  const errors: FieldErrors<keyof PolicyForm> = {};
  for (const key of AMOUNT_KEYS) {
    const problem = amountProblem(form[key].trim(), unit);
    if (problem) errors[key] = problem;
  }
  const perTransfer = form.per_transfer_limit.trim();
  const daily = form.daily_limit.trim();
  if (!errors.per_transfer_limit && !errors.daily_limit && perTransfer && daily && BigInt(perTransfer) > BigInt(daily)) {
    errors.daily_limit = 'The daily limit is below the per-transfer limit: no single transfer could reach it.';
  }
  return errors;
}

/** The native limits' errors (amounts in wei). */
export function policyErrors(form: PolicyForm): FieldErrors<keyof PolicyForm> {
  return amountErrors(form, 'the smallest unit (wei)');
}

// --- Spending policy (its own endpoint: the whole policy) -------------------------------------------

/** wallet-service's bounds (`SpendingPolicyRequest`, `TokenLimitRequest`). */
export const POLICY_BOUNDS = { maxDailyCount: 100_000, maxTokens: 100, maxDecimals: 255 } as const;

/** One ERC-20 token's limits as the form holds them; `row` only tells the rows apart (never sent). */
export interface TokenLimitForm extends PolicyForm {
  row: number;
  contract: string;
  decimals: string;
}

/** The whole spending policy: `PUT /orgs/{org}/spending-policy` replaces all of it, so the form holds all of it. */
export interface SpendingPolicyForm extends PolicyForm {
  daily_count_limit: string;
  token_limits: TokenLimitForm[];
}

export interface SpendingPolicyErrors {
  fields: FieldErrors<keyof PolicyForm | 'daily_count_limit' | 'token_limits'>;
  /** By the token row's `row`. */
  tokens: Record<number, FieldErrors<keyof Omit<TokenLimitForm, 'row'>>>;
}

let nextRow = 1;

/** A new, empty token row (18 decimals, as most ERC-20 tokens have). */
export function newTokenLimit(): TokenLimitForm {
  return { row: nextRow++, contract: '', decimals: '18', per_transfer_limit: '', daily_limit: '', approval_threshold: '' };
}

export function spendingPolicyFormFrom(stored: SpendingPolicy): SpendingPolicyForm {
  return {
    per_transfer_limit: stored.per_transfer_limit ?? '',
    daily_limit: stored.daily_limit ?? '',
    approval_threshold: stored.approval_threshold ?? '',
    daily_count_limit: stored.daily_count_limit == null ? '' : String(stored.daily_count_limit),
    token_limits: (stored.token_limits ?? []).map((token) => ({
      row: nextRow++,
      contract: token.contract ?? '',
      decimals: token.decimals == null ? '' : String(token.decimals),
      per_transfer_limit: token.per_transfer_limit ?? '',
      daily_limit: token.daily_limit ?? '',
      approval_threshold: token.approval_threshold ?? '',
    })),
  };
}

/** A whole number from `min` to `max` written in digits, or null. */
function boundedInteger(value: string, min: number, max: number): number | null {
  if (!/^\d{1,9}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

export function spendingPolicyErrors(form: SpendingPolicyForm): SpendingPolicyErrors {
  const fields: SpendingPolicyErrors['fields'] = { ...policyErrors(form) };
  const count = form.daily_count_limit.trim();
  if (count && boundedInteger(count, 1, POLICY_BOUNDS.maxDailyCount) === null) {
    fields.daily_count_limit = `A whole number from 1 to ${POLICY_BOUNDS.maxDailyCount.toLocaleString('en')}, or empty for none.`;
  }
  if (form.token_limits.length > POLICY_BOUNDS.maxTokens) {
    fields.token_limits = `At most ${POLICY_BOUNDS.maxTokens} tokens: remove ${form.token_limits.length - POLICY_BOUNDS.maxTokens}.`;
  }
  const tokens: SpendingPolicyErrors['tokens'] = {};
  const seen = new Set<string>();
  for (const token of form.token_limits) {
    const errors: FieldErrors<keyof Omit<TokenLimitForm, 'row'>> = amountErrors(token, 'the token’s smallest unit');
    const contract = token.contract.trim();
    if (!contract) errors.contract = 'Enter the token’s contract address, or remove the row.';
    else if (!EVM_ADDRESS.test(contract)) errors.contract = 'A contract address: 0x and 40 hexadecimal digits.';
    else if (seen.has(contract.toLowerCase())) errors.contract = 'This token is already listed: one row per token.';
    else seen.add(contract.toLowerCase());
    if (boundedInteger(token.decimals.trim(), 0, POLICY_BOUNDS.maxDecimals) === null) {
      errors.decimals = `The token’s decimals, a whole number from 0 to ${POLICY_BOUNDS.maxDecimals} (18 for most tokens, 6 for USDC).`;
    }
    if (hasErrors(errors)) tokens[token.row] = errors;
  }
  return { fields, tokens };
}

export function hasPolicyErrors(errors: SpendingPolicyErrors): boolean {
  return hasErrors(errors.fields) || Object.values(errors.tokens).some(hasErrors);
}

/** The whole policy: an empty field is no limit (left out), and every token row is sent (none: `[]`). */
export function spendingPolicyRequest(form: SpendingPolicyForm): SpendingPolicyRequest {
  const request: SpendingPolicyRequest = {};
  for (const key of AMOUNT_KEYS) {
    const value = optional(form[key]);
    if (value) request[key] = value;
  }
  const count = optional(form.daily_count_limit);
  if (count) request.daily_count_limit = Number(count);
  request.token_limits = form.token_limits.map((token) => {
    const limit: NonNullable<SpendingPolicyRequest['token_limits']>[number] = {
      contract: token.contract.trim(),
      decimals: Number(token.decimals.trim()),
    };
    for (const key of AMOUNT_KEYS) {
      const value = optional(token[key]);
      if (value) limit[key] = value;
    }
    return limit;
  });
  return request;
}

/**
 * The service's field errors that belong to the native fields or the count (a top-level name). A token's
 * (`token_limits.contract`) does not say which row: the problem shows it, and the form's own checks
 * flag rows before sending.
 */
export function policyServerErrors(error: unknown): SpendingPolicyErrors['fields'] {
  if (!(error instanceof ApiError)) return {};
  const fields: SpendingPolicyErrors['fields'] = {};
  for (const e of error.problem?.errors ?? []) {
    if ((AMOUNT_KEYS as readonly string[]).includes(e.field) || e.field === 'daily_count_limit') {
      fields[e.field as keyof SpendingPolicyErrors['fields']] = e.message;
    }
  }
  return fields;
}

/**
 * `invalid-address` on a token: its mixed-case letters are not the EIP-55 checksum (the form checked the
 * rest). Only the mixed-case rows can be that one: each is flagged.
 */
export function checksumSuspects(form: SpendingPolicyForm, error: unknown): SpendingPolicyErrors['tokens'] {
  if (!(error instanceof ApiError) || error.slug !== 'invalid-address') return {};
  const suspects: SpendingPolicyErrors['tokens'] = {};
  for (const token of form.token_limits) {
    const hex = token.contract.trim().slice(2);
    if (/[a-f]/.test(hex) && /[A-F]/.test(hex)) {
      suspects[token.row] = {
        contract: 'Its upper- and lower-case letters are not a valid EIP-55 checksum: copy the address again, or enter it all in lower case.',
      };
    }
  }
  return suspects;
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The full `PUT …/integrations/dfns` body: the credentials from `form`, the spending policy from `policy`. */
export function dfnsRequest(form: DfnsForm, policy: PolicyForm): DfnsSettingsRequest {
  return {
    api_base_url: form.api_base_url.trim(),
    token: form.token.trim(),
    credential_id: form.credential_id.trim(),
    private_key: form.private_key.trim(),
    app_id: optional(form.app_id),
    default_network: form.default_network.trim(),
    webhook_secret: optional(form.webhook_secret),
    previous_webhook_secret: optional(form.previous_webhook_secret),
    per_transfer_limit: optional(policy.per_transfer_limit),
    daily_limit: optional(policy.daily_limit),
    approval_threshold: optional(policy.approval_threshold),
  };
}

// --- Persona ----------------------------------------------------------------------------------------

// --- KYC providers' shared parts: required steps and webhook secrets ---------------------------------------

/** A provider form's required steps: the known kinds ticked, and others typed. */
export interface StepsForm {
  /** The provider's known step kinds ticked (`KNOWN_STEP_KINDS`, `SUMSUB_STEP_KINDS`). */
  required_steps: string[];
  /** Other required kinds, typed as a comma-separated list. */
  other_steps: string;
}

/** The current and previous webhook secret, as a provider form holds them (empty: keep what is stored). */
export interface WebhookSecretsForm {
  webhook_secret: string;
  previous_webhook_secret: string;
}

const KNOWN_KINDS: readonly string[] = KNOWN_STEP_KINDS.map(([kind]) => kind);

/** The stored required kinds as the form shows them: the known ones ticked, the others typed. */
export function stepsFormFrom(steps: readonly string[] | null | undefined, known: readonly string[] = KNOWN_KINDS): StepsForm {
  return {
    required_steps: (steps ?? []).filter((kind) => known.includes(kind)),
    other_steps: (steps ?? []).filter((kind) => !known.includes(kind)).join(', '),
  };
}

/** The required kinds the form holds: the ticked known kinds in their order, then the others as typed. */
export function requiredStepsOf(form: StepsForm, known: readonly string[] = KNOWN_KINDS): string[] {
  return [...known.filter((kind) => form.required_steps.includes(kind)), ...parseStepKinds(form.other_steps)];
}

/** The required steps' errors, as compliance-service checks them. */
export function stepsErrors(form: StepsForm, known: readonly string[] = KNOWN_KINDS): FieldErrors<keyof StepsForm> {
  const errors: FieldErrors<keyof StepsForm> = {};
  const others = parseStepKinds(form.other_steps);
  const othersError = stepKindsError(others);
  if (othersError) errors.other_steps = othersError;
  else if (others.some((kind) => form.required_steps.includes(kind))) errors.other_steps = 'A ticked step is typed here too: each step once.';
  else {
    const listError = stepKindsError(requiredStepsOf(form, known));
    if (listError) errors.required_steps = listError;
  }
  return errors;
}

/** Webhook secrets of 8 to 512 characters; a previous one only beside a current one. */
export function webhookSecretsErrors(form: WebhookSecretsForm): FieldErrors<keyof WebhookSecretsForm> {
  const errors: FieldErrors<keyof WebhookSecretsForm> = {};
  const current = form.webhook_secret.trim();
  const previous = form.previous_webhook_secret.trim();
  if (current && (current.length < 8 || current.length > 512)) errors.webhook_secret = 'A webhook secret has 8 to 512 characters.';
  if (previous && !current) errors.previous_webhook_secret = 'Enter the new (current) secret too.';
  else if (previous && (previous.length < 8 || previous.length > 512)) errors.previous_webhook_secret = 'A webhook secret has 8 to 512 characters.';
  return errors;
}

/** `webhook_secrets` to send: the current one then the previous one, or nothing (keep what is stored). */
export function webhookSecretsOf(form: WebhookSecretsForm): string[] | undefined {
  const current = form.webhook_secret.trim();
  const previous = form.previous_webhook_secret.trim();
  if (!current) return undefined;
  return previous ? [current, previous] : [current];
}

export interface PersonaForm extends StepsForm, WebhookSecretsForm {
  api_key: string;
  inquiry_template_id: string;
  /** The inquiry template of business verifications (KYB); empty: none. */
  kyb_inquiry_template_id: string;
  environment: 'sandbox' | 'production';
}

export function personaFormFrom(
  stored:
    | { inquiry_template_id?: string; kyb_inquiry_template_id?: string | null; environment?: string; required_steps?: string[] | null }
    | null
    | undefined,
): PersonaForm {
  return {
    api_key: '',
    inquiry_template_id: stored?.inquiry_template_id ?? '',
    kyb_inquiry_template_id: stored?.kyb_inquiry_template_id ?? '',
    environment: stored?.environment === 'production' ? 'production' : 'sandbox',
    webhook_secret: '',
    previous_webhook_secret: '',
    ...stepsFormFrom(stored?.required_steps),
  };
}

/** Persona's settings keep what is left out: an empty secret field means "keep the stored one". */
export function personaErrors(form: PersonaForm, hasStoredKey: boolean): FieldErrors<keyof PersonaForm> {
  const errors: FieldErrors<keyof PersonaForm> = {};
  const key = form.api_key.trim();
  if (!key && !hasStoredKey) errors.api_key = 'Enter the Persona API key.';
  else if (key && (key.length < 8 || key.length > 512)) errors.api_key = 'An API key has 8 to 512 characters.';
  const template = form.inquiry_template_id.trim();
  if (!template) errors.inquiry_template_id = 'Enter the inquiry template ID (itmpl_…).';
  else if (!PERSONA_TEMPLATE.test(template)) errors.inquiry_template_id = 'A template ID looks like itmpl_… (letters and digits after the underscore).';
  const kybTemplate = form.kyb_inquiry_template_id.trim();
  if (kybTemplate && !PERSONA_TEMPLATE.test(kybTemplate)) {
    errors.kyb_inquiry_template_id = 'A template ID looks like itmpl_… (letters and digits after the underscore).';
  }
  return { ...errors, ...webhookSecretsErrors(form), ...stepsErrors(form) };
}

/** The `PUT …/integrations/persona` body: what the admin entered (secrets left empty are kept), and the required steps. */
export function personaRequest(form: PersonaForm): PersonaSettingsChangeWithKyb {
  const change: PersonaSettingsChangeWithKyb = {
    inquiry_template_id: form.inquiry_template_id.trim(),
    environment: form.environment,
  };
  const key = form.api_key.trim();
  if (key) change.api_key = key;
  const kybTemplate = form.kyb_inquiry_template_id.trim();
  if (kybTemplate) change.kyb_inquiry_template_id = kybTemplate;
  const secrets = webhookSecretsOf(form);
  if (secrets) change.webhook_secrets = secrets;
  // The form shows the stored list, so it is always sent whole ([] clears it).
  change.required_steps = requiredStepsOf(form);
  return change;
}
