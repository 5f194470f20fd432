import { useMemo, useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import { Section, TableScroll } from './parts';
import { NumberTable, RangeForm, SeriesCard } from './reportParts';
import { defaultRange, rangeProblem, usageSeries } from './usageSeries';

/** `/org/:org/usage`: requests, KYC cases, wallets, transfers and webhooks per UTC day, as charts with the numbers. */
export default function UsagePage() {
  const org = useOrgParam();
  const api = useApi();
  const [range, setRange] = useState(() => defaultRange());
  const [draft, setDraft] = useState(range);
  const [projectId, setProjectId] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  const projects = useAsync((signal) => unwrap(api.gateway.GET('/orgs/{org}/projects', { params: { path: { org } }, signal })), [api, org]);
  const usage = useAsync(
    (signal) => unwrap(api.gateway.GET('/orgs/{org}/usage', { params: { path: { org }, query: { from: range.from, to: range.to } }, signal })),
    [api, org, range.from, range.to],
  );
  const series = useMemo(
    () => (usage.data ? usageSeries(usage.data, { projectId: projectId || null, from: range.from, to: range.to }) : null),
    [usage.data, projectId, range.from, range.to],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = rangeProblem(draft.from, draft.to);
    setErrors(problem ? { [problem.field]: problem.message } : {});
    if (!problem) setRange(draft);
  };
  const projectName = (projects.data ?? []).find((p) => p.id === projectId)?.name;

  return (
    <Page title="Usage">
      <p>What your organization used per UTC day: the basis of billing and of the projects’ rate limits.</p>
      <RangeForm
        label="Usage range"
        draft={draft}
        onDraft={(change) => setDraft((d) => ({ ...d, ...change }))}
        errors={errors}
        projects={projects.data ?? []}
        projectId={projectId}
        onProject={setProjectId}
        pending={usage.loading}
        onSubmit={submit}
      />
      <ErrorMessage error={usage.error} title="Could not load the usage" onRetry={usage.reload} />
      {usage.loading && !usage.data && <Progress label="Loading the usage" />}
      {series && (
        <>
          <Section title="Totals">
            <p>
              {range.from} to {range.to} (UTC), {projectName ? `project ${projectName}` : 'all projects'}.
            </p>
            <NumberTable
              label="Totals table"
              caption="Totals per metric"
              columns={['Metric', 'Total']}
              rows={series.metrics.map((m) => ({ key: m.key, head: m.label, cells: [(series.totals[m.key] ?? 0).toLocaleString()] }))}
            />
          </Section>
          <div className="charts">
            {series.metrics.map((m) => (
              <SeriesCard key={m.key} label={m.label} periods={series.days} values={series.values[m.key] ?? []} />
            ))}
          </div>
          <Section title="Daily numbers">
            <details>
              <summary>Show the numbers of every day</summary>
              <TableScroll label="Daily numbers table">
                <table className="table-compact">
                  <caption className="visually-hidden">Usage per day</caption>
                  <thead>
                    <tr>
                      <th scope="col">Day (UTC)</th>
                      {series.metrics.map((m) => (
                        <th key={m.key} scope="col" className="num">
                          {m.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {series.days.map((day, i) => (
                      <tr key={day}>
                        <th scope="row" className="nowrap">
                          {day}
                        </th>
                        {series.metrics.map((m) => (
                          <td key={m.key} className="num">
                            {(series.values[m.key]?.[i] ?? 0).toLocaleString()}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </details>
          </Section>
        </>
      )}
    </Page>
  );
}
