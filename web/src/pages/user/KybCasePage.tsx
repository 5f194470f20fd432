import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { KybCase, KybOwner } from '../../api/additions';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { businessVerificationLine, kybStatusWords, kybWaitingLine, ownerName } from '../../kyb/kyb';
import { OwnersTable } from '../../kyb/OwnersTable';
import { forgetStarted, startedCase } from '../../kyb/sessions';
import { providerLabel } from '../../kyc/providers';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { useRequiredParam } from '../../tenant/params';
import { sessionOf, type FlowOutcome } from './kyc';
import { CopyButton, StatusTag, When } from './parts';
import { VerificationFlow } from './VerificationFlow';

/** An owner's verification link with Copy, and "New link" (the old one stops working). */
function OwnerLink({ caseId, owner, onLink }: { caseId: string; owner: KybOwner; onLink(ownerId: string, link: string): void }) {
  const api = useApi();
  const renew = useAction(async () =>
    unwrap(
      api.compliance.POST('/compliance/kyb/{id}/owners/{owner_id}/link', {
        params: { path: { id: caseId, owner_id: owner.owner_id ?? '' } },
      }),
    ),
  );
  if (owner.kyc_status === 'verified') return <span className="muted">not needed</span>;
  const name = ownerName(owner);
  return (
    <>
      {owner.verification_link ? (
        <span className="with-copy">
          <code>{owner.verification_link}</code>
          <CopyButton value={owner.verification_link} what={`${name}’s verification link`} />
        </span>
      ) : null}{' '}
      <Button
        className="button-small"
        aria-label={`${owner.verification_link ? 'New verification link' : 'Get a verification link'} for ${name}`}
        pending={renew.pending}
        pendingLabel="Making a link…"
        onClick={async () => {
          const answer = await renew.run();
          if (answer?.verification_link && owner.owner_id) onLink(owner.owner_id, answer.verification_link);
        }}
      >
        {owner.verification_link ? 'New link' : 'Get a link'}
      </Button>
      <ErrorMessage error={renew.error} title={`Could not make a new link for ${name}`} />
    </>
  );
}

/**
 * `/kyb/:caseId`: a business case for its representative: the status and what it waits for, the business's own
 * verification in the provider's embedded flow, and each owner's verification with a link to pass on.
 */
export default function KybCasePage() {
  const caseId = useRequiredParam('caseId');
  const api = useApi();
  // The session of a case just started (the form's answer), kept in memory only.
  const [started] = useState(() => startedCase(caseId));
  useEffect(() => () => forgetStarted(caseId), [caseId]);
  const kybCase = useAsync(
    (signal): Promise<KybCase> => unwrap(api.compliance.GET('/compliance/kyb/{id}', { params: { path: { id: caseId } }, signal })),
    [api, caseId],
  );
  useNotificationEvents(['kyb.', 'kyc.'], kybCase.reload);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<FlowOutcome | null>(null);
  const [flowError, setFlowError] = useState<unknown>(null);
  // The links of the answer to applying, then the ones made here (the case's own answers carry none).
  const [links, setLinks] = useState<Record<string, string>>(() =>
    Object.fromEntries((started?.owners ?? []).filter((o) => o.owner_id && o.verification_link).map((o) => [o.owner_id!, o.verification_link!])),
  );

  const c = kybCase.data ?? (kybCase.error ? undefined : started);
  if (!c && kybCase.loading) return <Progress label="Loading the business verification" />;
  const back = <Link to="/kyb">All your businesses</Link>;
  if (!c) {
    return (
      <Page title="Business verification" actions={back}>
        <ErrorMessage error={kybCase.error} title="Could not load the business verification" onRetry={kybCase.reload} />
      </Page>
    );
  }

  const provider = c.provider ?? started?.provider ?? 'persona';
  // Only the answer to applying carries the provider's session (and the owners' first links).
  const session = sessionOf({ provider, session_token: started?.session_token, provider_reference: started?.provider_reference ?? c.provider_reference });
  const pending = (c.status ?? 'pending') === 'pending';
  const ownVerificationOpen = pending && (c.verification_status ?? 'pending') === 'pending';
  const words = kybStatusWords(c.status);

  // compliance-service answers a session only to applying: a Sumsub token that expires cannot be renewed here.
  const refreshToken = async (): Promise<string> => {
    throw new Error('The verification window’s session has expired. Send the business form again with the same details: the case continues where it stopped.');
  };

  const owners = (c.owners ?? []).map((o) => ({ ...o, verification_link: (o.owner_id && links[o.owner_id]) || o.verification_link }));
  const setLink = (ownerId: string, link: string) => setLinks((current) => ({ ...current, [ownerId]: link }));

  return (
    <Page
      title={c.legal_name ? `Business verification: ${c.legal_name}` : 'Business verification'}
      actions={
        <>
          <Button onClick={kybCase.reload} pending={kybCase.loading} pendingLabel="Refreshing…">
            Refresh
          </Button>
          {back}
        </>
      }
    >
      <ErrorMessage error={kybCase.error} title="Could not refresh the business verification" onRetry={kybCase.reload} />
      <section aria-labelledby="kyb-status" className="card">
        <h2 id="kyb-status">Status</h2>
        <p className="status-line">
          <StatusTag tone={words.tone}>{words.label}</StatusTag>
        </p>
        <p>{kybWaitingLine(c)}</p>
        <dl className="facts">
          <dt>Registration</dt>
          <dd>
            {c.registration_number ?? '—'}
            {c.country_code ? ` (${c.country_code})` : ''}
          </dd>
          <dt>Verification provider</dt>
          <dd>{providerLabel(provider)}</dd>
          <dt>Started</dt>
          <dd>
            <When at={c.created_at} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="kyb-business">
        <h2 id="kyb-business">The business’s own verification</h2>
        {outcome && outcome !== 'cancelled' && pending && (
          <p role="status" className="alert alert-info">
            {outcome === 'failed'
              ? 'The verification window reported that the check did not pass. The final decision appears here by itself.'
              : `${providerLabel(provider)} has the business’s documents. The result appears here by itself.`}
          </p>
        )}
        {outcome === 'cancelled' && pending && (
          <p role="status" className="alert alert-info">
            You left the verification before finishing. Continue it whenever you are ready.
          </p>
        )}
        {open && session ? (
          <VerificationFlow
            session={session}
            refreshToken={refreshToken}
            handlers={{
              onComplete: (ended) => {
                setOpen(false);
                setOutcome(ended);
                kybCase.reload();
              },
              onCancel: () => {
                setOpen(false);
                setOutcome('cancelled');
              },
              onError: (error) => {
                setOpen(false);
                setFlowError(error);
              },
            }}
          />
        ) : ownVerificationOpen && session ? (
          <>
            <p>The business’s documents (registration, ownership) are checked in a window of {providerLabel(provider)}.</p>
            <Button variant="primary" onClick={() => {
                setFlowError(null);
                setOpen(true);
              }}>
              {outcome === 'cancelled' ? 'Continue the business verification' : 'Verify the business'}
            </Button>
          </>
        ) : ownVerificationOpen ? (
          <p>
            To continue it at {providerLabel(provider)}, send the <Link to="/kyb">business form</Link> again with the same details: the open case
            continues where it stopped.
          </p>
        ) : (
          <p>{businessVerificationLine(c.verification_status)}</p>
        )}
        <ErrorMessage error={flowError} title="The verification window failed" />
      </section>

      <section aria-labelledby="kyb-owners">
        <h2 id="kyb-owners">Owners and directors</h2>
        <p>
          Each person verifies themselves through their own link: copy it and send it to them. A new link replaces the old one.
        </p>
        <OwnersTable
          owners={owners}
          caption="Owners and directors"
          columns={pending ? [{ header: 'Verification link', cell: (owner) => <OwnerLink caseId={caseId} owner={owner} onLink={setLink} /> }] : []}
        />
      </section>
    </Page>
  );
}
