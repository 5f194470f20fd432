/**
 * The organization pages' checks before sending (the services check again; these only spare a round
 * trip and say which field is wrong), and the request bodies built from the forms.
 */
import type { DfnsSettings, DfnsSettingsRequest, PersonaSettingsChange } from './types';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean);
}

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** A positive integer written in digits (amounts in the smallest unit): `1`, `250000000000000000`. */
export function isPositiveIntegerString(value: string): boolean {
  return /^[1-9][0-9]*$/.test(value);
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

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

export function policyFormFrom(stored: DfnsSettings | null | undefined): PolicyForm {
  return {
    per_transfer_limit: stored?.per_transfer_limit ?? '',
    daily_limit: stored?.daily_limit ?? '',
    approval_threshold: stored?.approval_threshold ?? '',
  };
}

/**
 * The Dfns credentials' field errors. `PUT …/integrations/dfns` replaces every setting and the secrets are
 * never answered back, so the token and the private key are entered again with every save, and a
 * webhook secret that is stored must be entered again too (an empty one would remove it).
 */
export function dfnsErrors(form: DfnsForm, stored: DfnsSettings | null | undefined): FieldErrors<keyof DfnsForm> {
  const errors: FieldErrors<keyof DfnsForm> = {};
  if (!form.api_base_url.trim()) errors.api_base_url = 'Enter the Dfns API base URL.';
  else if (!isHttpUrl(form.api_base_url.trim())) errors.api_base_url = 'Enter an http(s) URL, e.g. https://api.dfns.io.';
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
  return errors;
}

export function policyErrors(form: PolicyForm): FieldErrors<keyof PolicyForm> {
  const errors: FieldErrors<keyof PolicyForm> = {};
  for (const key of ['per_transfer_limit', 'daily_limit', 'approval_threshold'] as const) {
    const value = form[key].trim();
    if (value && !isPositiveIntegerString(value)) errors[key] = 'A whole number above 0, in the smallest unit (wei), or empty for none.';
  }
  const perTransfer = form.per_transfer_limit.trim();
  const daily = form.daily_limit.trim();
  if (!errors.per_transfer_limit && !errors.daily_limit && perTransfer && daily && BigInt(perTransfer) > BigInt(daily)) {
    errors.daily_limit = 'The daily limit is below the per-transfer limit: no single transfer could reach it.';
  }
  return errors;
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

export interface PersonaForm {
  api_key: string;
  inquiry_template_id: string;
  environment: 'sandbox' | 'production';
  webhook_secret: string;
  previous_webhook_secret: string;
}

export function personaFormFrom(stored: { inquiry_template_id?: string; environment?: string } | null | undefined): PersonaForm {
  return {
    api_key: '',
    inquiry_template_id: stored?.inquiry_template_id ?? '',
    environment: stored?.environment === 'production' ? 'production' : 'sandbox',
    webhook_secret: '',
    previous_webhook_secret: '',
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
  const current = form.webhook_secret.trim();
  const previous = form.previous_webhook_secret.trim();
  if (current && (current.length < 8 || current.length > 512)) errors.webhook_secret = 'A webhook secret has 8 to 512 characters.';
  if (previous && !current) errors.previous_webhook_secret = 'Enter the new (current) secret too.';
  else if (previous && (previous.length < 8 || previous.length > 512)) errors.previous_webhook_secret = 'A webhook secret has 8 to 512 characters.';
  return errors;
}

/** The `PUT …/integrations/persona` body: only what the admin entered (secrets left empty are kept). */
export function personaRequest(form: PersonaForm): PersonaSettingsChange {
  const change: PersonaSettingsChange = {
    inquiry_template_id: form.inquiry_template_id.trim(),
    environment: form.environment,
  };
  const key = form.api_key.trim();
  if (key) change.api_key = key;
  const current = form.webhook_secret.trim();
  const previous = form.previous_webhook_secret.trim();
  if (current) change.webhook_secrets = previous ? [current, previous] : [current];
  return change;
}
