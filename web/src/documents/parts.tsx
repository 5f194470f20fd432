/** Pieces the user's and the reviewers' document pages share. */
import type { ReactNode } from 'react';
import { formatBytes, typeWords, type CaseDocument, type Requirement } from './documents';
import './documents.css';

const STATE_WORDS: Record<string, { label: string; tone: 'neutral' | 'info' | 'success' | 'warning' | 'danger' }> = {
  uploading: { label: 'Uploading (not finished)', tone: 'warning' },
  received: { label: 'Received, being stored', tone: 'info' },
  stored: { label: 'Stored on Arweave, awaiting confirmation', tone: 'info' },
  confirmed: { label: 'Confirmed on Arweave', tone: 'success' },
  failed: { label: 'Storage failed', tone: 'danger' },
};

/** A document's state in words (the colour only repeats them). */
export function DocumentState({ state }: { state: string | null | undefined }) {
  const words = STATE_WORDS[state ?? ''] ?? { label: state ?? 'unknown', tone: 'neutral' as const };
  return <span className={`tag tag-${words.tone}`}>{words.label}</span>;
}

/** A case's state in words. */
export function CaseState({ state }: { state: string | null | undefined }) {
  const tone = state === 'approved' ? 'success' : state === 'rejected' ? 'danger' : 'info';
  const label = state === 'open' ? 'Open' : state === 'approved' ? 'Approved' : state === 'rejected' ? 'Rejected' : (state ?? 'unknown');
  return <span className={`tag tag-${tone}`}>{label}</span>;
}

/** What a requirement accepts, in words. */
export function Accepts({ requirement }: { requirement: Requirement }) {
  return (
    <span>
      {(requirement.accepted_types ?? []).map(typeWords).join(', ')}, at most {formatBytes(requirement.max_bytes ?? 0)}
    </span>
  );
}

/** An Arweave transaction id, or what stands in for it. */
export function ArweaveTx({ id }: { id: string | null | undefined }) {
  if (!id) return <span className="muted">not yet</span>;
  return <code className="break">{id}</code>;
}

/** The storage facts of a document: attempts and the last error, when there were any. */
export function StorageFacts({ document }: { document: CaseDocument }): ReactNode {
  if (!document.attempts && !document.last_error) return <span className="muted">—</span>;
  return (
    <>
      {document.attempts ?? 0} {document.attempts === 1 ? 'attempt' : 'attempts'}
      {document.last_error && (
        <>
          ; last error: <span className="break">{document.last_error}</span>
        </>
      )}
    </>
  );
}
