import { useMemo, useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import { AnalyticsChart } from './AnalyticsChart';
import {
  analyticsRangeProblem,
  costRows,
  defaultAnalyticsRange,
  funnelRows,
  latencyDatasets,
  latencyRows,
  onboardingRows,
  organizationRows,
  periodLabel,
  requestsByKind,
  usageCharts,
  type AnalyticsReportShape,
  type Granularity,
} from './analyticsSeries';
import { Section, TableScroll } from './parts';
import { UsageChart } from './UsageChart';
import { describeSeries } from './usageSeries';

/** `/org/:org/analytics`: the organization's analytics (org admins). */
export default function AnalyticsPage() {
  const org = useOrgParam();
  return <Analytics scope={{ org }} />;
}

/** `/platform/analytics`: every organization's analytics together (platform admins). */
export function PlatformAnalyticsPage() {
  return <Analytics scope={null} />;
}

/** The page of either: `scope` names the organization, or null for the platform's. */
function Analytics({ scope }: { scope: { org: string } | null }) {
  const api = useApi();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [range, setRange] = useState(() => defaultAnalyticsRange('day'));
  const [draft, setDraft] = useState({ ...range, granularity: 'day' as Granularity });
  const [projectId, setProjectId] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const org = scope?.org ?? null;

  const projects = useAsync(
    (signal) => (org ? unwrap(api.gateway.GET('/orgs/{org}/projects', { params: { path: { org } }, signal })) : Promise.resolve([])),
    [api, org],
  );
  const report = useAsync<AnalyticsReportShape>(
    (signal) => {
      const query = { from: range.from, to: range.to, granularity };
      return org
        ? unwrap(
            api.gateway.GET('/orgs/{org}/analytics', {
              params: { path: { org }, query: { ...query, ...(projectId ? { project: projectId } : {}) } },
              signal,
            }),
          )
        : unwrap(api.gateway.GET('/platform/analytics', { params: { query }, signal }));
    },
    [api, org, range.from, range.to, granularity, projectId],
  );

  const data = report.data;
  const shaped = useMemo(() => {
    if (!data) return null;
    const periods = data.periods ?? [];
    return {
      labels: periods.map(periodLabel),
      periods: periods.map((p) => (p.length > 10 ? `${p.slice(0, 10)} ${p.slice(11, 16)}` : p)),
      usage: usageCharts(data),
      kinds: requestsByKind(data),
      costs: costRows(data),
      latency: latencyRows(data),
      latencyDatasets: latencyDatasets(data),
      onboarding: onboardingRows(data),
      funnel: funnelRows(data),
      organizations: organizationRows(data),
    };
  }, [data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = analyticsRangeProblem(draft.from, draft.to, draft.granularity);
    setErrors(problem ? { [problem.field]: problem.message } : {});
    if (!problem) {
      setRange({ from: draft.from, to: draft.to });
      setGranularity(draft.granularity);
    }
  };

  return (
    <Page title={org ? 'Analytics' : 'Platform analytics'}>
      <p>
        {org ? 'Your organization’s' : 'Every organization’s'} usage, costs and performance per{' '}
        {granularity === 'hour' ? 'hour' : 'UTC day'}, from the platform’s events. Costs are computed from today’s
        price list, for the past as well.
      </p>
      <form className="toolbar org-form" noValidate onSubmit={submit} aria-label="Analytics range">
        <FormField label="From" error={errors.from}>
          {(control) => <input {...control} type="date" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />}
        </FormField>
        <FormField label="To" error={errors.to}>
          {(control) => <input {...control} type="date" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />}
        </FormField>
        <FormField label="Per">
          {(control) => (
            <select {...control} value={draft.granularity} onChange={(e) => setDraft((d) => ({ ...d, granularity: e.target.value as Granularity }))}>
              <option value="day">Day</option>
              <option value="hour">Hour</option>
            </select>
          )}
        </FormField>
        {org && (
          <FormField label="Project">
            {(control) => (
              <select {...control} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
                <option value="">All projects</option>
                {(projects.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <Button type="submit" variant="primary" pending={report.loading}>
          Show
        </Button>
      </form>
      <ErrorMessage error={report.error} title="Could not load the analytics" onRetry={report.reload} />
      {report.loading && !data && <Progress label="Loading the analytics" />}
      {shaped && (
        <>
          <Section title="Usage">
            <div className="charts">
              {shaped.usage.map((series) => {
                const description = describeSeries(series.label, shaped.periods, series.values);
                return (
                  <Section key={series.key} title={series.label} className="card" level={3}>
                    <UsageChart label={series.label} days={shaped.periods} values={series.values} description={description} />
                    <p className="muted">{description}</p>
                  </Section>
                );
              })}
            </div>
            <TableScroll label="Requests by kind table">
              <table className="table-compact">
                <caption>Requests by kind</caption>
                <thead>
                  <tr>
                    <th scope="col">Route class</th>
                    <th scope="col" className="num">
                      Requests
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shaped.kinds.length === 0 && (
                    <tr>
                      <td colSpan={2}>No requests in this period.</td>
                    </tr>
                  )}
                  {shaped.kinds.map((k) => (
                    <tr key={k.routeClass}>
                      <th scope="row">{k.label}</th>
                      <td className="num">{k.requests.toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </Section>

          <Section title="Costs">
            <TableScroll label="Costs table">
              <table className="table-compact">
                <caption className="visually-hidden">Costs per item</caption>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col" className="num">
                      Quantity
                    </th>
                    <th scope="col" className="num">
                      Unit price
                    </th>
                    <th scope="col" className="num">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shaped.costs.rows.map((row) => (
                    <tr key={row.item}>
                      <th scope="row">{row.label}</th>
                      <td className="num">{row.quantity}</td>
                      <td className="num">{row.unitPrice}</td>
                      <td className="num">{row.amount}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">Total</th>
                    <td />
                    <td />
                    <td className="num">
                      <strong>{shaped.costs.total}</strong>
                    </td>
                  </tr>
                </tbody>
              </table>
            </TableScroll>
            <UsageChart
              label="Costs"
              days={shaped.periods}
              values={shaped.costs.series}
              wholeNumbers={false}
              description={describeSeries('Costs', shaped.periods, shaped.costs.series)}
            />
            {shaped.costs.notPriced.length > 0 && (
              <p className="muted">Not priced: {shaped.costs.notPriced.join('; ')}.</p>
            )}
          </Section>

          <Section title="Performance">
            <p>Gateway latency per route class (p50 and p99, each at most 25 % above the true value).</p>
            {shaped.latency.length > 0 ? (
              <AnalyticsChart
                type="line"
                labels={shaped.labels}
                datasets={shaped.latencyDatasets}
                unit="ms"
                description={`Latency per route class: ${shaped.latency.map((r) => `${r.label} p50 ${r.p50}, p99 ${r.p99}`).join('; ')}.`}
              />
            ) : (
              <p className="muted">No requests in this period.</p>
            )}
            <TableScroll label="Latency table">
              <table className="table-compact">
                <caption className="visually-hidden">Latency per route class</caption>
                <thead>
                  <tr>
                    <th scope="col">Route class</th>
                    <th scope="col" className="num">
                      Requests
                    </th>
                    <th scope="col" className="num">
                      p50
                    </th>
                    <th scope="col" className="num">
                      p99
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shaped.latency.map((row) => (
                    <tr key={row.routeClass}>
                      <th scope="row">{row.label}</th>
                      <td className="num">{row.requests.toLocaleString()}</td>
                      <td className="num">{row.p50}</td>
                      <td className="num">{row.p99}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <TableScroll label="Onboarding times table">
              <table className="table-compact">
                <caption>Time from the KYC start</caption>
                <thead>
                  <tr>
                    <th scope="col">To</th>
                    <th scope="col" className="num">
                      Users
                    </th>
                    <th scope="col" className="num">
                      p50
                    </th>
                    <th scope="col" className="num">
                      p99
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shaped.onboarding.map((row) => (
                    <tr key={row.step}>
                      <th scope="row">{row.label}</th>
                      <td className="num">{row.users.toLocaleString()}</td>
                      <td className="num">{row.p50}</td>
                      <td className="num">{row.p99}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </Section>

          <Section title="Onboarding funnel">
            <p>Users who reached each step in the period, and the share of the step before who did not.</p>
            <AnalyticsChart
              type="bar"
              labels={shaped.funnel.map((s) => s.label)}
              datasets={[{ label: 'Users', values: shaped.funnel.map((s) => s.users) }]}
              description={`Onboarding funnel: ${shaped.funnel
                .map((s) => `${s.label} ${s.users}${s.dropOff ? ` (drop-off ${s.dropOff})` : ''}`)
                .join(', ')}.`}
            />
            <TableScroll label="Funnel table">
              <table className="table-compact">
                <caption className="visually-hidden">Onboarding funnel</caption>
                <thead>
                  <tr>
                    <th scope="col">Step</th>
                    <th scope="col" className="num">
                      Users
                    </th>
                    <th scope="col" className="num">
                      Drop-off
                    </th>
                    <th scope="col" className="num">
                      Of those who started
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shaped.funnel.map((row) => (
                    <tr key={row.step}>
                      <th scope="row">{row.label}</th>
                      <td className="num">{row.users.toLocaleString()}</td>
                      <td className="num">{row.dropOff ?? '–'}</td>
                      <td className="num">{row.ofStarted ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </Section>
          {!org && (
            <Section title="Organizations">
              <TableScroll label="Organizations table">
                <table className="table-compact">
                  <caption className="visually-hidden">Each organization's totals in the period</caption>
                  <thead>
                    <tr>
                      <th scope="col">Organization</th>
                      <th scope="col" className="num">
                        KYC cases
                      </th>
                      <th scope="col" className="num">
                        Verified
                      </th>
                      <th scope="col" className="num">
                        Wallets
                      </th>
                      <th scope="col" className="num">
                        Claims
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shaped.organizations.length === 0 && (
                      <tr>
                        <td colSpan={5}>No organization had any events in this period.</td>
                      </tr>
                    )}
                    {shaped.organizations.map((o) => (
                      <tr key={o.orgId}>
                        <th scope="row">{o.name}</th>
                        <td className="num">{o.cases.toLocaleString()}</td>
                        <td className="num">{o.verified.toLocaleString()}</td>
                        <td className="num">{o.wallets.toLocaleString()}</td>
                        <td className="num">{o.claims.toLocaleString()}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </Section>
          )}
        </>
      )}
    </Page>
  );
}
