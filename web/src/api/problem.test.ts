import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, problemToWords } from './problem';

function problemResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
  return ApiError.from(response, body);
}

describe('problemToWords', () => {
  it('uses the detail the service wrote for people', () => {
    const error = problemResponse(409, {
      type: 'https://attest.dev/problems/persona-not-configured',
      title: 'Persona not configured',
      status: 409,
      detail: 'Persona is not configured for this organization.',
    });
    expect(error.slug).toBe('persona-not-configured');
    expect(problemToWords(error)).toEqual({
      message: 'Persona is not configured for this organization.',
      fields: {},
      reference: null,
    });
  });

  it('lists the invalid fields of a validation problem by their request names', () => {
    const error = problemResponse(400, {
      type: 'https://attest.dev/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      detail: 'The request has invalid fields.',
      errors: [
        { field: 'amount', message: 'must be a positive integer' },
        { field: 'to', message: 'must be an address' },
      ],
    });
    const words = problemToWords(error);
    expect(words.message).toBe('Some fields are not valid. Correct them and try again.');
    expect(words.fields).toEqual({ amount: 'must be a positive integer', to: 'must be an address' });
  });

  it('says the session ended for 401 and not-allowed for 403', () => {
    const unauthenticated = problemResponse(401, {
      type: 'https://attest.dev/problems/unauthenticated',
      title: 'Unauthenticated',
      status: 401,
      detail: 'A valid bearer token is required.',
    });
    expect(problemToWords(unauthenticated).message).toBe('Your session has ended. Sign in again.');
    const forbidden = problemResponse(403, { type: 'https://attest.dev/problems/forbidden', title: 'Forbidden' });
    expect(problemToWords(forbidden).message).toBe('You are not allowed to do this.');
  });

  it('says what is not allowed when the 403 says it', () => {
    const forbidden = problemResponse(403, {
      type: 'https://attest.dev/problems/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: "Only the platform's administrators may suspend organization.",
    });
    expect(problemToWords(forbidden).message).toBe("Only the platform's administrators may suspend organization.");
  });

  it('tells when to retry after a rate limit', () => {
    const error = problemResponse(429, { title: 'Too many requests', status: 429 }, { 'Retry-After': '7' });
    expect(error.retryAfter).toBe(7);
    expect(problemToWords(error).message).toBe('Too many requests. Try again in 7 seconds.');
  });

  it('words a 5xx without body by its status, with the request id to quote', () => {
    const response = new Response('', { status: 502, headers: { 'X-Request-Id': 'req-42' } });
    const error = ApiError.from(response, '');
    expect(error.problem).toBeNull();
    expect(problemToWords(error)).toEqual({
      message: 'A service Attest depends on is not answering right now. Try again in a moment.',
      fields: {},
      reference: 'req-42',
    });
    const internal = ApiError.from(new Response('', { status: 500 }), 'Internal Server Error');
    expect(problemToWords(internal).message).toContain('HTTP 500');
  });

  it('ignores a generic framework detail such as "HTTP 404 Not Found"', () => {
    const error = problemResponse(404, { type: 'https://attest.dev/problems/not-found', detail: 'HTTP 404 Not Found' });
    expect(problemToWords(error).message).toBe('This was not found, or you do not have access to it.');
  });

  it('words a network failure, an abort and anything else', () => {
    expect(problemToWords(new NetworkError(new TypeError('Failed to fetch'))).message).toBe(
      'Attest cannot be reached. Check your connection and try again.',
    );
    expect(problemToWords(new TypeError('Failed to fetch')).message).toContain('cannot be reached');
    expect(problemToWords(new DOMException('aborted', 'AbortError')).message).toBe('The request was cancelled.');
    expect(problemToWords(new Error('Boom')).message).toBe('Boom');
    expect(problemToWords('???').message).toBe('Something went wrong. Try again.');
  });
});
