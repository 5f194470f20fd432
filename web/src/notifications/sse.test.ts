import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import { retryDelay, runEventStream, SseParser, type SseMessage, type StreamStatus } from './sse';

describe('SseParser', () => {
  it('reads events as notification-service writes them', () => {
    const parser = new SseParser();
    const messages = parser.feed('event: notification\nid: 11\ndata: {"id":"a","type":"kyc.verified"}\n\n');
    expect(messages).toEqual([{ event: 'notification', id: '11', data: '{"id":"a","type":"kyc.verified"}' }]);
    expect(parser.lastEventId).toBe('11');
  });

  it('joins events split anywhere across chunks, with any line ending', () => {
    const parser = new SseParser();
    const text = 'id: 1\r\nevent: notification\r\ndata: one\r\n\r\nid: 2\rdata: two\r\rdata: three\n\n';
    const messages: SseMessage[] = [];
    for (const char of text) messages.push(...parser.feed(char));
    expect(messages).toEqual([
      { event: 'notification', id: '1', data: 'one' },
      { event: 'message', id: '2', data: 'two' },
      { event: 'message', id: '2', data: 'three' },
    ]);
  });

  it('joins data lines, skips comments and events without data, and reads retry', () => {
    const parser = new SseParser();
    const messages = parser.feed(': keep-alive\n\nevent: ping\n\ndata\ndata:  two spaces\ndata:x\nretry: 2500\nretry: soon\n\n');
    expect(messages).toEqual([{ event: 'message', id: '', data: '\n two spaces\nx' }]);
    expect(parser.retry).toBe(2500);
  });

  it('keeps the last event id across events and ignores ids with NUL', () => {
    const parser = new SseParser();
    expect(parser.feed('id: 7\ndata: a\n\ndata: b\n\nid: 8\0\ndata: c\n\n').map((m) => m.id)).toEqual(['7', '7', '7']);
  });

  it('drops a half-received event when the connection ends', () => {
    const parser = new SseParser();
    parser.feed('id: 3\ndata: complete\n\ndata: half');
    parser.reset();
    expect(parser.feed('data: next\n\n')).toEqual([{ event: 'message', id: '3', data: 'next' }]);
  });
});

describe('retryDelay', () => {
  it('doubles up to the ceiling, half of it random', () => {
    const backoff = { initialMs: 1000, maxMs: 30_000 };
    expect(retryDelay(0, backoff, () => 0)).toBe(500);
    expect(retryDelay(0, backoff, () => 1)).toBe(1000);
    expect(retryDelay(3, backoff, () => 1)).toBe(8000);
    expect(retryDelay(10, backoff, () => 1)).toBe(30_000);
    expect(retryDelay(10, backoff, () => 0)).toBe(15_000);
  });
});

/** A streaming answer that sends these chunks, then ends (as when the gateway's idle timeout closes it). */
function streamResponse(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

function problem(status: number): Response {
  return new Response(JSON.stringify({ type: 'https://attest.dev/problems/x', title: 'X', status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

describe('runEventStream', () => {
  it('reconnects with Last-Event-ID and a fresh token after the stream ends or fails', async () => {
    const controller = new AbortController();
    const answers = [
      () => streamResponse(['id: 5\nevent: notification\ndata: {"n":5}\n\n', 'id: 6\nevent: notif']),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => problem(503),
      () => streamResponse(['id: 6\nevent: notification\ndata: {"n":6}\n\n']),
    ];
    const requests: Headers[] = [];
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Headers(init?.headers));
      const next = answers.shift();
      if (!next) {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      }
      return next();
    });
    let token = 0;
    const messages: SseMessage[] = [];
    const statuses: StreamStatus[] = [];
    const delays: number[] = [];

    await runEventStream({
      url: '/notifications/me/stream',
      lastEventId: '4',
      signal: controller.signal,
      headers: async () => ({ Authorization: `Bearer token-${++token}` }),
      onMessage: (m) => messages.push(m),
      onStatus: (s) => statuses.push(s),
      fetch: fetchMock as unknown as typeof fetch,
      sleep: async (ms) => void delays.push(ms),
      random: () => 1,
    });

    expect(messages.map((m) => m.data)).toEqual(['{"n":5}', '{"n":6}']);
    expect(requests.map((h) => h.get('Last-Event-ID'))).toEqual(['4', '5', '5', '5', '6']);
    expect(requests.map((h) => h.get('Authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-3',
      'Bearer token-4',
      'Bearer token-5',
    ]);
    expect(requests[0]!.get('Accept')).toBe('text/event-stream');
    // Backoff grows while connecting fails and starts over once a connection was open.
    expect(delays).toEqual([1000, 2000, 4000, 1000]);
    expect(statuses[0]).toBe('connecting');
    expect(statuses).toContain('open');
    expect(statuses.at(-1)).toBe('closed');
  });

  it('stops for good when the server refuses the caller (403), with the problem', async () => {
    const fetchMock = vi.fn(async () => problem(403));
    const statuses: [StreamStatus, unknown][] = [];
    await runEventStream({
      url: '/notifications/me/stream',
      signal: new AbortController().signal,
      headers: async () => ({}),
      onMessage: () => {},
      onStatus: (s, e) => statuses.push([s, e]),
      fetch: fetchMock as unknown as typeof fetch,
      sleep: async () => {},
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [status, error] = statuses.at(-1)!;
    expect(status).toBe('closed');
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
  });

  it('follows the retry the server asked for', async () => {
    const controller = new AbortController();
    const delays: number[] = [];
    let calls = 0;
    await runEventStream({
      url: '/s',
      signal: controller.signal,
      headers: async () => ({}),
      onMessage: () => {},
      fetch: (async () => {
        if (++calls > 1) controller.abort();
        return streamResponse(['retry: 200\n\n']);
      }) as unknown as typeof fetch,
      sleep: async (ms) => void delays.push(ms),
      random: () => 1,
    });
    expect(delays[0]).toBe(200);
  });
});
