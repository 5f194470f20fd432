import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import { saveFile } from './audit';
import {
  billingCalls,
  formatCount,
  formatMinor,
  metricLabel,
  monthChoices,
  monthLabel,
  openTab,
  parseMonthParam,
  showInTab,
  type Statement,
} from './billing';
import { FilterSelect } from './CaseQueue';
import { Section, StatusBadge, TableScroll } from './parts';
import { PlanSummary } from './PlanSummary';

/**
 * `/org/:org/billing`: the organization's plan and its monthly statements (its admins, and platform admins), the
 * month in the address (`?month=yyyy-mm`, the current UTC month without one), with the statement as CSV or as a
 * printable page.
 */
export default function BillingPage() {
  const org = useOrgParam();
  const api = useApi();
  const calls = billingCalls(api, org);
  const [params, setParams] = useSearchParams();
  const month = parseMonthParam(params);
  const choices = monthChoices();
  // A month from the address that the list does not have (an older one) stays selectable.
  const options = [...(choices.includes(month) ? [] : [month]), ...choices].map((m) => [m, monthLabel(m)] as const);

  const plan = useAsync((signal) => calls.plan(signal), [api, org]);
  const statement = useAsync((signal) => calls.statement(month, signal), [api, org, month]);
  const csv = useAction(async () => {
    const { file, fileName } = await calls.statementFile(month, 'csv');
    saveFile(file, fileName);
  });
  const printable = useAction(async (tab: Window | null) => {
    try {
      const { file, fileName } = await calls.statementFile(month, 'html');
      // No tab (a pop-up blocker): the page is saved instead, to open from the downloads.
      if (tab) showInTab(tab, file);
      else saveFile(file, fileName);
    } catch (failure) {
      tab?.close();
      throw failure;
    }
  });
  const downloading = csv.pending || printable.pending;

  return (
    <Page title="Plan and billing">
      <p>
        Your organization’s plan, and what each month of usage costs with it: the usage of every project, counted per UTC day, priced with the plan as it
        is today. Statements are documents: Attest charges nobody.
      </p>
      <Section title="Plan">
        <ErrorMessage error={plan.error} title="Could not load the plan" onRetry={plan.reload} />
        {plan.loading && !plan.data && <Progress label="Loading the plan" />}
        {plan.data && !plan.error && <PlanSummary plan={plan.data} />}
      </Section>
      <Section title="Monthly statement">
        <div className="toolbar">
          <FilterSelect
            label="Month"
            value={month}
            options={options}
            onChange={(next) => {
              csv.reset();
              printable.reset();
              setParams({ month: next });
            }}
          />
        </div>
        <div className="actions">
          <Button onClick={() => !downloading && csv.run()} pending={csv.pending} pendingLabel="Downloading…" aria-disabled={downloading || undefined}>
            Download CSV
          </Button>
          <Button
            onClick={() => !downloading && printable.run(openTab())}
            pending={printable.pending}
            pendingLabel="Opening…"
            aria-disabled={downloading || undefined}
          >
            Open printable statement
          </Button>
        </div>
        <p className="muted">The printable statement opens in a new tab: print it, or save it as a PDF from the browser’s print dialog.</p>
        <ErrorMessage error={csv.error} title="Could not download the statement" />
        <ErrorMessage error={printable.error} title="Could not open the printable statement" />
        <ErrorMessage error={statement.error} title="Could not load the statement" onRetry={statement.reload} />
        {statement.loading && <Progress label="Loading the statement" />}
        {statement.data && !statement.error && !statement.loading && <StatementTable statement={statement.data} />}
      </Section>
    </Page>
  );
}

function StatementTable({ statement }: { statement: Statement }) {
  const { currency } = statement;
  return (
    <>
      <p>
        {statement.org_name} · {statement.from} to {statement.to} (UTC) · plan {statement.plan}{' '}
        {statement.complete ? (
          <StatusBadge status="complete" label="Complete" />
        ) : (
          <StatusBadge status="pending" label="Provisional: the month is not over" />
        )}
      </p>
      <TableScroll label="Statement table">
        <table className="table-compact">
          <caption className="visually-hidden">Statement for {monthLabel(statement.month)}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Used
              </th>
              <th scope="col" className="num">
                Included
              </th>
              <th scope="col" className="num">
                Billable
              </th>
              <th scope="col" className="num">
                Price per 1000
              </th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Monthly price</th>
              <td />
              <td />
              <td />
              <td />
              <td className="num">{formatMinor(statement.monthly_price_minor, currency)}</td>
            </tr>
            {statement.lines.map((line) => (
              <tr key={line.metric}>
                <th scope="row">{metricLabel(line.metric)}</th>
                <td className="num">{formatCount(line.used)}</td>
                <td className="num">{formatCount(line.included)}</td>
                <td className="num">{formatCount(line.billable)}</td>
                <td className="num">{formatMinor(line.unit_price_per_thousand_minor, currency)}</td>
                <td className="num">{formatMinor(line.amount_minor, currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td />
              <td />
              <td />
              <td />
              <td className="num">
                <strong>{formatMinor(statement.total_minor, currency)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <p className="muted">
        Each line’s amount is its billable units times the price per 1000, divided by 1000 and rounded half up to a whole cent; the total is the monthly
        price and the lines’ amounts.
      </p>
    </>
  );
}
