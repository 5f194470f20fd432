import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import { formatTime } from './format';
import { hasErrors, type FieldErrors } from './forms';
import { mergeErrors } from './load';
import { Section, TableScroll } from './parts';
import { providerLabel } from '../../kyc/providers';
import { ProjectFields } from './ProjectFields';
import { newProjectRequest, projectErrors, projectFormFrom, projectServerErrors, type ProjectForm } from './projectForms';
import type { Project } from './types';

/** `/org/:org/projects`: the organization's projects (each with its API keys and webhooks); create one. */
export default function ProjectsPage() {
  const org = useOrgParam();
  const api = useApi();
  const navigate = useNavigate();
  const projects = useAsync((signal) => unwrap(api.gateway.GET('/orgs/{org}/projects', { params: { path: { org } }, signal })), [api, org]);
  const [form, setForm] = useState<ProjectForm>(() => projectFormFrom());
  const [errors, setErrors] = useState<FieldErrors<keyof ProjectForm>>({});
  const create = useAction((body: ReturnType<typeof newProjectRequest>) =>
    unwrap(api.gateway.POST('/orgs/{org}/projects', { params: { path: { org } }, body })),
  );

  const change = <K extends keyof ProjectForm>(key: K, value: ProjectForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = projectErrors(form);
    setErrors(found);
    if (hasErrors(found)) return;
    const created = (await create.run(newProjectRequest(form))) as Project | undefined;
    if (created?.id) navigate(`/org/${encodeURIComponent(org)}/projects/${encodeURIComponent(created.id)}`, { state: { created: true } });
    else if (created) projects.reload();
  };

  const list: Project[] = projects.data ?? [];
  return (
    <Page title="Projects">
      <p>
        A project is one app of your organization: its API keys, webhooks, rate limit and usage are its own. Open a project to manage its API keys.
      </p>
      <ErrorMessage error={projects.error} title="Could not load the projects" onRetry={projects.reload} />
      {projects.loading && !projects.data && <Progress label="Loading the projects" />}
      {projects.data && list.length === 0 && <p>No projects yet: create the first one below.</p>}
      {list.length > 0 && (
        <TableScroll label="Projects table">
          <table>
            <caption className="visually-hidden">Projects</caption>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Environment</th>
                <th scope="col">KYC provider</th>
                <th scope="col">Wallet network</th>
                <th scope="col">Rate limit</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/org/${encodeURIComponent(org)}/projects/${encodeURIComponent(p.id ?? '')}`}>{p.name}</Link>
                  </td>
                  <td>{p.environment}</td>
                  <td>
                    {p.kyc_provider ? providerLabel(p.kyc_provider) : 'platform default'}
                    {p.kyc_fallback_provider && <div className="muted">fallback: {providerLabel(p.kyc_fallback_provider)}</div>}
                  </td>
                  <td>{p.wallet_network}</td>
                  <td>{p.rate_limit ? `${p.rate_limit.capacity} burst, ${p.rate_limit.refill_per_second}/s` : '—'}</td>
                  <td className="nowrap">{formatTime(p.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <Section title="New project">
        <form className="org-form" noValidate onSubmit={submit} aria-label="New project">
          <ProjectFields form={form} errors={mergeErrors(errors, projectServerErrors(create.error))} onChange={change} creating />
          <ErrorMessage error={create.error} title="Could not create the project" />
          <Button type="submit" variant="primary" pending={create.pending} pendingLabel="Creating…">
            Create project
          </Button>
        </form>
      </Section>
    </Page>
  );
}
