/** Opening a document in this browser: its Open and Close buttons, and what the opening gives. */
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { Progress } from '../components/Progress';
import { DocumentViewer, openFailureTitle } from './DocumentViewer';
import type { CaseDocument, OpenedDocument } from './documents';

/** The opening of a document (a `useAction` taking the private key). */
interface Opening {
  pending: boolean;
  error: unknown;
  run(key: CryptoKey): Promise<unknown>;
}

/** "Open" (named "Open <label>") when the document can be opened, and "Close" once it is open. */
export function OpenButtons({
  label,
  openable,
  variant = 'primary',
  open,
  privateKey,
  opened,
  onClose,
}: {
  label: string;
  openable: boolean;
  variant?: 'primary' | 'secondary';
  open: Opening;
  privateKey: CryptoKey | null;
  opened: OpenedDocument | null;
  onClose(): void;
}) {
  return (
    <>
      {openable && (
        <Button
          variant={variant}
          aria-label={`Open ${label}`}
          pending={open.pending}
          pendingLabel="Opening…"
          disabled={!privateKey}
          onClick={() => privateKey && open.run(privateKey)}
        >
          Open
        </Button>
      )}
      {opened && <Button onClick={onClose}>Close</Button>}
    </>
  );
}

/** Why opening failed, its progress, and the opened document. */
export function OpenedView({
  document,
  open,
  opened,
}: {
  document: Pick<CaseDocument, 'requirement' | 'content_type'>;
  open: Opening;
  opened: OpenedDocument | null;
}) {
  return (
    <>
      <ErrorMessage error={open.error} title={openFailureTitle(open.error)} />
      {open.pending && <Progress label="Fetching and decrypting in this browser" />}
      {opened && <DocumentViewer document={document} opened={opened} />}
    </>
  );
}
