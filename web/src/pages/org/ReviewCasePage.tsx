import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useConfig } from '../../config/ConfigContext';
import { useAsync } from '../../hooks/useAsync';
import { CaseDecision } from './CaseDecision';
import { useOrgParam, useRequiredParam } from '../../tenant/params';
import { CaseSteps } from './CaseSteps';
import { explorerUrl, formatTime, statusWords } from './format';
import { Facts, Section, StatusBadge, SuccessMessage, TableScroll } from './parts';
import type { Decision } from './reviewQueue';
import type { KycCaseWithProvider } from '../../api/additions';
import { fallbackLine, providerLabel, providerReferenceLabel } from '../../kyc/providers';
import type { KycCase } from './types';

/** `/org/:org/reviews/:caseId`: a case, its provider data, verification steps and history; approve or decline it with a reason. */
export default function ReviewCasePage() {
  const org = useOrgParam();
  const caseId = useRequiredParam('caseId');
  const api = useApi();
  const config = useConfig();
  const path = { org, case_id: caseId };
  const kycCase = useAsync((signal) => unwrap(api.compliance.GET('/orgs/{org}/kyc/cases/{case_id}', { params: { path }, signal })), [api, org, caseId]);
  const history = useAsync(
    (signal) => unwrap(api.compliance.GET('/orgs/{org}/kyc/cases/{case_id}/history', { params: { path }, signal })),
    [api, org, caseId],
  );
  const steps = useAsync(
    (signal) => unwrap(api.compliance.GET('/orgs/{org}/kyc/cases/{case_id}/steps', { params: { path }, signal })),
    [api, org, caseId],
  );
  const [decided, setDecided] = useState<string | null>(null);

  const back = (
    <Link to={`/org/${encodeURIComponent(org)}/reviews`}>
      Back to the review queue
    </Link>
  );
  if (kycCase.loading && !kycCase.data) return <Progress label="Loading the case" />;
  const c: KycCaseWithProvider | undefined = kycCase.data;
  if (!c) {
    return (
      <Page title="KYC case">
        <ErrorMessage error={kycCase.error} title="Could not load the case" onRetry={kycCase.reload} />
        <p>{back}</p>
      </Page>
    );
  }

  const claimTx = explorerUrl(config.chain.explorer_tx_url, 'hash', c.kyc_claim_tx_hash);
  const provider = providerLabel(c.provider ?? 'persona');
  const reference = c.provider_reference ?? c.persona_inquiry_id;
  const fellBack = fallbackLine(c);
  return (
    <Page title="KYC case" actions={back}>
      <p>
        Case <code>{c.case_id}</code>: <StatusBadge status={c.status} />
      </p>
      <SuccessMessage>{decided}</SuccessMessage>

      <Section title="Case">
        <Facts
          items={[
            ['Status', <StatusBadge key="s" status={c.status} />],
            ['User', c.user_id && <code>{c.user_id}</code>],
            ['Project', c.project_id && <code>{c.project_id}</code>],
            ['Opened', formatTime(c.created_at)],
            ['Last change', formatTime(c.updated_at)],
            ['Level', c.level],
            ['Reason code', c.reason && <code>{c.reason}</code>],
            ['Decided by', c.decided_by && <code>{c.decided_by}</code>],
            ['Decided', c.decided_at ? formatTime(c.decided_at) : null],
            ['Message to the person', c.message],
          ]}
        />
      </Section>

      <Section title="Provider data">
        <Facts
          items={[
            ['Provider', provider],
            ...(fellBack ? ([['Fallback', c.fallback_at ? `${fellBack} (${formatTime(c.fallback_at)})` : fellBack]] as [string, string][]) : []),
            [providerReferenceLabel(c.provider), reference && <code>{reference}</code>],
            [`${provider} status`, c.persona_status && statusWords(c.persona_status)],
            ['Score', c.score == null ? null : String(c.score)],
            ['KYC claim', c.kyc_claim_id && <code>{c.kyc_claim_id}</code>],
            [
              'Claim transaction',
              c.kyc_claim_tx_hash &&
                (claimTx ? (
                  <a href={claimTx} target="_blank" rel="noreferrer">
                    <code>{c.kyc_claim_tx_hash}</code>
                  </a>
                ) : (
                  <code>{c.kyc_claim_tx_hash}</code>
                )),
            ],
            ['Claim revoked', c.kyc_claim_revoked_at ? formatTime(c.kyc_claim_revoked_at) : null],
          ]}
        />
        <p className="muted">
          The documents and personal data stay at {provider}: open the {c.provider === 'sumsub' ? 'applicant' : 'inquiry'} in {provider}’s dashboard to
          see them.
        </p>
      </Section>

      <Section title="Decision">
        {c.status === 'review' ? (
          <DecisionPanel
            org={org}
            caseId={caseId}
            provider={provider}
            onDecided={(answer, decision, reason) => {
              kycCase.setData(answer);
              history.reload();
              steps.reload();
              setDecided(
                `${decision === 'approve' ? 'Approved' : 'Declined'} (reason ${reason}): the case is now ${statusWords(answer.status)}.`,
              );
            }}
          />
        ) : (
          <p>
            This case is {statusWords(c.status)}: only a case in review can be approved or declined here.
            {c.status === 'pending' && ' The person has not finished verifying yet.'}
          </p>
        )}
      </Section>

      <Section title="Verification steps">
        <ErrorMessage error={steps.error} title="Could not load the verification steps" onRetry={steps.reload} />
        {steps.loading && !steps.data && <Progress label="Loading the verification steps" />}
        {steps.data && <CaseSteps steps={steps.data} />}
      </Section>

      <Section title="History">
        <ErrorMessage error={history.error} title="Could not load the history" onRetry={history.reload} />
        {history.loading && !history.data && <Progress label="Loading the history" />}
        {history.data && history.data.length === 0 && <p>No changes recorded yet.</p>}
        {history.data && history.data.length > 0 && (
          <TableScroll label="Case history table">
            <table className="table-compact">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Change</th>
                  <th scope="col">{provider} status</th>
                  <th scope="col">By</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {history.data.map((entry, i) => (
                  <tr key={`${entry.at}-${i}`}>
                    <td className="nowrap">{formatTime(entry.at)}</td>
                    <td>
                      {entry.from_status ? statusWords(entry.from_status) : 'opened'} → {statusWords(entry.to_status)}
                    </td>
                    <td>{entry.persona_status ? statusWords(entry.persona_status) : '—'}</td>
                    <td>{entry.actor === 'provider' ? provider : <code>{entry.actor}</code>}</td>
                    <td>{entry.reason ? <code>{entry.reason}</code> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
    </Page>
  );
}

function DecisionPanel({
  org,
  caseId,
  provider,
  onDecided,
}: {
  org: string;
  caseId: string;
  provider: string;
  onDecided(answer: KycCase, decision: Decision, reason: string): void;
}) {
  const api = useApi();
  return (
    <CaseDecision
      decide={(decision, reason) =>
        unwrap(
          api.compliance.POST('/orgs/{org}/kyc/cases/{case_id}/decision', {
            params: { path: { org, case_id: caseId } },
            body: { decision, reason },
          }),
        )
      }
      onDecided={onDecided}
      approveBody={<p>The person becomes verified: Attest then makes their wallet and their on-chain KYC claim.</p>}
      declineBody={<p>The person is told their verification was declined and cannot start again. This cannot be undone here.</p>}
    >
      <p>
        {provider} marked this case for review. Decide after checking the case in {provider}; {provider} is told first, then the decision is recorded
        with your name.
      </p>
    </CaseDecision>
  );
}
