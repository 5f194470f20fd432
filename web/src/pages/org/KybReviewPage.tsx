import { useState } from 'react';
import { Link } from 'react-router';
import type { KybCase } from '../../api/additions';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAsync } from '../../hooks/useAsync';
import { businessVerificationLine, kybWaitingLine } from '../../kyb/kyb';
import { OwnersTable } from '../../kyb/OwnersTable';
import { providerLabel } from '../../kyc/providers';
import { useOrgParam, useRequiredParam } from '../../tenant/params';
import { CaseDecision } from './CaseDecision';
import { formatTime, statusWords } from './format';
import { Facts, Section, StatusBadge, SuccessMessage } from './parts';

/** `/org/:org/kyb/:caseId`: a business case, its owners' verifications, and approve or decline when it is in review. */
export default function KybReviewPage() {
  const org = useOrgParam();
  const caseId = useRequiredParam('caseId');
  const api = useApi();
  const path = { org, id: caseId };
  const kybCase = useAsync(
    (signal): Promise<KybCase> => unwrap(api.compliance.GET('/orgs/{org}/kyb/cases/{id}', { params: { path }, signal })),
    [api, org, caseId],
  );
  const [decided, setDecided] = useState<string | null>(null);
  const orgPath = `/org/${encodeURIComponent(org)}`;
  const back = <Link to={`${orgPath}/kyb`}>Back to the business verifications</Link>;

  if (kybCase.loading && !kybCase.data) return <Progress label="Loading the business case" />;
  const c = kybCase.data;
  if (!c) {
    return (
      <Page title="Business case" actions={back}>
        <ErrorMessage error={kybCase.error} title="Could not load the business case" onRetry={kybCase.reload} />
      </Page>
    );
  }
  const provider = providerLabel(c.provider);
  return (
    <Page title={c.legal_name ? `Business case: ${c.legal_name}` : 'Business case'} actions={back}>
      <p>
        Case <code>{c.business_case_id}</code>: <StatusBadge status={c.status} />. {kybWaitingLine(c)}
      </p>
      <SuccessMessage>{decided}</SuccessMessage>
      <ErrorMessage error={kybCase.error} title="Could not refresh the business case" onRetry={kybCase.reload} />

      <Section title="Business">
        <Facts
          items={[
            ['Status', <StatusBadge key="s" status={c.status} />],
            ['Legal name', c.legal_name],
            ['Registration number', c.registration_number && <code>{c.registration_number}</code>],
            ['Country', c.country_code],
            ['Representative', c.representative_user_id && <code>{c.representative_user_id}</code>],
            ['Project', c.project_id && <code>{c.project_id}</code>],
            ['Business’s own verification', <span key="v">{businessVerificationLine(c.verification_status)}</span>],
            ['Provider', provider],
            [`${provider} reference`, c.provider_reference && <code>{c.provider_reference}</code>],
            [`${provider} status`, c.provider_status && statusWords(c.provider_status)],
            ['Opened', formatTime(c.created_at)],
            ['Last change', formatTime(c.updated_at)],
            ['Reason code', c.reason && <code>{c.reason}</code>],
            ['Decided', c.decided_at ? formatTime(c.decided_at) : null],
          ]}
        />
        <p className="muted">The business’s documents stay at {provider}: open the case in {provider}’s dashboard to see them.</p>
      </Section>

      <Section title="Owners and directors">
        <OwnersTable
          owners={c.owners ?? []}
          caption="Owners and directors"
          columns={[
            {
              header: 'KYC case',
              cell: (owner) =>
                owner.kyc_case_id ? (
                  <Link to={`${orgPath}/reviews/${encodeURIComponent(owner.kyc_case_id)}`}>
                    <code>{owner.kyc_case_id}</code>
                  </Link>
                ) : (
                  <span className="muted">not started</span>
                ),
            },
          ]}
        />
      </Section>

      <Section title="Decision">
        {c.status === 'review' ? (
          <CaseDecision
            decide={(decision, reason) =>
              unwrap(api.compliance.POST('/orgs/{org}/kyb/cases/{id}/decision', { params: { path }, body: { decision, reason } }))
            }
            onDecided={(answer: KybCase, decision, reason) => {
              kybCase.setData(answer);
              setDecided(`${decision === 'approve' ? 'Approved' : 'Declined'} (reason ${reason}): the business case is now ${statusWords(answer.status)}.`);
            }}
            approveBody={<p>The business becomes verified for your organization.</p>}
            declineBody={<p>The representative is told the business verification was declined. This cannot be undone here.</p>}
          >
            <p>Decide after checking the business at {provider} and each owner’s verification below; the decision is recorded with your name.</p>
          </CaseDecision>
        ) : (
          <p>
            This case is {statusWords(c.status)}: only a case in review can be approved or declined here.
            {c.status === 'pending' && ' The business or some owners have not finished verifying yet.'}
          </p>
        )}
      </Section>
    </Page>
  );
}
