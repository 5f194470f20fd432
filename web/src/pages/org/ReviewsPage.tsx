import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useOrgParam } from '../../tenant/params';
import { formatTime } from './format';
import { CaseQueue } from './CaseQueue';
import { PagePager, StatusBadge } from './parts';
import { CASES_PAGE_SIZE, useKycCases } from './useKycCases';
import { CASE_STATUSES } from './reviewQueue';
import { useQueueParams } from './useQueueParams';


/** `/org/:org/reviews`: KYC cases by status, oldest first; a case in review waits for a reviewer. */
export default function ReviewsPage() {
  const org = useOrgParam();
  const { status, page, show } = useQueueParams();
  const cases = useKycCases(org, status, page);

  const statusLabel = CASE_STATUSES.find(([s]) => s === status)?.[1] ?? status;
  const items = cases.data?.items ?? [];

  return (
    <Page title="Review queue" actions={<Button onClick={cases.reload}>Refresh</Button>}>
      <p>
        KYC cases of your organization, oldest first. Persona sends a case here when its checks need a person to decide; open it to
        approve or decline.
      </p>
      <CaseQueue
        filter={status}
        options={CASE_STATUSES}
        onFilter={(value) => show({ status: value, page: 0 })}
        error={cases.error}
        loading={cases.loading}
        loaded={Boolean(cases.data)}
        onRetry={cases.reload}
        empty={status === 'review' ? 'No case is waiting for a review.' : `No cases: ${statusLabel.toLowerCase()}.`}
        tableLabel="Cases table"
        caption={<>Cases: {statusLabel}</>}
        columns={['Case', 'User', 'Status', 'Opened', 'Last change']}
        items={items}
        row={(c) => (
          <tr key={c.case_id}>
            <td>
              <Link to={`/org/${encodeURIComponent(org)}/reviews/${encodeURIComponent(c.case_id ?? '')}`}>
                <code>{c.case_id}</code>
              </Link>
            </td>
            <td>
              <code>{c.user_id}</code>
            </td>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td className="nowrap">{formatTime(c.created_at)}</td>
            <td className="nowrap">{formatTime(c.updated_at)}</td>
          </tr>
        )}
      />
      {cases.data && (cases.data.total ?? 0) > CASES_PAGE_SIZE && (
        <PagePager page={page} size={CASES_PAGE_SIZE} total={cases.data.total ?? 0} noun="cases" onPage={(p) => show({ page: p })} />
      )}
    </Page>
  );
}
