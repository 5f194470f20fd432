import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useConfig } from '../../config/ConfigContext';
import type { Tone } from './kyc';
import { txLink } from './identity';

/** A status in words; the colour only repeats what the words say. */
export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`tag tag-${tone}`}>{children}</span>;
}

/** Copies `value` to the clipboard and says so (politely announced). */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 3000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button-small" onClick={copy} aria-label={`Copy ${what}`}>
        Copy
      </button>
      <span role="status" className="muted copy-status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy: select the text instead' : ''}
      </span>
    </>
  );
}

/** `0x1234…cdef`: the start and the end of a long hex value, for narrow places (tables). */
export function shorten(value: string): string {
  return value.length > 14 ? `${value.slice(0, 6)}…${value.slice(-4)}` : value;
}

/** A long hex value: in full, or shortened on screen with the full value for screen readers and as a tooltip. */
export function Hex({ value, short = false }: { value: string; short?: boolean }) {
  if (!short) return <code>{value}</code>;
  return (
    <>
      <code className="nowrap" title={value} aria-hidden="true">
        {shorten(value)}
      </code>
      <span className="visually-hidden">{value}</span>
    </>
  );
}

/** A transaction hash: a link to the chain's explorer when there is one, else the hash with a copy button. */
export function TxHash({
  hash,
  what = 'transaction hash',
  short = false,
}: {
  hash: string | null | undefined;
  what?: string;
  short?: boolean;
}) {
  const { chain } = useConfig();
  if (!hash) return <span className="muted">none yet</span>;
  const href = txLink(chain, hash);
  if (href) {
    return (
      <a href={href} target="_blank" rel="noreferrer">
        <Hex value={hash} short={short} />
        <span className="visually-hidden"> (opens the block explorer in a new tab)</span>
      </a>
    );
  }
  return (
    <span className="with-copy">
      <Hex value={hash} short={short} /> <CopyButton value={hash} what={what} />
    </span>
  );
}

/** An address with its copy button. */
export function Address({ value, what }: { value: string; what: string }) {
  return (
    <span className="with-copy">
      <code>{value}</code> <CopyButton value={value} what={what} />
    </span>
  );
}

/**
 * Calls `callback` every `intervalMs` while `active`: the gentle fallback beside the live notifications,
 * for states that move without one (or when the stream is down).
 */
export function usePolling(callback: () => void, intervalMs: number, active: boolean): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => latest.current(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
}

/** A date-time from the API in the person's locale, or a dash. */
export function When({ at }: { at: string | null | undefined }) {
  if (!at) return <>—</>;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return <>{at}</>;
  return <time dateTime={at}>{date.toLocaleString()}</time>;
}
