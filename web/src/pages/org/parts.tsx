/**
 * Pieces the organization pages share: a section with its heading, a confirmation step, a secret shown
 * once, status words, success messages and pagers. Styles in org.css.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { statusWords } from './format';
import './org.css';

/** A headed section: `<section aria-labelledby>` with its h2 (sections are landmarks for screen readers). */
export function Section({
  title,
  actions,
  children,
  level = 2,
  className,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  level?: 2 | 3;
  className?: string;
}) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className={['org-section', className].filter(Boolean).join(' ')}>
      <div className="section-header">
        <Heading id={id}>{title}</Heading>
        {actions && <div className="actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** An operation's success, announced politely (role="status"). Nothing renders for null. */
export function SuccessMessage({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false) return null;
  return (
    <div role="status" className="alert alert-success">
      {children}
    </div>
  );
}

const STATUS_TONES: Record<string, 'good' | 'bad' | 'wait' | 'neutral'> = {
  verified: 'good',
  provisioned: 'good',
  confirmed: 'good',
  ready: 'good',
  issued: 'good',
  active: 'good',
  enabled: 'good',
  succeeded: 'good',
  delivered: 'good',
  ok: 'good',
  passed: 'good',
  resolved: 'good',
  complete: 'good',
  rejected: 'bad',
  failed: 'bad',
  declined: 'bad',
  revoked: 'bad',
  disabled: 'bad',
  expired: 'bad',
  suspended: 'bad',
  review: 'wait',
  pending: 'wait',
  awaiting_approval: 'wait',
  requested: 'wait',
  executing: 'wait',
  broadcasted: 'wait',
  creating: 'wait',
  issuing: 'wait',
  submitted: 'wait',
  'requires-retry': 'wait',
  open: 'wait',
};

/** A status as words with a tone (the words carry the meaning; the colour only repeats it). */
export function StatusBadge({ status, label }: { status: string | null | undefined; label?: string }) {
  const tone = STATUS_TONES[(status ?? '').toLowerCase()] ?? 'neutral';
  return <span className={`status status-${tone}`}>{label ?? statusWords(status)}</span>;
}

interface ConfirmProps {
  /** The first button, e.g. "Revoke". */
  trigger: ReactNode;
  /** Its accessible name when the visible label is short and repeated in a list, e.g. "Revoke key ci". */
  triggerLabel?: string;
  triggerVariant?: 'primary' | 'secondary' | 'danger';
  /** The question, e.g. "Revoke the key “ci”?" */
  title: ReactNode;
  /** What happens, e.g. "Apps using it are refused at once. This cannot be undone." */
  children?: ReactNode;
  confirmLabel: string;
  confirmVariant?: 'primary' | 'secondary' | 'danger';
  pending?: boolean;
  pendingLabel?: string;
  /** Runs the operation; resolve to true (or nothing) to close, false to stay open (e.g. it failed). */
  onConfirm(): Promise<boolean | void> | boolean | void;
  /** Called when the step opens or is cancelled (e.g. to reset a form inside it). */
  onOpenChange?(open: boolean): void;
}

/**
 * A confirmation step in place, without a modal: the button opens a small panel that says what will
 * happen, with the confirming button and Cancel; Escape cancels and the focus returns to the button.
 */
export function Confirm({
  trigger,
  triggerLabel,
  triggerVariant = 'secondary',
  title,
  children,
  confirmLabel,
  confirmVariant = 'danger',
  pending,
  pendingLabel,
  onConfirm,
  onOpenChange,
}: ConfirmProps) {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const triggerButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) panel.current?.focus();
    else if (wasOpen.current) triggerButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const change = useCallback(
    (next: boolean) => {
      setOpen(next);
      onOpenChange?.(next);
    },
    [onOpenChange],
  );

  if (!open) {
    return (
      <button
        ref={triggerButton}
        type="button"
        className={`button button-${triggerVariant}`}
        aria-label={triggerLabel}
        onClick={() => change(true)}
      >
        {trigger}
      </button>
    );
  }
  return (
    <div
      ref={panel}
      role="group"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !pending) {
          event.stopPropagation();
          change(false);
        }
      }}
    >
      <p id={titleId} className="confirm-title">
        {title}
      </p>
      {children}
      <div className="actions">
        <Button
          variant={confirmVariant}
          pending={pending}
          pendingLabel={pendingLabel}
          onClick={async () => {
            const result = await onConfirm();
            if (result !== false) change(false);
          }}
        >
          {confirmLabel}
        </Button>
        <Button onClick={() => change(false)} aria-disabled={pending || undefined}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/**
 * A secret shown once (a new API key, a webhook signing secret): read-only field to select, a copy
 * button, and the plain warning that it will not be shown again.
 */
export function SecretOnce({
  title,
  label,
  value,
  children,
  onDone,
}: {
  title: string;
  /** The field's label, e.g. "New API key". */
  label: string;
  value: string;
  children?: ReactNode;
  onDone(): void;
}) {
  const headingId = useId();
  const fieldId = useId();
  const warningId = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const region = useRef<HTMLElement>(null);
  useEffect(() => {
    region.current?.focus();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section ref={region} tabIndex={-1} aria-labelledby={headingId} className="secret-once">
      <h3 id={headingId}>{title}</h3>
      <p id={warningId} className="secret-warning">
        <strong>Copy it now: you will not see it again.</strong> Attest keeps only a fingerprint of it.
      </p>
      {children}
      <div className="field">
        <label htmlFor={fieldId}>{label}</label>
        <div className="secret-row">
          <input
            id={fieldId}
            type="text"
            readOnly
            value={value}
            aria-describedby={warningId}
            autoComplete="off"
            spellCheck={false}
            className="secret-value"
            onFocus={(event) => event.currentTarget.select()}
          />
          <Button variant="primary" onClick={copy}>
            Copy
          </Button>
        </div>
      </div>
      <p role="status" className="muted">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Could not copy: select the text and copy it by hand.' : ''}
      </p>
      <Button onClick={onDone}>I have stored it safely</Button>
    </section>
  );
}

/** Numbered pages (`page` from 0) with the total, as the review queue answers them. */
export function PagePager({
  page,
  size,
  total,
  noun,
  onPage,
}: {
  page: number;
  size: number;
  total: number;
  noun: string;
  onPage(page: number): void;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <nav aria-label={`Pages of ${noun}`} className="pager">
      <Button onClick={() => onPage(page - 1)} disabled={page <= 0}>
        Previous page
      </Button>
      <span>
        Page {Math.min(page + 1, pages)} of {pages} ({total} {noun})
      </span>
      <Button onClick={() => onPage(page + 1)} disabled={page + 1 >= pages}>
        Next page
      </Button>
    </nav>
  );
}

/** Cursor pages (`page_token` / `next_page_token`): remembers the tokens walked through, to go back. */
export function useTokenPages() {
  const [tokens, setTokens] = useState<(string | null)[]>([null]);
  const index = tokens.length - 1;
  return {
    token: tokens[index] ?? null,
    index,
    next: (token: string) => setTokens((t) => [...t, token]),
    previous: () => setTokens((t) => (t.length > 1 ? t.slice(0, -1) : t)),
    reset: () => setTokens([null]),
  };
}

export function TokenPager({
  index,
  nextToken,
  noun,
  onNext,
  onPrevious,
}: {
  index: number;
  nextToken: string | null | undefined;
  noun: string;
  onNext(token: string): void;
  onPrevious(): void;
}) {
  return (
    <nav aria-label={`Pages of ${noun}`} className="pager">
      <Button onClick={onPrevious} disabled={index === 0}>
        Previous page
      </Button>
      <span>Page {index + 1}</span>
      <Button onClick={() => nextToken && onNext(nextToken)} disabled={!nextToken}>
        Next page
      </Button>
    </nav>
  );
}

/** Label/value pairs (stored settings, a case's data). */
export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([term, value], i) => (
        <div key={i}>
          <dt>{term}</dt>
          <dd>{value === null || value === undefined || value === '' ? <span className="muted">not set</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A table that scrolls sideways on narrow screens; it takes the keyboard focus so that keyboard users can
 * scroll it too (axe: scrollable-region-focusable), named for screen readers.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * The two decisions on a case: Approve… and a refusal (Reject… or Decline…), each confirmed in place,
 * with the error of recording the decision below them.
 */
export function DecisionActions({
  refuse,
  refusingLabel,
  pending,
  error,
  approveBody,
  refuseBody,
  onApprove,
  onRefuse,
  onOpenChange,
}: {
  /** The refusing verb as its buttons say it, as "Reject" or "Decline". */
  refuse: string;
  refusingLabel: string;
  pending: boolean;
  error: unknown;
  approveBody: ReactNode;
  refuseBody: ReactNode;
  onApprove: ConfirmProps['onConfirm'];
  onRefuse: ConfirmProps['onConfirm'];
  onOpenChange(): void;
}) {
  return (
    <>
      <div className="actions">
        <Confirm
          trigger="Approve…"
          triggerVariant="primary"
          title="Approve this case?"
          confirmLabel="Approve case"
          confirmVariant="primary"
          pending={pending}
          pendingLabel="Approving…"
          onConfirm={onApprove}
          onOpenChange={onOpenChange}
        >
          {approveBody}
        </Confirm>
        <Confirm
          trigger={`${refuse}…`}
          triggerVariant="danger"
          title={`${refuse} this case?`}
          confirmLabel={`${refuse} case`}
          pending={pending}
          pendingLabel={refusingLabel}
          onConfirm={onRefuse}
          onOpenChange={onOpenChange}
        >
          {refuseBody}
        </Confirm>
      </div>
      <ErrorMessage error={error} title="Could not record the decision" />
    </>
  );
}
