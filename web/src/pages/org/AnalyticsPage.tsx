import { useMemo, useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import { AnalyticsChart } from './AnalyticsChart';
import { analyticsRangeProblem, analyticsReport, defaultAnalyticsRange, type AnalyticsReportShape, type Granularity } from './analyticsSeries';
import { Section } from './parts';
import { NumberTable, RangeForm, SeriesCard } from './reportParts';
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

  const shaped = useMemo(() => (data ? analyticsReport(data) : null), [data]);

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
      <RangeForm
        label="Analytics range"
        draft={draft}
        onDraft={(change) => setDraft((d) => ({ ...d, ...change }))}
        errors={errors}
        granularity={{ value: draft.granularity, onChange: (value) => setDraft((d) => ({ ...d, granularity: value })) }}
        projects={org ? (projects.data ?? []) : null}
        projectId={projectId}
        onProject={setProjectId}
        pending={report.loading}
        onSubmit={submit}
      />
      <ErrorMessage error={report.error} title="Could not load the analytics" onRetry={report.reload} />
      {report.loading && !data && <Progress label="Loading the analytics" />}
      {shaped && (
        <>
          <Section title="Usage">
            <div className="charts">
              {shaped.usage.map((series) => (
                <SeriesCard key={series.key} label={series.label} periods={shaped.periods} values={series.values} level={3} />
              ))}
            </div>
            <NumberTable
              label="Requests by kind table"
              caption="Requests by kind"
              captionShown
              columns={['Route class', 'Requests']}
              rows={shaped.kinds.map((k) => ({ key: k.routeClass, head: k.label, cells: [k.requests.toLocaleString()] }))}
              empty="No requests in this period."
            />
          </Section>

          <Section title="Costs">
            <NumberTable
              label="Costs table"
              caption="Costs per item"
              columns={['Item', 'Quantity', 'Unit price', 'Amount']}
              rows={[
                ...shaped.costs.rows.map((row) => ({ key: row.item, head: row.label, cells: [row.quantity, row.unitPrice, row.amount] })),
                { key: 'total', head: 'Total', cells: [null, null, <strong key="total">{shaped.costs.total}</strong>] },
              ]}
            />
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
            <NumberTable
              label="Latency table"
              caption="Latency per route class"
              columns={['Route class', 'Requests', 'p50', 'p99']}
              rows={shaped.latency.map((row) => ({ key: row.routeClass, head: row.label, cells: [row.requests.toLocaleString(), row.p50, row.p99] }))}
            />
            <NumberTable
              label="Onboarding times table"
              caption="Time from the KYC start"
              captionShown
              columns={['To', 'Users', 'p50', 'p99']}
              rows={shaped.onboarding.map((row) => ({ key: row.step, head: row.label, cells: [row.users.toLocaleString(), row.p50, row.p99] }))}
            />
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
            <NumberTable
              label="Funnel table"
              caption="Onboarding funnel"
              columns={['Step', 'Users', 'Drop-off', 'Of those who started']}
              rows={shaped.funnel.map((row) => ({
                key: row.step,
                head: row.label,
                cells: [row.users.toLocaleString(), row.dropOff ?? '–', row.ofStarted ?? '–'],
              }))}
            />
          </Section>
          {!org && (
            <Section title="Organizations">
              <NumberTable
                label="Organizations table"
                caption="Each organization's totals in the period"
                columns={['Organization', 'KYC cases', 'Verified', 'Wallets', 'Claims']}
                rows={shaped.organizations.map((o) => ({
                  key: o.orgId,
                  head: o.name,
                  cells: [o.cases, o.verified, o.wallets, o.claims].map((n) => n.toLocaleString()),
                }))}
                empty="No organization had any events in this period."
              />
            </Section>
          )}
        </>
      )}
    </Page>
  );
}
