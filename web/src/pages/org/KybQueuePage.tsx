import { Link } from 'react-router';
import type { KybCasePage } from '../../api/additions';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useAsync } from '../../hooks/useAsync';
import { businessVerificationLine } from '../../kyb/kyb';
import { providerLabel } from '../../kyc/providers';
import { useOrgParam } from '../../tenant/params';
import { CaseQueue } from './CaseQueue';
import { formatTime } from './format';
import { PagePager, StatusBadge } from './parts';
import { CASE_STATUSES } from './reviewQueue';
import { useQueueParams } from './useQueueParams';
import { CASES_PAGE_SIZE } from './useKycCases';

/** `/org/:org/kyb`: the organization's business cases by status, oldest first; a case in review waits for a reviewer. */
export default function KybQueuePage() {
  const org = useOrgParam();
  const api = useApi();
  const { status, page, show } = useQueueParams();
  const cases = useAsync(
    (signal): Promise<KybCasePage> =>
      unwrap(
        api.compliance.GET('/orgs/{org}/kyb/cases', {
          params: { path: { org }, query: { ...(status ? { status } : {}), page, size: CASES_PAGE_SIZE } },
          signal,
        }),
      ),
    [api, org, status, page],
  );
  const statusLabel = CASE_STATUSES.find(([s]) => s === status)?.[1] ?? status;
  const items = cases.data?.items ?? [];

  return (
    <Page title="Business verifications" actions={<Button onClick={cases.reload}>Refresh</Button>}>
      <p>
        Businesses verified for your organization (KYB), oldest first. A case comes to review once the business and every owner have been checked;
        open it to approve or decline.
      </p>
      <CaseQueue
        filter={status}
        options={CASE_STATUSES}
        onFilter={(value) => show({ status: value, page: 0 })}
        error={cases.error}
        loading={cases.loading}
        loaded={Boolean(cases.data)}
        onRetry={cases.reload}
        empty={status === 'review' ? 'No business is waiting for a review.' : `No business cases: ${statusLabel.toLowerCase()}.`}
        tableLabel="Business cases table"
        caption={<>Business cases: {statusLabel}</>}
        columns={['Business', 'Status', 'Business’s own verification', 'Provider', 'Opened']}
        items={items}
        row={(c) => (
          <tr key={c.business_case_id}>
            <td>
              <Link to={`/org/${encodeURIComponent(org)}/kyb/${encodeURIComponent(c.business_case_id ?? '')}`}>{c.legal_name || c.business_case_id}</Link>
            </td>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>{businessVerificationLine(c.verification_status)}</td>
            <td>{providerLabel(c.provider)}</td>
            <td className="nowrap">{formatTime(c.created_at)}</td>
          </tr>
        )}
      />
      {cases.data && (cases.data.total ?? 0) > CASES_PAGE_SIZE && (
        <PagePager page={page} size={CASES_PAGE_SIZE} total={cases.data.total ?? 0} noun="business cases" onPage={(p) => show({ page: p })} />
      )}
    </Page>
  );
}
