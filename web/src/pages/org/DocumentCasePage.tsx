import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { DocumentKeyPanel } from '../../documents/DocumentKeyPanel';
import { documentLabel } from '../../documents/DocumentViewer';
import { fetchAndOpen, shareWithReviewers, type CaseDocument, type DocumentCase, type OpenedDocument } from '../../documents/documents';
import { OpenButtons, OpenedView } from '../../documents/OpenDocument';
import { ShareWithAuditor } from '../../documents/ShareWithAuditor';
import { Accepts, ArweaveTx, CaseState, DocumentState, StorageFacts } from '../../documents/parts';
import { useDocumentKey } from '../../documents/useDocumentKey';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { useOrgParam, useRequiredParam } from '../../tenant/params';
import { formatTime } from './format';
import { DecisionActions, Facts, Section, SuccessMessage, TableScroll } from './parts';

type Decision = 'approved' | 'rejected';

function Releases({ documentId }: { documentId: string }) {
  const api = useApi();
  const releases = useAsync(
    (signal) => unwrap(api.document.GET('/documents/{document_id}/releases', { params: { path: { document_id: documentId } }, signal })),
    [api, documentId],
  );
  return (
    <>
      <ErrorMessage error={releases.error} title="Could not load the key releases" onRetry={releases.reload} />
      {releases.loading && !releases.data && <Progress label="Loading the key releases" />}
      {releases.data && releases.data.length === 0 && <p>Nobody has asked for this document’s key yet.</p>}
      {releases.data && releases.data.length > 0 && (
        <TableScroll label="Key releases table">
          <table className="table-compact">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Outcome</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {releases.data.map((r, i) => (
                <tr key={`${r.at}-${i}`}>
                  <td className="nowrap">{formatTime(r.at)}</td>
                  <td>
                    <code>{r.subject}</code>
                  </td>
                  <td>
                    <span className={`tag tag-${r.outcome === 'released' ? 'success' : 'danger'}`}>{r.outcome}</span>
                  </td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

/**
 * Reviewers who have no copy of some documents' keys under their current key (they joined after the upload, or made
 * a new key): this reviewer's browser, which can unwrap them, wraps them for those reviewers.
 */
function ShareWithReviewers({
  documentCase,
  privateKey,
  self,
  onShared,
}: {
  documentCase: DocumentCase;
  privateKey: CryptoKey | null;
  self: string;
  onShared(): void;
}) {
  const api = useApi();
  const [shared, setShared] = useState<string | null>(null);
  const documents = documentCase.documents ?? [];
  const lacking = (d: CaseDocument) => (d.reviewers_without_grant ?? []).filter((r) => r.subject !== self);
  // Documents this reviewer holds a grant for (not listed as lacking one) and others lack.
  const shareable = documents.filter((d) => lacking(d).length > 0 && !(d.reviewers_without_grant ?? []).some((r) => r.subject === self));
  const mineMissing = documents.filter((d) => (d.reviewers_without_grant ?? []).some((r) => r.subject === self));
  const reviewers = new Set(shareable.flatMap((d) => lacking(d).map((r) => r.subject)));
  const share = useAction(async (key: CryptoKey) => {
    let made = 0;
    for (const d of shareable) made += await shareWithReviewers(api, d, key, self);
    return made;
  });
  if (documentCase.state !== 'open' || (shareable.length === 0 && mineMissing.length === 0)) return null;
  return (
    <Section title="Reviewers without a copy">
      {mineMissing.length > 0 && (
        <p className="alert alert-warning">
          Your current key has no copy of {mineMissing.length === 1 ? 'one document’s key' : `${mineMissing.length} documents’ keys`} (your key is newer
          than the upload): another reviewer opening this case can share {mineMissing.length === 1 ? 'it' : 'them'} with you.
        </p>
      )}
      {shareable.length > 0 && (
        <>
          <p>
            {reviewers.size === 1 ? 'One reviewer has' : `${reviewers.size} reviewers have`} no copy of the keys of {shareable.length}{' '}
            {shareable.length === 1 ? 'document' : 'documents'} (they joined after the upload, or made a new key). Your browser can
            wrap them for {reviewers.size === 1 ? 'that reviewer' : 'them'}; each key you unwrap for it is recorded.
          </p>
          <ErrorMessage error={share.error} title="Could not share the documents" />
          <SuccessMessage>{shared}</SuccessMessage>
          <Button
            pending={share.pending}
            pendingLabel="Sharing…"
            disabled={!privateKey}
            onClick={async () => {
              if (!privateKey) return;
              const made = await share.run(privateKey);
              if (made === undefined) return;
              setShared(`Shared ${made} ${made === 1 ? 'copy' : 'copies'}.`);
              onShared();
            }}
          >
            Share with {reviewers.size === 1 ? 'that reviewer' : 'those reviewers'}
          </Button>
        </>
      )}
    </Section>
  );
}

function DocumentRow({
  document,
  privateKey,
  checked,
  decidable,
  self,
  onOpened,
  onCheck,
}: {
  document: CaseDocument;
  privateKey: CryptoKey | null;
  checked: boolean;
  decidable: boolean;
  self: string;
  onOpened(): void;
  onCheck(checked: boolean): void;
}) {
  const api = useApi();
  const [opened, setOpened] = useState<OpenedDocument | null>(null);
  const [showReleases, setShowReleases] = useState(false);
  const [releasesVersion, setReleasesVersion] = useState(0);
  const open = useAction(async (key: CryptoKey) => {
    try {
      const result = await fetchAndOpen(api, document, key);
      setOpened(result);
      onOpened();
      return result;
    } finally {
      // Every asking is recorded, refused or not: the log shown is the new one.
      setReleasesVersion((v) => v + 1);
    }
  });
  const openable = document.state !== 'uploading' && document.state !== 'failed';
  const label = documentLabel(document);
  return (
    <Section level={3} title={label}>
      <Facts
        items={[
          ['State', <DocumentState key="s" state={document.state} />],
          ['Arweave transaction', <ArweaveTx key="tx" id={document.arweave_tx_id} />],
          ['Block height', document.block_height == null ? null : String(document.block_height)],
          ['Storage', <StorageFacts key="st" document={document} />],
          ['Encrypted size', `${document.size ?? 0} bytes`],
          ['Uploaded', formatTime(document.created_at)],
          ['Document ID', <code key="id">{document.id}</code>],
        ]}
      />
      <div className="actions">
        <OpenButtons
          label={label}
          openable={openable}
          open={open}
          privateKey={privateKey}
          opened={opened}
          onClose={() => setOpened(null)}
        />
        <Button aria-expanded={showReleases} onClick={() => setShowReleases((s) => !s)}>
          {showReleases ? 'Hide key releases' : 'Key releases'}
        </Button>
        {decidable && openable && (
          <label className="checkbox">
            <input type="checkbox" checked={checked} onChange={(e) => onCheck(e.target.checked)} />
            <span>Base the decision on this document</span>
          </label>
        )}
      </div>
      {!privateKey && openable && <p className="muted">Set up your reviewer key above to open documents.</p>}
      <OpenedView document={document} open={open} opened={opened} />
      {decidable && openable && (
        <ShareWithAuditor
          document={document}
          label={label}
          privateKey={privateKey}
          self={self}
          onShared={() => setReleasesVersion((v) => v + 1)}
        />
      )}
      {showReleases && document.id && <Releases key={releasesVersion} documentId={document.id} />}
    </Section>
  );
}

/** `/org/:org/documents/:caseId`: requirements and documents of a case, opened in the browser; approve or reject. */
export default function DocumentCasePage() {
  const org = useOrgParam();
  const caseId = useRequiredParam('caseId');
  const api = useApi();
  const documentKey = useDocumentKey();
  const { claims } = useAuth();
  const documentCase = useAsync(
    (signal) => unwrap(api.document.GET('/documents/cases/{case_id}', { params: { path: { case_id: caseId } }, signal })),
    [api, org, caseId],
  );
  useNotificationEvents('document.', documentCase.reload);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [decided, setDecided] = useState<string | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const decide = useAction((decision: Decision, documentIds: string[]) =>
    unwrap(
      api.document.POST('/documents/cases/{case_id}/decision', {
        params: { path: { case_id: caseId } },
        body: { decision, document_ids: documentIds },
      }),
    ),
  );

  const back = <Link to={`/org/${encodeURIComponent(org)}/documents`}>Back to the document reviews</Link>;
  if (documentCase.loading && !documentCase.data) return <Progress label="Loading the case" />;
  const c = documentCase.data;
  if (!c) {
    return (
      <Page title="Document case">
        <ErrorMessage error={documentCase.error} title="Could not load the case" onRetry={documentCase.reload} />
        <p>{back}</p>
      </Page>
    );
  }
  const open = c.state === 'open';
  const documents = c.documents ?? [];
  const check = (id: string, on: boolean) => {
    setChoiceError(null);
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const confirm = async (decision: Decision) => {
    const ids = documents.map((d) => d.id ?? '').filter((id) => chosen.has(id));
    if (ids.length === 0) {
      setChoiceError('Check the documents the decision is based on (open them first).');
      return false;
    }
    const answer = await decide.run(decision, ids);
    if (!answer) return false;
    setDecided(`${decision === 'approved' ? 'Approved' : 'Rejected'} on ${ids.length} ${ids.length === 1 ? 'document' : 'documents'}.`);
    documentCase.reload();
    return true;
  };

  return (
    <Page title="Document case" actions={back}>
      <p>
        Case <code>{c.id}</code>: <CaseState state={c.state} />
      </p>
      <SuccessMessage>{decided}</SuccessMessage>
      <DocumentKeyPanel documentKey={documentKey} reviewer />
      <Section title="Case">
        <Facts
          items={[
            ['State', <CaseState key="s" state={c.state} />],
            ['User', c.user_id && <code>{c.user_id}</code>],
            ['Project', c.project_id && <code>{c.project_id}</code>],
            ['Opened', formatTime(c.opened_at)],
            ['Decided', c.decided_at ? formatTime(c.decided_at) : null],
            ['Decided by', c.decided_by && <code>{c.decided_by}</code>],
          ]}
        />
      </Section>
      <Section title="Requirements">
        <ul className="plain-list">
          {(c.requirements ?? []).map((r) => (
            <li key={r.kind}>
              <strong>{r.title}</strong> (<code>{r.kind}</code>): <Accepts requirement={r} /> —{' '}
              {(c.missing ?? []).includes(r.kind ?? '') ? (
                <span className="tag tag-warning">Missing</span>
              ) : (
                <span className="tag tag-success">Provided</span>
              )}
            </li>
          ))}
        </ul>
      </Section>
      <ShareWithReviewers
        documentCase={c}
        privateKey={documentKey.ready?.privateKey ?? null}
        self={claims?.sub ?? ''}
        onShared={documentCase.reload}
      />
      <Section title="Documents">
        {documents.length === 0 && <p>The user has not sent any document yet.</p>}
        {documents.map((d) => (
          <DocumentRow
            key={d.id}
            document={d}
            privateKey={documentKey.ready?.privateKey ?? null}
            checked={chosen.has(d.id ?? '')}
            decidable={open}
            self={claims?.sub ?? ''}
            onOpened={() => check(d.id ?? '', true)}
            onCheck={(on) => check(d.id ?? '', on)}
          />
        ))}
      </Section>
      <Section title="Decision">
        {open ? (
          <>
            <p>
              Decide on the documents you checked above (those you opened are checked). The decision is recorded with
              them and their Arweave transactions, and closes the case: reviewers’ access to its documents ends.
            </p>
            {choiceError && (
              <p role="alert" className="field-error">
                {choiceError}
              </p>
            )}
            <DecisionActions
              refuse="Reject"
              refusingLabel="Rejecting…"
              pending={decide.pending}
              error={decide.error}
              approveBody={<p>Based on {chosen.size} checked {chosen.size === 1 ? 'document' : 'documents'}.</p>}
              refuseBody={
                <p>Based on {chosen.size} checked {chosen.size === 1 ? 'document' : 'documents'}. This cannot be undone here.</p>
              }
              onApprove={() => confirm('approved')}
              onRefuse={() => confirm('rejected')}
              onOpenChange={() => decide.reset()}
            />
          </>
        ) : (
          <p>This case is decided: its documents can no longer be opened by reviewers.</p>
        )}
      </Section>
    </Page>
  );
}
