import { useId, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { isExpired, sharedAsDocument, type SharedDocument } from '../../documents/auditors';
import { DocumentKeyPanel } from '../../documents/DocumentKeyPanel';
import { documentLabel } from '../../documents/DocumentViewer';
import { fetchAndOpen, type OpenedDocument } from '../../documents/documents';
import { OpenButtons, OpenedView } from '../../documents/OpenDocument';
import { ArweaveTx, DocumentState } from '../../documents/parts';
import { useDocumentKey } from '../../documents/useDocumentKey';
import { useAction, useAsync } from '../../hooks/useAsync';
import { When } from './parts';

/** When a grant ends, in words; an expired one says so (the colour only repeats it). */
function Expiry({ expiresAt, expired }: { expiresAt: string | null | undefined; expired: boolean }) {
  return (
    <>
      {expired && <span className="tag tag-danger">Expired</span>} <When at={expiresAt} />
    </>
  );
}

function SharedItem({ shared, privateKey }: { shared: SharedDocument; privateKey: CryptoKey | null }) {
  const api = useApi();
  const headingId = useId();
  const [opened, setOpened] = useState<OpenedDocument | null>(null);
  const document = sharedAsDocument(shared);
  const label = documentLabel(document);
  const expired = isExpired(shared.expires_at);
  const open = useAction(async (key: CryptoKey) => {
    setOpened(null);
    const result = await fetchAndOpen(api, document, key);
    setOpened(result);
    return result;
  });
  const openable = shared.state !== 'uploading' && shared.state !== 'failed';
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{label}</h2>
      <dl className="facts">
        <div>
          <dt>State</dt>
          <dd>
            <DocumentState state={shared.state} />
          </dd>
        </div>
        <div>
          <dt>{expired ? 'Access ended' : 'Access until'}</dt>
          <dd>
            <Expiry expiresAt={shared.expires_at} expired={expired} />
          </dd>
        </div>
        <div>
          <dt>Shared</dt>
          <dd>
            <When at={shared.granted_at} />
          </dd>
        </div>
        <div>
          <dt>Arweave transaction</dt>
          <dd>
            <ArweaveTx id={shared.arweave_tx_id} />
          </dd>
        </div>
        <div>
          <dt>Case</dt>
          <dd>
            <code className="break">{shared.case_id}</code>
          </dd>
        </div>
      </dl>
      {expired && <p className="muted">This access has ended: the key is no longer released to you (asking again is refused and recorded).</p>}
      <div className="actions">
        <OpenButtons
          label={label}
          variant={expired ? 'secondary' : 'primary'}
          openable={openable}
          open={open}
          privateKey={privateKey}
          opened={opened}
          onClose={() => setOpened(null)}
        />
      </div>
      {!openable && <p className="muted">This document is not stored yet, or its storage failed: there is nothing to open.</p>}
      <OpenedView document={document} open={open} opened={opened} />
    </section>
  );
}

/**
 * `/shared`: documents others shared with the caller as an auditor (time-bound grants), newest first, expired ones
 * marked; each opened in this browser with the caller's key, the service deciding the grant's conditions.
 */
export default function SharedWithMePage() {
  const api = useApi();
  const documentKey = useDocumentKey();
  const shared = useAsync((signal) => unwrap(api.document.GET('/documents/shared-with-me', { signal })), [api]);
  const items = shared.data ?? [];
  const privateKey = documentKey.ready?.privateKey ?? null;
  return (
    <Page title="Shared with me" actions={<Button onClick={shared.reload}>Refresh</Button>}>
      <p>
        Documents a reviewer shared with you for a limited time. Each is decrypted in this browser with your document key:
        Attest never sees it, and every opening is recorded.
      </p>
      <DocumentKeyPanel documentKey={documentKey} auditor />
      <ErrorMessage error={shared.error} title="Could not load what was shared with you" onRetry={shared.reload} />
      {shared.loading && !shared.data && <Progress label="Loading what was shared with you" />}
      {shared.data && items.length === 0 && (
        <p role="status">Nothing has been shared with you. A reviewer can share a document once your key is set up above.</p>
      )}
      {items.length > 0 && !privateKey && <p className="muted">Set up your document key above to open these documents.</p>}
      {items.map((item) => (
        <SharedItem key={`${item.document_id}-${item.granted_at}`} shared={item} privateKey={privateKey} />
      ))}
    </Page>
  );
}
