/** The decrypted document in place, shared by the reviewer's case page and the "Shared with me" page. */
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/problem';
import { presentation, typeWords, type CaseDocument, type OpenedDocument } from './documents';
import './documents.css';

/** How a document is named on the pages: its requirement and plaintext type, e.g. "proof-of-address (PDF)". */
export function documentLabel(document: Pick<CaseDocument, 'requirement' | 'content_type'>): string {
  return `${document.requirement} (${typeWords(document.content_type)})`;
}

/** The title of a failed opening: a refusal of the key (its detail names the condition that failed), or another failure. */
export function openFailureTitle(error: unknown): string {
  if (error instanceof ApiError && error.slug === 'access-refused') return 'The key was not released to you';
  return 'Could not open the document';
}

/** A decrypted document in place: a PDF or an image through an object URL, personal data as a list. */
export function DocumentViewer({
  document,
  opened,
}: {
  document: Pick<CaseDocument, 'requirement' | 'content_type'>;
  opened: OpenedDocument;
}) {
  const shown = useMemo(() => presentation(opened), [opened]);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (shown.kind !== 'file') return;
    const made = URL.createObjectURL(shown.blob);
    setUrl(made);
    // The plaintext lives only as long as it is shown.
    return () => URL.revokeObjectURL(made);
  }, [shown]);
  const name = documentLabel(document);
  return (
    <div className="document-viewer">
      {shown.kind === 'unreadable' && <p className="alert alert-warning">The form decrypted, but it is not readable data.</p>}
      {shown.kind === 'data' && (
        <div role="group" aria-label={`Decrypted ${name}`}>
          <dl className="facts">
            {shown.entries.map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {shown.kind === 'file' && url && opened.contentType.startsWith('image/') && <img src={url} alt={`Decrypted ${name}`} />}
      {shown.kind === 'file' && url && !opened.contentType.startsWith('image/') && <iframe src={url} title={`Decrypted ${name}`} />}
    </div>
  );
}
