/**
 * Server-Sent Events over fetch(), because a browser's EventSource cannot send `Authorization`.
 * The parser follows the HTML standard's event-stream interpretation; the runner reconnects with
 * `Last-Event-ID` and a growing, jittered delay.
 */
import { ApiError, NetworkError } from '../api/problem';

export interface SseMessage {
  /** `event:` field, `message` when absent. */
  event: string;
  /** `data:` lines joined with \n. */
  data: string;
  /** The last event id at dispatch (the stream's `id:` fields persist across events). */
  id: string;
}

/** Incremental parser: feed it decoded text as it arrives, get the complete events back. */
export class SseParser {
  /** The id of the last complete event: what a reconnection sends as `Last-Event-ID`. */
  lastEventId = '';
  /** `id:` of the event being received; becomes lastEventId when the event completes. */
  private idBuffer: string | null = null;
  /** Reconnection time asked by the server (`retry:`), in ms. */
  retry: number | null = null;
  private buffer = '';
  private data: string[] = [];
  private eventType = '';
  /** The previous chunk ended with \r: a \n starting the next one belongs to that line end. */
  private skipLineFeed = false;

  feed(chunk: string): SseMessage[] {
    const messages: SseMessage[] = [];
    const text = this.buffer + chunk;
    let start = 0;
    let i = 0;
    if (this.skipLineFeed && text.startsWith('\n')) start = i = 1;
    this.skipLineFeed = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c !== '\r' && c !== '\n') continue;
      this.line(text.slice(start, i), messages);
      if (c === '\r') {
        if (i + 1 === text.length) this.skipLineFeed = true;
        else if (text[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.buffer = text.slice(start);
    return messages;
  }

  /** Drops a partly received event (the connection ended); keeps the last complete event's id. */
  reset(): void {
    this.idBuffer = null;
    this.buffer = '';
    this.data = [];
    this.eventType = '';
    this.skipLineFeed = false;
  }

  private line(line: string, messages: SseMessage[]): void {
    if (line === '') {
      if (this.idBuffer !== null) this.lastEventId = this.idBuffer;
      if (this.data.length > 0) {
        messages.push({ event: this.eventType || 'message', data: this.data.join('\n'), id: this.lastEventId });
      }
      this.data = [];
      this.eventType = '';
      return;
    }
    if (line.startsWith(':')) return; // comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
      // Unknown fields are ignored.
    }
  }
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000 };

/** Delay before reconnection `attempt` (0-based): doubling from `initialMs` up to `maxMs`, half of it random. */
export function retryDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Statuses worth reconnecting after: the token may have been renewed meanwhile (401), or the service is back. */
export function isRetryable(status: number): boolean {
  return status === 401 || status === 408 || status === 429 || status >= 500;
}

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface EventStreamOptions {
  url: string;
  /** Headers for each (re)connection, e.g. a fresh `Authorization`. */
  headers: () => Promise<Record<string, string>>;
  /** Resume after this event id (sent as `Last-Event-ID`). */
  lastEventId?: string;
  onMessage(message: SseMessage): void;
  /** Connection changes; `closed` with an error when the server refused for good (e.g. 403). */
  onStatus?(status: StreamStatus, error?: unknown): void;
  /** Aborting ends the stream for good. */
  signal: AbortSignal;
  backoff?: Backoff;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return ApiError.from(response, body);
}

/**
 * Reads the stream until `signal` aborts or the server refuses for good, reconnecting whenever the
 * connection ends or fails. Resolves when it stops.
 */
export async function runEventStream(options: EventStreamOptions): Promise<void> {
  const { url, signal, onMessage, onStatus = () => {} } = options;
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? abortableSleep;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const parser = new SseParser();
  parser.lastEventId = options.lastEventId ?? '';
  let attempt = 0;

  while (!signal.aborted) {
    let failure: unknown = null;
    onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', ...(await options.headers()) };
      if (parser.lastEventId) headers['Last-Event-ID'] = parser.lastEventId;
      let response: Response;
      try {
        response = await fetchImpl(url, { headers, signal, cache: 'no-store' });
      } catch (error) {
        throw signal.aborted ? error : new NetworkError(error);
      }
      if (!response.ok || !response.body) {
        const error = await problemOf(response);
        if (!isRetryable(response.status)) {
          onStatus('closed', error);
          return;
        }
        throw error;
      }
      onStatus('open');
      attempt = 0;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const message of parser.feed(decoder.decode(value, { stream: true }))) onMessage(message);
      }
    } catch (error) {
      if (signal.aborted) break;
      failure = error;
    }
    // The connection ended (the server closed it, an idle timeout, a failure): go on after a pause.
    parser.reset();
    if (signal.aborted) break;
    onStatus('reconnecting', failure ?? undefined);
    const base = parser.retry !== null ? { ...backoff, initialMs: parser.retry } : backoff;
    await sleep(retryDelay(attempt++, base, options.random), signal);
  }
  onStatus('closed');
}
