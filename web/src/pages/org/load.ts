import { ApiError } from '../../api/problem';

/** A load whose 404 is a state (nothing set up yet, no identity yet), not an error: null then. */
export async function orNotFound<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The spending policy is kept with the stored Dfns settings: without them (409 `dfns-not-configured`) there is none yet. */
export async function orNoDfnsSettings<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.slug === 'dfns-not-configured') return null;
    throw error;
  }
}

/** The field errors of a validation problem from the service, by request field name. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields: Record<string, string> = {};
  for (const e of error.problem?.errors ?? []) {
    // The services name fields as sent (`api_base_url`), sometimes with the method's path in front.
    const name = e.field.split('.').at(-1) ?? e.field;
    fields[name] = e.message;
  }
  return fields;
}

/** The form's own errors first, then the service's for the fields the form has not flagged. */
export function mergeErrors<K extends string>(
  client: Partial<Record<K, string>>,
  server: Record<string, string>,
): Partial<Record<K, string>> {
  const merged: Partial<Record<K, string>> = {};
  for (const [key, message] of Object.entries(server)) merged[key as K] = message;
  for (const [key, message] of Object.entries(client) as [K, string | undefined][]) if (message) merged[key] = message;
  return merged;
}
