/**
 * The console's runtime configuration, served by the gateway at `GET /console/config.json` so that one
 * build works against any deployment. Snake case like the rest of the API.
 */
export interface ConsoleConfig {
  oidc: { authority: string; client_id: string };
  /** Spread verbatim into `new Client({...})` of the `persona` SDK: `{customHost}` for a stand-in, `{}` for Persona. */
  persona: { client_options: Record<string, unknown> };
  chain: {
    name: string;
    /** Template with `{hash}`, or null when the chain has no explorer. */
    explorer_tx_url: string | null;
    /** Template with `{address}`, or null. */
    explorer_address_url: string | null;
  };
  /** Organization that new users join after sign-up, or null when sign-up joins none. */
  signup_org: string | null;
  /**
   * Where Sumsub's WebSDK loads its flow from (`withBaseUrl`): the local stack's sandbox, or null for the SDK's
   * own default (Sumsub itself).
   */
  sumsub_base_url: string | null;
}

export const CONFIG_URL = `${import.meta.env.BASE_URL}config.json`;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(`${field} must be a non-empty string`);
  }
  return value;
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new ConfigError(`${field} must be a string or null`);
  return value;
}

/** Checks the document's shape; throws a {@link ConfigError} naming the first wrong field. */
export function parseConfig(json: unknown): ConsoleConfig {
  if (!isObject(json)) throw new ConfigError('the configuration must be a JSON object');
  const { oidc, persona = {}, chain = {}, signup_org, sumsub_base_url } = json;
  if (!isObject(oidc)) throw new ConfigError('oidc must be an object');
  if (!isObject(persona)) throw new ConfigError('persona must be an object');
  if (!isObject(chain)) throw new ConfigError('chain must be an object');
  const clientOptions = persona.client_options ?? {};
  if (!isObject(clientOptions)) throw new ConfigError('persona.client_options must be an object');
  return {
    oidc: {
      authority: requiredString(oidc.authority, 'oidc.authority').replace(/\/+$/, ''),
      client_id: requiredString(oidc.client_id, 'oidc.client_id'),
    },
    persona: { client_options: clientOptions },
    chain: {
      name: optionalString(chain.name, 'chain.name') ?? 'unknown',
      explorer_tx_url: optionalString(chain.explorer_tx_url, 'chain.explorer_tx_url'),
      explorer_address_url: optionalString(chain.explorer_address_url, 'chain.explorer_address_url'),
    },
    signup_org: optionalString(signup_org, 'signup_org'),
    sumsub_base_url: optionalString(sumsub_base_url, 'sumsub_base_url')?.replace(/\/+$/, '') ?? null,
  };
}

/** Fetches and parses the runtime configuration. */
export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<ConsoleConfig> {
  const response = await fetchImpl(CONFIG_URL, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new ConfigError(`${CONFIG_URL} answered ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ConfigError(`${CONFIG_URL} is not JSON`);
  }
  return parseConfig(json);
}

/** A link to the chain explorer for a transaction or an address, or null when there is no explorer. */
export function explorerUrl(chain: ConsoleConfig['chain'], kind: 'tx' | 'address', value: string): string | null {
  const template = kind === 'tx' ? chain.explorer_tx_url : chain.explorer_address_url;
  if (!template) return null;
  return template.replace(kind === 'tx' ? '{hash}' : '{address}', encodeURIComponent(value));
}
