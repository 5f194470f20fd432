/**
 * Every API error is an RFC 9457 problem document (`application/problem+json`), written by common's
 * ProblemMappers: `type` is stable (`https://attest.dev/problems/<slug>`, branch on it, never on `detail`),
 * and validation problems list the invalid fields in `errors`.
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** One invalid field of a request; `field` is the request's snake_case name, e.g. `personal_info.birthdate`. */
export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_TYPE_BASE = 'https://attest.dev/problems/';

/** A failed API call: the HTTP status and, when the body was one, the problem document. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    /** `X-Request-Id` of the answer, for support. */
    readonly requestId: string | null = null,
    /** Seconds from `Retry-After`, when the answer had one (429, 503). */
    readonly retryAfter: number | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }

  /** The problem's slug (`validation-failed`, `kyc-rejected`, …), or null. */
  get slug(): string | null {
    const type = this.problem?.type;
    return type?.startsWith(PROBLEM_TYPE_BASE) ? type.slice(PROBLEM_TYPE_BASE.length) : null;
  }

  /** Builds the error from a failed response and its body (parsed JSON, text, or nothing). */
  static from(response: Response, body: unknown): ApiError {
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    return new ApiError(
      response.status,
      asProblem(body),
      response.headers.get('X-Request-Id'),
      Number.isFinite(retryAfter) ? retryAfter : null,
    );
  }
}

function asProblem(body: unknown): Problem | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const candidate = body as Record<string, unknown>;
  if (typeof candidate.title !== 'string' && typeof candidate.detail !== 'string' && typeof candidate.type !== 'string') {
    return null;
  }
  const errors = Array.isArray(candidate.errors)
    ? candidate.errors.filter(
        (e): e is FieldError =>
          typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
      )
    : undefined;
  return { ...(candidate as Problem), errors };
}

/** No answer at all: fetch() rejected (offline, DNS, connection refused, CORS). */
export class NetworkError extends Error {
  override name = 'NetworkError';

  constructor(cause?: unknown) {
    super('No answer from the server', { cause });
  }
}

/** fetch() rejects with a TypeError whose message depends on the browser. */
function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
}

/** What a person reads about a failure: one sentence, and the invalid fields by name when there are any. */
export interface ErrorWords {
  message: string;
  /** Field name → message, from a validation problem; FormField shows them next to the inputs. */
  fields: Record<string, string>;
  /** A reference to quote to support (request id), when there is one. */
  reference: string | null;
}

/** Plain words for the problem types that a person can do something about, by slug: they replace the detail. */
const WORDS_BY_SLUG: Record<string, string> = {
  unauthenticated: 'Your session has ended. Sign in again.',
  'validation-failed': 'Some fields are not valid. Correct them and try again.',
};

/** A 403 without a detail; with one, the detail is kept: it says what is not allowed (only platform admins may suspend). */
const NOT_ALLOWED = 'You are not allowed to do this.';

function byStatus(status: number, retryAfter: number | null): string {
  if (status === 401) return WORDS_BY_SLUG.unauthenticated!;
  if (status === 403) return NOT_ALLOWED;
  if (status === 404) return 'This was not found, or you do not have access to it.';
  if (status === 409) return 'This conflicts with the current state. Reload and try again.';
  if (status === 413) return 'What you sent is too large.';
  if (status === 429) {
    return retryAfter ? `Too many requests. Try again in ${retryAfter} seconds.` : 'Too many requests. Try again shortly.';
  }
  if (status === 502 || status === 503 || status === 504) {
    return 'A service Attest depends on is not answering right now. Try again in a moment.';
  }
  if (status >= 500) return `Attest could not do this because of an error on its side (HTTP ${status}). Try again later.`;
  return `The request was refused (HTTP ${status}).`;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Turns any failure (a problem, a network error, a 5xx without body, anything thrown) into words for a person. */
export function problemToWords(error: unknown): ErrorWords {
  if (error instanceof ApiError) {
    const { problem, status, retryAfter } = error;
    const fields = Object.fromEntries((problem?.errors ?? []).map((e) => [e.field, e.message]));
    const slug = error.slug;
    let message: string;
    if (status === 429) {
      message = byStatus(status, retryAfter);
    } else if (slug && slug in WORDS_BY_SLUG) {
      message = WORDS_BY_SLUG[slug]!;
    } else if (problem?.detail && !/^HTTP \d{3}/.test(problem.detail)) {
      // The services write `detail` for people ("Persona is not configured for this organization.").
      message = problem.detail;
    } else {
      message = byStatus(status, retryAfter);
    }
    return { message, fields, reference: status >= 500 ? error.requestId : null };
  }
  if (isAbort(error)) return { message: 'The request was cancelled.', fields: {}, reference: null };
  if (error instanceof NetworkError || isFetchFailure(error)) {
    return {
      message: 'Attest cannot be reached. Check your connection and try again.',
      fields: {},
      reference: null,
    };
  }
  if (error instanceof Error && error.message) return { message: error.message, fields: {}, reference: null };
  return { message: 'Something went wrong. Try again.', fields: {}, reference: null };
}
