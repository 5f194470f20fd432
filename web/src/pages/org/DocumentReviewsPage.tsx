import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { DocumentKeyPanel } from '../../documents/DocumentKeyPanel';
import { CaseState } from '../../documents/parts';
import { useDocumentKey } from '../../documents/useDocumentKey';
import { useAsync } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { useOrgParam } from '../../tenant/params';
import { formatTime } from './format';
import { CaseQueue } from './CaseQueue';
import { TokenPager } from './parts';

export const DOCUMENT_CASE_STATES = [
  ['open', 'Open (waiting for a decision)'],
  ['approved', 'Approved'],
  ['rejected', 'Rejected'],
] as const;
export const DOCUMENT_CASES_PAGE_SIZE = 20;

type CaseStateFilter = (typeof DOCUMENT_CASE_STATES)[number][0];

export function parseCaseState(value: string | null): CaseStateFilter {
  return DOCUMENT_CASE_STATES.find(([s]) => s === value)?.[0] ?? 'open';
}

/** `/org/:org/documents`: document cases by state, oldest first, and the reviewer's key. */
export default function DocumentReviewsPage() {
  const org = useOrgParam();
  const api = useApi();
  const documentKey = useDocumentKey();
  const [params, setParams] = useSearchParams();
  const state = parseCaseState(params.get('state'));
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const cases = useAsync(
    (signal) =>
      unwrap(api.document.GET('/documents/cases', { params: { query: { state, page, size: DOCUMENT_CASES_PAGE_SIZE } }, signal })),
    [api, org, state, page],
  );
  useNotificationEvents('document.', cases.reload);
  const show = (next: { state?: string; page?: number }) => {
    const query = new URLSearchParams({ state: next.state ?? state });
    if ((next.page ?? 0) > 0) query.set('page', String(next.page));
    setParams(query);
  };
  const items = cases.data ?? [];
  const label = DOCUMENT_CASE_STATES.find(([s]) => s === state)?.[1] ?? state;
  return (
    <Page title="Document reviews" actions={<Button onClick={cases.reload}>Refresh</Button>}>
      <p>
        Users’ document cases, oldest first. Documents are encrypted in the user’s browser for your organization’s
        reviewers: you open them in this browser with your key, and every opening is recorded.
      </p>
      <DocumentKeyPanel documentKey={documentKey} reviewer />
      <section aria-labelledby="document-cases">
        <h2 id="document-cases">Cases</h2>
        <CaseQueue
          filter={state}
          options={DOCUMENT_CASE_STATES}
          onFilter={(value) => show({ state: value, page: 0 })}
          error={cases.error}
          loading={cases.loading}
          loaded={Boolean(cases.data)}
          onRetry={cases.reload}
          empty={state === 'open' ? 'No case is waiting for a review.' : `No cases: ${label.toLowerCase()}.`}
          tableLabel="Document cases table"
          caption={<>Document cases: {label}</>}
          columns={['Case', 'User', 'Project', 'State', 'Opened']}
          items={items}
          row={(c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/org/${encodeURIComponent(org)}/documents/${encodeURIComponent(c.id ?? '')}`}>
                  <code>{c.id}</code>
                </Link>
              </td>
              <td>
                <code>{c.user_id}</code>
              </td>
              <td>
                <code>{c.project_id}</code>
              </td>
              <td>
                <CaseState state={c.state} />
              </td>
              <td className="nowrap">{formatTime(c.opened_at)}</td>
            </tr>
          )}
        />
        {(page > 0 || items.length === DOCUMENT_CASES_PAGE_SIZE) && (
          <TokenPager
            index={page}
            nextToken={items.length === DOCUMENT_CASES_PAGE_SIZE ? String(page + 1) : null}
            noun="cases"
            onNext={(token) => show({ page: Number(token) })}
            onPrevious={() => show({ page: page - 1 })}
          />
        )}
      </section>
    </Page>
  );
}
