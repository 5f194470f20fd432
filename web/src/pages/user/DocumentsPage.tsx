import { useId, useState, type FormEvent } from 'react';
import { useApi, useProjectSelection } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { DocumentKeyPanel } from '../../documents/DocumentKeyPanel';
import {
  DifferentFileError,
  EMPTY_PERSONAL_DATA,
  fileProblem,
  isPersonalData,
  JSON_TYPE,
  personalDataErrors,
  personalDataJson,
  sendDocument,
  type CaseDocument,
  type DocumentCase,
  type PersonalData,
  type Requirement,
  type SendStage,
} from '../../documents/documents';
import { keyVault } from '../../documents/keyStore';
import { Accepts, ArweaveTx, CaseState, DocumentState, StorageFacts } from '../../documents/parts';
import { useDocumentKey } from '../../documents/useDocumentKey';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { useTenant } from '../../tenant/TenantContext';
import { usePolling, When } from './parts';

/** States that still move by themselves (storage, confirmation): the page looks again while any is shown. */
const MOVING = new Set(['received', 'stored']);

const STAGE_WORDS: Record<SendStage, string> = {
  sealing: 'Encrypting in your browser',
  declaring: 'Preparing the upload',
  uploading: 'Uploading the encrypted document',
};

interface Sending {
  stage: SendStage;
  sent: number;
  total: number;
}

/** Seals and uploads one requirement's answer, resuming a cut upload; says where it stands. */
function useSend(caseId: string, requirement: Requirement, cut: CaseDocument | null, onDone: () => void) {
  const api = useApi();
  const { getAccessToken } = useAuth();
  const [sending, setSending] = useState<Sending | null>(null);
  const send = useAction(async (plaintext: Uint8Array<ArrayBuffer>, contentType: string, resume: boolean) => {
    setSending({ stage: 'sealing', sent: 0, total: 0 });
    try {
      await sendDocument({
        api,
        vault: keyVault(),
        caseId,
        requirement: requirement.kind ?? '',
        contentType,
        plaintext,
        resume: resume ? cut : null,
        token: async () => (await getAccessToken()) ?? '',
        origin: window.location.origin,
        onStage: (stage) => setSending((s) => ({ sent: 0, total: 0, ...s, stage })),
        onProgress: (sent, total) => setSending({ stage: 'uploading', sent, total }),
      });
      return true;
    } finally {
      setSending(null);
      // The server's view (a new document, or a cut one's offset) is what the page shows next.
      onDone();
    }
  });
  return { send, sending };
}

function SendingProgress({ sending }: { sending: Sending | null }) {
  if (!sending) return null;
  return sending.stage === 'uploading' && sending.total > 0 ? (
    <Progress label={STAGE_WORDS.uploading} value={sending.sent} max={sending.total} />
  ) : (
    <Progress label={STAGE_WORDS[sending.stage]} />
  );
}

function FileUpload({
  caseId,
  requirement,
  cut,
  disabled,
  onDone,
}: {
  caseId: string;
  requirement: Requirement;
  cut: CaseDocument | null;
  disabled: boolean;
  onDone(): void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { send, sending } = useSend(caseId, requirement, cut, onDone);
  const upload = async (resume: boolean) => {
    setDone(false);
    const found = file ? fileProblem(requirement, file) : 'Choose a file.';
    setError(found);
    if (!file || found) return;
    const sent = await send.run(new Uint8Array(await file.arrayBuffer()), file.type, resume);
    if (sent) setDone(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void upload(true);
  };
  return (
    <form className="form-narrow" noValidate onSubmit={submit} aria-label={`Upload ${requirement.title}`}>
      {cut && !send.pending && (
        <p className="alert alert-info">
          An upload of this document was cut ({cut.received_bytes ?? 0} of {cut.size ?? 0} bytes arrived). Choose the same
          file again to resume it where it stopped.
        </p>
      )}
      <FormField label={`File for ${requirement.title}`} hint={<Accepts requirement={requirement} />} error={error} required>
        {(control) => (
          <input
            {...control}
            type="file"
            accept={(requirement.accepted_types ?? []).join(',')}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              setDone(false);
            }}
          />
        )}
      </FormField>
      <SendFooter
        sending={sending}
        send={send}
        asNew="Upload this file as a new document instead"
        onAsNew={() => void upload(false)}
        done={done}
        doneText="Uploaded, encrypted: it is now being stored."
        pendingLabel="Uploading…"
        disabled={disabled}
        submit={cut ? 'Resume upload' : 'Encrypt and upload'}
      />
    </form>
  );
}

/**
 * The end of a sending form: the progress, the error (with sending it as a new document when the file is
 * not the one that was cut off), the done message and the submit button.
 */
function SendFooter({
  sending,
  send,
  asNew,
  onAsNew,
  done,
  doneText,
  pendingLabel,
  disabled,
  submit,
}: {
  sending: Sending | null;
  send: { error: unknown; pending: boolean };
  asNew: string;
  onAsNew(): void;
  done: boolean;
  doneText: string;
  pendingLabel: string;
  disabled: boolean;
  submit: string;
}) {
  return (
    <>
      <SendingProgress sending={sending} />
      <ErrorMessage error={send.error} title={sendTitle(send.error)} />
      {send.error instanceof DifferentFileError && (
        <p>
          <Button onClick={onAsNew}>{asNew}</Button>
        </p>
      )}
      {done && (
        <p role="status" className="alert alert-success">
          {doneText}
        </p>
      )}
      <Button type="submit" variant="primary" pending={send.pending} pendingLabel={pendingLabel} disabled={disabled}>
        {submit}
      </Button>
    </>
  );
}

function sendTitle(error: unknown): string {
  if (error instanceof ApiError && error.slug === 'stale-key') return 'A recipient’s key changed twice meanwhile: try again';
  if (error instanceof DifferentFileError) return 'Not the same file';
  return 'Could not upload the document';
}

const PERSONAL_FIELDS: [keyof PersonalData, string, string?][] = [
  ['first_name', 'First name', 'given-name'],
  ['last_name', 'Last name', 'family-name'],
  ['birthdate', 'Date of birth', 'bday'],
  ['street_1', 'Street', 'address-line1'],
  ['street_2', 'Street (continued, optional)', 'address-line2'],
  ['city', 'City', 'address-level2'],
  ['subdivision', 'Region (optional)', 'address-level1'],
  ['postal_code', 'Postal code', 'postal-code'],
  ['country_code', 'Country code', 'country'],
];

function PersonalDataForm({
  caseId,
  requirement,
  cut,
  disabled,
  onDone,
}: {
  caseId: string;
  requirement: Requirement;
  cut: CaseDocument | null;
  disabled: boolean;
  onDone(): void;
}) {
  const [form, setForm] = useState<PersonalData>(EMPTY_PERSONAL_DATA);
  const [errors, setErrors] = useState<Partial<Record<keyof PersonalData, string>>>({});
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { send, sending } = useSend(caseId, requirement, cut, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sendForm(true);
  };
  const sendForm = async (resume: boolean) => {
    setDone(false);
    const found = personalDataErrors(form);
    const json = personalDataJson(form);
    const size = fileProblem(requirement, { type: JSON_TYPE, size: json.length });
    setErrors(found);
    setTooLarge(Object.keys(found).length > 0 ? null : size);
    if (Object.keys(found).length > 0 || size) return;
    const sent = await send.run(json, JSON_TYPE, resume);
    if (sent) {
      setDone(true);
      setForm(EMPTY_PERSONAL_DATA);
    }
  };
  return (
    <form className="org-form" noValidate onSubmit={submit} aria-label={requirement.title}>
      <p className="muted">Encrypted in your browser before it is sent: Attest stores only the encrypted copy.</p>
      {cut && !send.pending && <p className="alert alert-info">Sending this form was cut: enter the same answers again to resume it.</p>}
      <div className="form-grid">
        {PERSONAL_FIELDS.map(([key, label, autoComplete]) => (
          <FormField key={key} label={label} error={errors[key]} required={!label.includes('optional')}>
            {(control) => (
              <input
                {...control}
                type={key === 'birthdate' ? 'date' : 'text'}
                autoComplete={autoComplete}
                value={form[key]}
                onChange={(e) => {
                  setForm((f) => ({ ...f, [key]: e.target.value }));
                  setErrors((x) => ({ ...x, [key]: undefined }));
                }}
              />
            )}
          </FormField>
        ))}
      </div>
      {tooLarge && (
        <p role="alert" className="field-error">
          These answers are too long for this requirement: {tooLarge}
        </p>
      )}
      <SendFooter
        sending={sending}
        send={send}
        asNew="Send these answers as a new form instead"
        onAsNew={() => void sendForm(false)}
        done={done}
        doneText="Sent, encrypted: it is now being stored."
        pendingLabel="Sending…"
        disabled={disabled}
        submit={cut ? 'Resume sending' : 'Encrypt and send'}
      />
    </form>
  );
}

function RequirementCard({
  documentCase,
  requirement,
  keyReady,
  onChange,
}: {
  documentCase: DocumentCase;
  requirement: Requirement;
  keyReady: boolean;
  onChange(): void;
}) {
  const headingId = useId();
  const documents = (documentCase.documents ?? []).filter((d) => d.requirement === requirement.kind);
  const missing = (documentCase.missing ?? []).includes(requirement.kind ?? '');
  // The newest cut upload of this requirement, which choosing the same file resumes.
  const cut = [...documents].reverse().find((d) => d.state === 'uploading' && d.upload_url) ?? null;
  const open = documentCase.state === 'open';
  const Answer = isPersonalData(requirement) ? PersonalDataForm : FileUpload;
  return (
    <section aria-labelledby={headingId} className="card requirement">
      <h3 id={headingId}>{requirement.title}</h3>
      <p>
        {missing ? <span className="tag tag-warning">Missing</span> : <span className="tag tag-success">Provided</span>}{' '}
        {isPersonalData(requirement) ? 'A form.' : <Accepts requirement={requirement} />}
      </p>
      {documents.length > 0 && (
        <div className="table-scroll" role="group" aria-label={`Documents for ${requirement.title}`} tabIndex={0}>
          <table className="table-compact">
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">State</th>
                <th scope="col">Arweave transaction</th>
                <th scope="col">Storage</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">
                    <When at={d.created_at} />
                  </td>
                  <td>
                    <DocumentState state={d.state} />
                  </td>
                  <td>
                    <ArweaveTx id={d.arweave_tx_id} />
                  </td>
                  <td>
                    <StorageFacts document={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <Answer caseId={documentCase.id ?? ''} requirement={requirement} cut={cut} disabled={!keyReady} onDone={onChange} />}
      {open && !keyReady && <p className="muted">Set up your document key above first.</p>}
    </section>
  );
}

/** `/documents`: what the project requires, each document's state up to Arweave, and uploads encrypted in the browser. */
export default function DocumentsPage() {
  const api = useApi();
  const { org } = useTenant();
  const [selectedProject] = useProjectSelection();
  const [chosen, setChosen] = useState<string | null>(null);
  const documentKey = useDocumentKey();
  const orgSlug = org?.slug ?? null;
  const projects = useAsync(
    async (signal) => (orgSlug ? unwrap(api.gateway.GET('/orgs/{org}/projects', { params: { path: { org: orgSlug } }, signal })) : []),
    [api, orgSlug],
  );
  const projectId = chosen ?? selectedProject ?? projects.data?.[0]?.id ?? null;
  const documentCase = useAsync(
    async (signal) => {
      if (!projectId) return null;
      try {
        // The operation answers a JAX-RS Response, which its OpenAPI document leaves untyped: it is a CaseView.
        return (await unwrap(api.document.POST('/documents/cases', { body: { project_id: projectId }, signal }))) as DocumentCase;
      } catch (failure) {
        // The project requires no documents: a state, not an error.
        if (failure instanceof ApiError && failure.status === 404) return null;
        throw failure;
      }
    },
    [api, projectId],
  );
  useNotificationEvents('document.', documentCase.reload);
  const c = documentCase.data;
  usePolling(documentCase.reload, 10_000, (c?.documents ?? []).some((d) => MOVING.has(d.state ?? '')));

  if ((projects.loading && !projects.data) || (documentCase.loading && documentCase.data === undefined && !documentCase.error)) {
    return <Progress label="Loading your documents" />;
  }
  const keyReady = documentKey.ready !== null;
  return (
    <Page title="Documents" actions={<Button onClick={documentCase.reload}>Refresh</Button>}>
      <p>
        Documents your organization asks for besides the identity check. Each is encrypted in this browser before it is
        sent; only you and your organization’s reviewers can open it, and it is stored permanently on Arweave.
      </p>
      <ErrorMessage error={projects.error} title="Could not load your projects" onRetry={projects.reload} />
      {(projects.data?.length ?? 0) > 1 && (
        <div className="toolbar">
          <FormField label="Project">
            {(control) => (
              <select {...control} value={projectId ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {projects.data?.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      )}
      <ErrorMessage error={documentCase.error} title="Could not open your documents" onRetry={documentCase.reload} />
      {documentCase.loading && documentCase.data == null && <Progress label="Opening your documents" />}
      {documentCase.data === null && !documentCase.error && !documentCase.loading && (
        <p role="status">This project asks for no documents.</p>
      )}
      {c && (
        <>
          <DocumentKeyPanel documentKey={documentKey} />
          <section aria-labelledby="documents-required">
            <h2 id="documents-required">Required documents</h2>
            <p>
              Your case: <CaseState state={c.state} />
              {c.state === 'open' && (c.missing ?? []).length > 0 && <> — {(c.missing ?? []).length} still missing.</>}
              {c.state === 'open' && (c.missing ?? []).length === 0 && <> — everything was sent; a reviewer decides next.</>}
              {c.state !== 'open' && <> — decided, it takes no more documents.</>}
            </p>
            {(c.requirements ?? []).map((r) => (
              <RequirementCard key={r.kind} documentCase={c} requirement={r} keyReady={keyReady} onChange={documentCase.reload} />
            ))}
          </section>
        </>
      )}
    </Page>
  );
}
