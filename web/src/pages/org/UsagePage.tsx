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
import { Section, TableScroll } from './parts';
import { UsageChart } from './UsageChart';
import { defaultRange, describeSeries, rangeProblem, usageSeries } from './usageSeries';

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
      <form className="toolbar org-form" noValidate onSubmit={submit} aria-label="Usage range">
        <FormField label="From" error={errors.from}>
          {(control) => <input {...control} type="date" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />}
        </FormField>
        <FormField label="To" error={errors.to}>
          {(control) => <input {...control} type="date" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />}
        </FormField>
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
        <Button type="submit" variant="primary" pending={usage.loading}>
          Show
        </Button>
      </form>
      <ErrorMessage error={usage.error} title="Could not load the usage" onRetry={usage.reload} />
      {usage.loading && !usage.data && <Progress label="Loading the usage" />}
      {series && (
        <>
          <Section title="Totals">
            <p>
              {range.from} to {range.to} (UTC), {projectName ? `project ${projectName}` : 'all projects'}.
            </p>
            <TableScroll label="Totals table">
              <table className="table-compact">
                <caption className="visually-hidden">Totals per metric</caption>
                <thead>
                  <tr>
                    <th scope="col">Metric</th>
                    <th scope="col" className="num">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {series.metrics.map((m) => (
                    <tr key={m.key}>
                      <th scope="row">{m.label}</th>
                      <td className="num">{(series.totals[m.key] ?? 0).toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </Section>
          <div className="charts">
            {series.metrics.map((m) => {
              const values = series.values[m.key] ?? [];
              const description = describeSeries(m.label, series.days, values);
              return (
                <Section key={m.key} title={m.label} className="card">
                  <UsageChart label={m.label} days={series.days} values={values} description={description} />
                  <p className="muted">{description}</p>
                </Section>
              );
            })}
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
