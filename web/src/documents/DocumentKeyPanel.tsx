import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormField } from '../components/FormField';
import { Progress } from '../components/Progress';
import { passphraseError, recoveryFileName, PASSPHRASE_MIN, type RecoveryFile } from './keyStore';
import type { DocumentKey } from './useDocumentKey';

/** The recovery file as a download link (an object URL, revoked when it is no longer shown). */
function RecoveryDownload({ file, onDone }: { file: RecoveryFile; onDone(): void }) {
  const [url, setUrl] = useState<string | null>(null);
  const headingId = useId();
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return (
    <section aria-labelledby={headingId} className="secret-once">
      <h3 id={headingId}>Your key recovery file</h3>
      <p className="secret-warning">
        <strong>Download it now and keep it with its passphrase: it is offered only this once.</strong> Your private key
        stays in this browser; if you lose the browser or clear its data, only this file and its passphrase bring the key
        back. Attest never sees either.
      </p>
      {url && (
        <p>
          <a className="button button-primary" href={url} download={recoveryFileName(new Date(file.created_at))}>
            Download the recovery file
          </a>
        </p>
      )}
      <Button onClick={onDone}>I have stored it safely</Button>
    </section>
  );
}

function PassphraseFields({
  passphrase,
  repeated,
  error,
  onPassphrase,
  onRepeated,
}: {
  passphrase: string;
  repeated: string;
  error: string | null;
  onPassphrase(value: string): void;
  onRepeated(value: string): void;
}) {
  return (
    <>
      <FormField
        label="Recovery passphrase"
        hint={`At least ${PASSPHRASE_MIN} characters. It protects the recovery file; it cannot be reset.`}
        error={error}
        required
      >
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => onPassphrase(e.target.value)} />
        )}
      </FormField>
      <FormField label="Repeat the passphrase" required>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" value={repeated} onChange={(e) => onRepeated(e.target.value)} />
        )}
      </FormField>
    </>
  );
}

function CreateKeyForm({ documentKey, replacing, onRecovery }: { documentKey: DocumentKey; replacing: boolean; onRecovery(file: RecoveryFile): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = passphraseError(passphrase, repeated);
    setError(found);
    if (found) return;
    const made = await documentKey.create.run(passphrase, onRecovery);
    if (made) {
      setPassphrase('');
      setRepeated('');
    }
  };
  return (
    <form className="form-narrow" noValidate onSubmit={submit} aria-label={replacing ? 'New document key' : 'Create your document key'}>
      <PassphraseFields passphrase={passphrase} repeated={repeated} error={error} onPassphrase={setPassphrase} onRepeated={setRepeated} />
      <ErrorMessage error={documentKey.create.error} title="Could not set up the key" />
      <Button type="submit" variant={replacing ? 'danger' : 'primary'} pending={documentKey.create.pending} pendingLabel="Making the key…">
        {replacing ? 'Make a new key' : 'Create my key'}
      </Button>
    </form>
  );
}

function RestoreForm({ documentKey }: { documentKey: DocumentKey }) {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { file: file ? undefined : 'Choose your recovery file.', passphrase: passphrase ? undefined : 'Required.' };
    setErrors(found);
    if (!file || !passphrase) return;
    const restored = await documentKey.restore.run(await file.text(), passphrase);
    if (restored) setPassphrase('');
  };
  return (
    <form className="form-narrow" noValidate onSubmit={submit} aria-label="Restore your key">
      <FormField label="Recovery file" error={errors.file} required>
        {(control) => <input {...control} type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </FormField>
      <FormField label="Passphrase of the file" error={errors.passphrase} required>
        {(control) => (
          <input {...control} type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        )}
      </FormField>
      <ErrorMessage error={documentKey.restore.error} title="Could not restore the key" />
      <Button type="submit" variant="primary" pending={documentKey.restore.pending} pendingLabel="Restoring… (this takes a few seconds)">
        Restore my key
      </Button>
    </form>
  );
}

/**
 * The person's document key: set it up (with its recovery file), or, when this browser lacks the registered key,
 * restore it from the file or replace it. `reviewer` words it for org-admins, for whom documents are wrapped;
 * `auditor` for the people documents are shared with.
 */
export function DocumentKeyPanel({
  documentKey,
  reviewer = false,
  auditor = false,
}: {
  documentKey: DocumentKey;
  reviewer?: boolean;
  auditor?: boolean;
}) {
  const { state } = documentKey;
  const [recovery, setRecovery] = useState<RecoveryFile | null>(null);
  const [replacing, setReplacing] = useState(false);
  const headingId = useId();
  const status = state.data?.status;

  useEffect(() => {
    if (status?.kind === 'ready') setReplacing(false);
  }, [status?.kind]);

  const whoReads = auditor
    ? 'A reviewer shares a document with you by wrapping its key for your registered key: only this browser can unwrap it.'
    : reviewer
      ? 'New documents of your organization are encrypted for your key too once it is registered; documents uploaded before that have no copy of their key for you.'
      : 'Your documents are encrypted in this browser for your key and your organization’s reviewers’ keys only.';

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{reviewer ? 'Your reviewer key' : 'Your document key'}</h2>
      {state.loading && !state.data && <Progress label="Checking your document key" />}
      <ErrorMessage error={state.error} title="Could not check your document key" onRetry={state.reload} />
      {recovery && <RecoveryDownload file={recovery} onDone={() => setRecovery(null)} />}
      {status?.kind === 'ready' && (
        <p>
          <span className="tag tag-success">Ready</span> Your key is in this browser and registered
          {state.data?.registered?.key_id && (
            <>
              {' '}
              (key id <code>{state.data.registered.key_id.slice(0, 12)}…</code>)
            </>
          )}
          . {whoReads}
        </p>
      )}
      {status?.kind === 'none' && (
        <>
          <p>
            {reviewer || auditor
              ? 'Before documents can be encrypted for you, make your key in this browser.'
              : 'Before you upload a document, make your key in this browser.'}{' '}
            Its private half never leaves this browser. {whoReads}
          </p>
          <CreateKeyForm documentKey={documentKey} replacing={false} onRecovery={setRecovery} />
        </>
      )}
      {(status?.kind === 'elsewhere' || status?.kind === 'mismatch') && (
        <>
          <div role="alert" className="alert alert-warning">
            <p className="alert-title">
              {status.kind === 'elsewhere' ? 'This browser does not have your key' : 'This browser has another key than the one registered for you'}
            </p>
            <p>
              Documents are encrypted for the registered key. Restore it from its recovery file, or make a new key: with a
              new key, documents encrypted for the old one can no longer be opened by you
              {reviewer
                ? ' (another reviewer can share them with you again)'
                : auditor
                  ? ' (a reviewer can share them with you again)'
                  : ' (reviewers can still read them; upload again what you need)'}
              .
            </p>
          </div>
          <h3>Restore from the recovery file</h3>
          <RestoreForm documentKey={documentKey} />
          <h3>Or make a new key</h3>
          {replacing ? (
            <CreateKeyForm documentKey={documentKey} replacing onRecovery={setRecovery} />
          ) : (
            <Button variant="danger" onClick={() => setReplacing(true)}>
              Replace the registered key…
            </Button>
          )}
        </>
      )}
    </section>
  );
}
