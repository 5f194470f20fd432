import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { problemToWords } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import type { KycCaseWithProvider, StartKycAnswer } from '../../api/additions';
import { fallbackLine, providerLabel } from '../../kyc/providers';
import { remainingLine, requiredStepLine } from '../../kyc/steps';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import {
  DOCUMENT_TYPES,
  kycActionOf,
  kycStatusWords,
  sessionOf,
  startRequest,
  type DocumentType,
  type FlowOutcome,
  type MyKyc,
  type ProviderSession,
} from './kyc';
import { StatusTag, TxHash, When } from './parts';
import { VerificationFlow } from './VerificationFlow';

const NAME_MAX = 100;

/** The case behind "View status": what Persona and the reviewers decided, and the claim. */
function CaseDetails({ caseId }: { caseId: string }) {
  const api = useApi();
  const kycCase = useAsync(
    (signal) => unwrap(api.compliance.GET('/compliance/kyc/{case_id}', { params: { path: { case_id: caseId } }, signal })),
    [api, caseId],
  );
  useNotificationEvents('kyc.', kycCase.reload);
  const c: KycCaseWithProvider | undefined = kycCase.data;
  const fellBack = c ? fallbackLine(c) : null;
  return (
    <section aria-labelledby="kyc-case" className="card">
      <h2 id="kyc-case">Your verification case</h2>
      {kycCase.loading && !c && <Progress label="Loading your case" />}
      <ErrorMessage error={kycCase.error} title="Could not load your case" onRetry={kycCase.reload} />
      {c && (
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <StatusTag tone={kycStatusWords(c.status, caseId).tone}>{kycStatusWords(c.status, caseId).label}</StatusTag>
            {c.message && <> {c.message}</>}
          </dd>
          <dt>Verification provider</dt>
          <dd>
            {providerLabel(c.provider ?? 'persona')}
            {c.persona_status && <> (status there: {c.persona_status})</>}
            {fellBack && <> {fellBack}</>}
          </dd>
          {c.level && (
            <>
              <dt>Level</dt>
              <dd>{c.level}</dd>
            </>
          )}
          {c.reason && (
            <>
              <dt>Reason</dt>
              <dd>
                <code>{c.reason}</code>
              </dd>
            </>
          )}
          <dt>Decided</dt>
          <dd>
            {c.decided_at ? (
              <>
                <When at={c.decided_at} />
                {c.decided_by && c.decided_by !== 'provider' ? ' by a reviewer' : ''}
              </>
            ) : (
              'not yet'
            )}
          </dd>
          <dt>Started</dt>
          <dd>
            <When at={c.created_at} />
          </dd>
          <dt>KYC claim transaction</dt>
          <dd>
            <TxHash hash={c.kyc_claim_tx_hash} what="KYC claim transaction hash" />
            {c.kyc_claim_revoked_at && (
              <>
                {' '}
                <StatusTag tone="danger">Revoked</StatusTag> <When at={c.kyc_claim_revoked_at} />
              </>
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}

/** The case's required steps, done or still to do, and what is left; refreshed by KYC notifications. */
function KycStepsSection({ caseId }: { caseId: string }) {
  const api = useApi();
  const steps = useAsync(
    (signal) => unwrap(api.compliance.GET('/compliance/kyc/{case_id}/steps', { params: { path: { case_id: caseId } }, signal })),
    [api, caseId],
  );
  useNotificationEvents('kyc.', steps.reload);
  const s = steps.data;
  const required = s?.required ?? [];
  return (
    <section aria-labelledby="kyc-steps" className="card">
      <h2 id="kyc-steps">Steps</h2>
      {steps.loading && !s && <Progress label="Loading your verification steps" />}
      <ErrorMessage error={steps.error} title="Could not load your verification steps" onRetry={steps.reload} />
      {s && (
        <>
          {required.length > 0 && (
            <ul>
              {required.map((step, i) => (
                <li key={step.kind ?? i}>{requiredStepLine(step)}</li>
              ))}
            </ul>
          )}
          <p>{remainingLine(s)}</p>
        </>
      )}
    </section>
  );
}

/** Start: the document to verify and, optionally, the names to prefill in Persona. */
function StartForm({ pending, error, onStart }: { pending: boolean; error: unknown; onStart(request: StartInput): void }) {
  const [documentType, setDocumentType] = useState<DocumentType>('passport');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const served = problemToWords(error).fields;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!DOCUMENT_TYPES.some((d) => d.value === documentType)) found.document_type = 'Choose a document.';
    if (firstName.trim().length > NAME_MAX) found.first_name = `At most ${NAME_MAX} characters.`;
    if (lastName.trim().length > NAME_MAX) found.last_name = `At most ${NAME_MAX} characters.`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onStart({ documentType, names: { first_name: firstName, last_name: lastName } });
  };

  return (
    <form onSubmit={submit} noValidate className="form-narrow">
      <FormField
        label="Document type"
        hint="The identity document you will show in the verification window."
        error={errors.document_type ?? served.document_type}
        required
      >
        {(control) => (
          <select {...control} value={documentType} onChange={(e) => setDocumentType(e.target.value as DocumentType)}>
            {DOCUMENT_TYPES.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="First name (optional)" error={errors.first_name ?? served['personal_info.first_name']}>
        {(control) => (
          <input {...control} autoComplete="given-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} />
        )}
      </FormField>
      <FormField label="Last name (optional)" error={errors.last_name ?? served['personal_info.last_name']}>
        {(control) => (
          <input {...control} autoComplete="family-name" value={lastName} onChange={(e) => setLastName(e.target.value)} />
        )}
      </FormField>
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Starting…">
        Start verification
      </Button>
    </form>
  );
}

interface StartInput {
  documentType: DocumentType;
  names?: { first_name?: string; last_name?: string };
}

function Status({ kyc }: { kyc: MyKyc }) {
  const words = kycStatusWords(kyc.kyc_status, kyc.case_id);
  return (
    <section aria-labelledby="kyc-status" className="card">
      <h2 id="kyc-status">Your status</h2>
      <p className="status-line">
        <StatusTag tone={words.tone}>{words.label}</StatusTag>
      </p>
      <p>{kyc.kyc_message}</p>
      {kyc.kyc_status === 'verified' && (
        <p>
          Your custody wallet and your on-chain identity follow by themselves: see your <Link to="/wallet">wallet</Link>{' '}
          and your <Link to="/identity">identity</Link>.
        </p>
      )}
      {kyc.kyc_status === 'rejected' && (
        <p>
          <strong>Your verification was rejected.</strong> It cannot be started again here; contact your organization’s
          support, who can look at your case.
        </p>
      )}
    </section>
  );
}

/** `/kyc`: the KYC status, the case's steps, the next action, and Persona's embedded flow; changes arrive live. */
export default function KycPage() {
  const api = useApi();
  const { claims } = useAuth();
  const kyc = useAsync((signal) => unwrap(api.compliance.GET('/compliance/kyc/me', { signal })), [api]);
  useNotificationEvents('kyc.', kyc.reload);

  const [session, setSession] = useState<ProviderSession | null>(null);
  // The provider of the last flow opened, for the words after it ends.
  const [flowProvider, setFlowProvider] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<FlowOutcome | null>(null);
  const [flowError, setFlowError] = useState<unknown>(null);
  const [showCase, setShowCase] = useState(false);
  const [lastDocument, setLastDocument] = useState<DocumentType>('passport');

  const start = useAction(
    async (request: ReturnType<typeof startRequest>): Promise<StartKycAnswer> => unwrap(api.compliance.POST('/compliance/kyc', { body: request })),
  );

  // Sumsub's access token is short-lived: starting again answers the open case with a fresh one. No personal
  // data is sent again (the case has it).
  const refreshToken = async (): Promise<string> => {
    if (!claims) throw new Error('Sign in again to continue the verification.');
    const again: StartKycAnswer = await unwrap(api.compliance.POST('/compliance/kyc', { body: startRequest(claims.sub, lastDocument) }));
    const renewed = sessionOf(again);
    if (renewed?.provider !== 'sumsub') throw new Error('The verification can no longer be continued here: reload the page.');
    return renewed.accessToken;
  };

  const open = async ({ documentType, names }: StartInput) => {
    if (!claims) return;
    setOutcome(null);
    setFlowError(null);
    setLastDocument(documentType);
    const started = await start.run(startRequest(claims.sub, documentType, names));
    if (!started) return;
    const opened = sessionOf(started);
    if (opened) {
      setFlowProvider(opened.provider);
      setSession(opened);
    } else {
      kyc.reload(); // in review or decided: nothing to do at the provider
    }
  };

  if (kyc.loading && !kyc.data) return <Progress label="Loading your verification" />;

  const me = kyc.data;
  const action = kycActionOf(me?.next_action);
  const waiting = outcome !== null && outcome !== 'cancelled' && me?.kyc_status === 'pending';

  return (
    <Page title="Identity verification">
      <ErrorMessage error={kyc.error} title="Could not load your verification" onRetry={kyc.reload} />
      {me && <Status kyc={me} />}
      {me?.case_id && <KycStepsSection caseId={me.case_id} />}

      {waiting && (
        <div role="status" className="alert alert-info">
          <p className="alert-title">Submitted — waiting for the decision</p>
          <p>
            {outcome === 'failed'
              ? 'The verification window reported that the check did not pass. The final decision appears here by itself.'
              : `${providerLabel(flowProvider ?? 'persona')} has your verification. The decision appears here by itself, usually within seconds.`}
          </p>
        </div>
      )}
      {outcome === 'cancelled' && me?.kyc_status === 'pending' && (
        <p role="status" className="alert alert-info">
          You left the verification before finishing. Resume it whenever you are ready.
        </p>
      )}

      {session && (
        <VerificationFlow
          session={session}
          refreshToken={refreshToken}
          handlers={{
            onComplete: (ended) => {
              setSession(null);
              setOutcome(ended);
              kyc.reload();
            },
            onCancel: () => {
              setSession(null);
              setOutcome('cancelled');
              kyc.reload();
            },
            onError: (error) => {
              setSession(null);
              setFlowError(error);
            },
          }}
        />
      )}
      <ErrorMessage error={flowError} title="The verification window failed" />

      {me && !session && !waiting && (
        <section aria-labelledby="kyc-next">
          <h2 id="kyc-next">Next step</h2>
          {action.kind === 'start' && (
            <>
              <p>Verification takes a few minutes in a window of our verification partner (Persona or Sumsub, as your organization chose).</p>
              <StartForm pending={start.pending} error={start.error} onStart={open} />
            </>
          )}
          {action.kind === 'resume' && (
            <>
              <p>You have started a verification. Pick up where you left off.</p>
              <Button
                variant="primary"
                pending={start.pending}
                pendingLabel="Resuming…"
                onClick={() => open({ documentType: lastDocument })}
              >
                {action.label}
              </Button>
            </>
          )}
          {action.kind === 'view' && (
            <p>
              <Button aria-expanded={showCase} onClick={() => setShowCase((shown) => !shown)}>
                {action.label}
              </Button>
            </p>
          )}
          <ErrorMessage error={start.error} title="Could not open the verification" />
        </section>
      )}
      {showCase && me?.case_id && <CaseDetails caseId={me.case_id} />}
    </Page>
  );
}
