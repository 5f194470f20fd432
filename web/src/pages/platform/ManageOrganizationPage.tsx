import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { problemToWords } from '../../api/problem';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useTenant, type Organization } from '../../tenant/TenantContext';
import { saveFile } from '../org/audit';
import { billingCalls, formatMinor, metricLabel } from '../org/billing';
import { FilterSelect } from '../org/CaseQueue';
import { formatTime } from '../org/format';
import { mergeErrors } from '../org/load';
import { Confirm, Facts, Section, SuccessMessage, TableScroll } from '../org/parts';
import { PlanSummary } from '../org/PlanSummary';
import { NumberTable } from '../org/reportParts';
import type { Project } from '../org/types';
import { useOrgChoices } from '../org/useOrgChoices';
import { deletionConfirmed, erasedRows, MAX_REASON, platformCalls, reasonProblem, type Erasure } from './admin';
import {
  parseMinor,
  PLAN_METRICS,
  planErrors,
  planFormFrom,
  planRequest,
  planServerErrors,
  setPlan,
  type PlanErrors,
  type PlanField,
  type PlanForm,
  type PlanRequest,
} from './plans';
import { SuspensionActions, SuspensionBadge, SuspensionPanel, useSuspension } from './SuspensionParts';

/**
 * `/platform/manage?org=<id>` (platform admins): one organization's suspension and its projects', its plan, and its
 * deletion; for an organization that no longer exists (`?org=` its former id or slug), what its deletion recorded
 * and its export.
 */
export default function ManageOrganizationPage() {
  const tenant = useTenant();
  const [params, setParams] = useSearchParams();
  const ref = (params.get('org') ?? '').trim();
  const choices = useOrgChoices(true, '', 'Choose an organization');
  const org = ref ? choices.list.find((o) => o.id === ref || o.slug === ref) : undefined;
  const [deleted, setDeleted] = useState<{ ref: string; org: Organization; erasure: Erasure } | null>(null);
  const justDeleted = deleted?.ref === ref ? deleted : null;
  // An organization of the address that the list does not have (deleted) stays selectable.
  const options = [...choices.options, ...(ref && !org ? [[ref, ref] as [string, string]] : [])];
  const select = (value: string) => setParams(value.trim() ? { org: value.trim() } : {});
  const listed = choices.orgs.data !== undefined;

  return (
    <Page title="Manage an organization">
      <p>
        Suspend or reactivate an organization and its projects, set its plan, and delete it, its data exported first. Every change is recorded in the
        audit trail with its reason.
      </p>
      <div className="toolbar">
        <FilterSelect label="Organization" value={org?.id ?? ref} options={options} onChange={select} />
      </div>
      <FormerOrganizationForm onShow={select} />
      <ErrorMessage error={choices.orgs.error} title="Could not load the organizations" onRetry={choices.orgs.reload} />
      {choices.orgs.loading && !listed && <Progress label="Loading the organizations" />}
      {!ref && listed && <p>Choose an organization to manage it.</p>}
      {justDeleted && (
        <SuccessMessage>
          Deleted {justDeleted.org.name} (<code>{justDeleted.org.slug}</code>): its data was exported, then erased. The record and the export are below.
        </SuccessMessage>
      )}
      {org && !justDeleted && (
        <LiveOrganization
          key={org.id}
          org={org}
          onDeleted={(erasure) => {
            setDeleted({ ref, org, erasure });
            choices.orgs.reload();
            // The header's switcher lists it no more.
            tenant.reload();
          }}
        />
      )}
      {ref && listed && !org && !justDeleted && (
        <p>
          No organization <code>{ref}</code> exists now. If it was deleted, what the deletion recorded and its export are below.
        </p>
      )}
      {ref && (org || listed) && <ErasureRecords key={`${ref}:${justDeleted ? 'deleted' : ''}`} org={ref} />}
    </Page>
  );
}

/** The records of an organization no longer listed: its former id or slug. */
function FormerOrganizationForm({ onShow }: { onShow(ref: string): void }) {
  const [ref, setRef] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = ref.trim();
    setError(text ? null : 'Enter the former id or slug.');
    if (text) onShow(text);
  };
  return (
    <details>
      <summary>A deleted organization’s records</summary>
      <form className="toolbar org-form" noValidate onSubmit={submit} aria-label="Find a deleted organization">
        <FormField label="Former id or slug" error={error}>
          {(control) => <input {...control} type="text" spellCheck={false} autoComplete="off" maxLength={64} value={ref} onChange={(e) => setRef(e.target.value)} />}
        </FormField>
        <Button type="submit">Show records</Button>
      </form>
    </details>
  );
}

function LiveOrganization({ org, onDeleted }: { org: Organization; onDeleted(erasure: Erasure): void }) {
  const id = org.id ?? '';
  const name = org.name ?? org.slug ?? id;
  return (
    <>
      <Section title="Suspension">
        <SuspensionPanel kind="organization" target={id} name={name} />
      </Section>
      <Section title="Projects">
        <ProjectSuspensions org={id} />
      </Section>
      <Section title="Plan">
        <PlanEditor org={id} />
        <p>
          Its monthly statements: <Link to={`/org/${encodeURIComponent(org.slug ?? id)}/billing`}>plan and billing of {name}</Link>.
        </p>
      </Section>
      <Section title="Delete the organization">
        <DeleteOrganization org={org} onDeleted={onDeleted} />
      </Section>
    </>
  );
}

function ProjectSuspensions({ org }: { org: string }) {
  const api = useApi();
  const projects = useAsync((signal) => unwrap(api.gateway.GET('/orgs/{org}/projects', { params: { path: { org } }, signal })), [api, org]);
  const [done, setDone] = useState<string | null>(null);
  const list = (projects.data ?? []) as Project[];
  return (
    <>
      <p>A project’s suspension refuses its API keys and the members acting in it; the rest of the organization goes on.</p>
      <SuccessMessage>{done}</SuccessMessage>
      <ErrorMessage error={projects.error} title="Could not load the projects" onRetry={projects.reload} />
      {projects.loading && !projects.data && <Progress label="Loading the projects" />}
      {projects.data && list.length === 0 && <p>The organization has no project.</p>}
      {list.length > 0 && (
        <TableScroll label="Projects table">
          <table>
            <caption className="visually-hidden">The organization’s projects and their suspension</caption>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Environment</th>
                <th scope="col">State</th>
                <th scope="col">Suspend or reactivate</th>
              </tr>
            </thead>
            <tbody>
              {list.map((project) => (
                <ProjectSuspensionRow key={project.id} project={project} onDone={setDone} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

function ProjectSuspensionRow({ project, onDone }: { project: Project; onDone(message: string | null): void }) {
  const { view, change, attempt, run } = useSuspension('project', project.id ?? '');
  const name = `project ${project.name ?? project.id}`;
  const data = view.data;
  const suspended = Boolean(data?.suspended);
  return (
    <tr>
      <th scope="row">
        {project.name}
        <br />
        <code className="muted">{project.id}</code>
      </th>
      <td>{project.environment}</td>
      <td>
        {data ? (
          <>
            <SuspensionBadge suspended={suspended} />
            {suspended && data.current && (
              <span className="muted">
                {' '}
                since {formatTime(data.current.suspended_at)}
                {data.current.reason ? `: ${data.current.reason}` : ''}
              </span>
            )}
          </>
        ) : view.error ? (
          <span className="muted">
            unknown ({problemToWords(view.error).message}){' '}
            <button type="button" className="button-small" onClick={view.reload}>
              Try again
            </button>
          </span>
        ) : (
          <span className="muted">loading…</span>
        )}
      </td>
      <td>
        {data && (
          <SuspensionActions
            kind="project"
            name={name}
            suspended={suspended}
            pending={change.pending}
            onOpenChange={change.reset}
            onChange={async (suspend, reason) => {
              onDone(null);
              const ok = await run(suspend, reason);
              if (ok) onDone(suspend ? `Suspended ${name}.` : `Reactivated ${name}.`);
              return ok;
            }}
          />
        )}
        <ErrorMessage error={change.error} title={`Could not ${attempt} ${name}`} />
      </td>
    </tr>
  );
}

/** The plan as it is, and the editor that replaces it (`PUT /platform/organizations/{org}/plan`). */
function PlanEditor({ org }: { org: string }) {
  const api = useApi();
  const plan = useAsync((signal) => billingCalls(api, org).plan(signal), [api, org]);
  const [form, setForm] = useState<PlanForm | null>(null);
  const [errors, setErrors] = useState<PlanErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useAction((body: PlanRequest) => setPlan(api, org, body));
  if (plan.data && form === null) setForm(planFormFrom(plan.data));

  if (plan.loading && !plan.data) return <Progress label="Loading the plan" />;
  if (!plan.data || !form) return <ErrorMessage error={plan.error} title="Could not load the plan" onRetry={plan.reload} />;

  const shown = mergeErrors<PlanField>(errors, planServerErrors(save.error));
  const edit = (change: Partial<PlanForm>, field: PlanField) => {
    setForm((f) => (f ? { ...f, ...change } : f));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setSaved(false);
    if (save.error) save.reset();
  };
  const currency = /^[A-Z]{3}$/.test(form.currency.trim()) ? form.currency.trim() : '';
  /** What an amount field holds, in the currency and in cents, for the hint under it. */
  const amountHint = (text: string, what: string) => {
    const minor = parseMinor(text);
    return minor === null ? what : `${what} ${formatMinor(Number(minor), currency)} (${minor.toString()} in minor units).`;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found = planErrors(form);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const answer = await save.run(planRequest(form));
    if (answer) {
      plan.setData(answer);
      setForm(planFormFrom(answer));
      setErrors({});
      setSaved(true);
    }
  };

  return (
    <>
      <ErrorMessage error={plan.error} title="Could not load the plan" onRetry={plan.reload} />
      <h3>Current plan</h3>
      <PlanSummary plan={plan.data} />
      <h3>Set the plan</h3>
      <form className="org-form" noValidate onSubmit={submit} aria-label="Set the plan">
        <p className="muted">
          Saving replaces the whole plan. Amounts are in the plan’s currency with at most two decimals, and are sent in minor units (cents); prices of
          usage are per 1000 units above what the plan includes. An empty metric includes nothing and costs nothing.
        </p>
        <div className="form-grid">
          <FormField label="Name" required error={shown.name}>
            {(control) => <input {...control} type="text" maxLength={250} value={form.name} onChange={(e) => edit({ name: e.target.value }, 'name')} />}
          </FormField>
          <FormField label="Currency" required hint="ISO 4217 letters, such as EUR or USD." error={shown.currency}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={3}
                value={form.currency}
                onChange={(e) => edit({ currency: e.target.value }, 'currency')}
              />
            )}
          </FormField>
          <FormField label="Monthly price" required hint={amountHint(form.monthly_price, 'Charged every month:')} error={shown.monthly_price}>
            {(control) => (
              <input {...control} type="text" inputMode="decimal" value={form.monthly_price} onChange={(e) => edit({ monthly_price: e.target.value }, 'monthly_price')} />
            )}
          </FormField>
        </div>
        <TableScroll label="Usage prices">
          <table className="table-compact">
            <caption>Usage included and its price</caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Included each month (units)</th>
                <th scope="col">Price per 1000 more{currency ? ` (${currency})` : ''}</th>
              </tr>
            </thead>
            <tbody>
              {PLAN_METRICS.map((metric) => {
                const label = metricLabel(metric);
                const includedField: PlanField = `included.${metric}`;
                const priceField: PlanField = `unit_prices.${metric}`;
                return (
                  <tr key={metric}>
                    <th scope="row">{label}</th>
                    <td>
                      <FormField label={`${label} included each month`} labelHidden error={shown[includedField]}>
                        {(control) => (
                          <input
                            {...control}
                            type="text"
                            inputMode="numeric"
                            value={form.included[metric] ?? ''}
                            onChange={(e) => edit({ included: { ...form.included, [metric]: e.target.value } }, includedField)}
                          />
                        )}
                      </FormField>
                    </td>
                    <td>
                      <FormField label={`${label} price per 1000`} labelHidden error={shown[priceField]}>
                        {(control) => (
                          <input
                            {...control}
                            type="text"
                            inputMode="decimal"
                            value={form.unit_prices[metric] ?? ''}
                            onChange={(e) => edit({ unit_prices: { ...form.unit_prices, [metric]: e.target.value } }, priceField)}
                          />
                        )}
                      </FormField>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        <div className="field field-checkbox">
          <label>
            <input type="checkbox" checked={form.rate_limit} onChange={(e) => edit({ rate_limit: e.target.checked }, 'capacity')} /> Set the rate limit of
            every project (it replaces each project’s own while the plan has it)
          </label>
        </div>
        {form.rate_limit && (
          <div className="form-grid">
            <FormField label="Burst capacity" required hint="Requests a project may make at once: 1 to 100,000." error={shown.capacity}>
              {(control) => (
                <input {...control} type="text" inputMode="numeric" value={form.capacity} onChange={(e) => edit({ capacity: e.target.value }, 'capacity')} />
              )}
            </FormField>
            <FormField label="Refill per second" required hint="Requests a second, sustained: 0.001 to 100,000." error={shown.refill_per_second}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode="decimal"
                  value={form.refill_per_second}
                  onChange={(e) => edit({ refill_per_second: e.target.value }, 'refill_per_second')}
                />
              )}
            </FormField>
          </div>
        )}
        <Button type="submit" variant="primary" pending={save.pending} pendingLabel="Saving…">
          Save plan
        </Button>
      </form>
      {saved && <SuccessMessage>Plan saved. The next statements are priced with it.</SuccessMessage>}
      <ErrorMessage error={save.error} title="Could not save the plan" />
    </>
  );
}

/** Deletion behind a strong confirmation: the organization's slug typed; nothing is sent before. */
function DeleteOrganization({ org, onDeleted }: { org: Organization; onDeleted(erasure: Erasure): void }) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<{ reason?: string | null; typed?: string | null }>({});
  const remove = useAction((why: string) => platformCalls(api).deleteOrganization(org.id ?? '', why));
  const slug = org.slug ?? '';
  const confirm = async () => {
    const found = {
      reason: reasonProblem(reason, false),
      typed: deletionConfirmed(typed, slug) ? null : typed.trim() ? 'That is not the organization’s slug.' : 'Type the slug to confirm.',
    };
    setErrors(found);
    if (found.reason || found.typed) return false;
    const erasure = await remove.run(reason);
    if (!erasure) return false;
    onDeleted(erasure);
    return true;
  };
  return (
    <>
      <p>
        Deleting exports what the gateway holds of the organization (its projects, members, API keys’ metadata, usage, plan and suspensions) into a
        document you can download afterwards, erases all of it in one transaction and records what was erased; the services then erase its provider
        settings and its applicants’ personal data. <strong>It cannot be undone.</strong>
      </p>
      <Confirm
        trigger="Delete organization…"
        triggerVariant="danger"
        title={`Delete ${org.name ?? slug} permanently?`}
        confirmLabel="Delete organization permanently"
        pending={remove.pending}
        pendingLabel="Deleting…"
        onConfirm={confirm}
        onOpenChange={() => {
          setReason('');
          setTyped('');
          setErrors({});
          remove.reset();
        }}
      >
        <FormField label="Reason (optional)" hint="Recorded with the erasure and in the audit trail." error={errors.reason}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              maxLength={MAX_REASON}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setErrors((x) => ({ ...x, reason: null }));
              }}
            />
          )}
        </FormField>
        <FormField
          label={
            <>
              Type the organization’s slug, <code>{slug}</code>, to confirm
            </>
          }
          required
          error={errors.typed}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                setErrors((x) => ({ ...x, typed: null }));
              }}
            />
          )}
        </FormField>
      </Confirm>
      <ErrorMessage error={remove.error} title="Could not delete the organization" />
    </>
  );
}

/** What the deletions of an organization (by id or former slug) erased, newest first, each with its export. */
function ErasureRecords({ org }: { org: string }) {
  const api = useApi();
  const records = useAsync((signal) => platformCalls(api).erasures(org, signal), [api, org]);
  const exporting = useAction(async (id: string) => {
    const { file, fileName } = await platformCalls(api).export(id);
    saveFile(file, fileName);
  });
  const list = records.data ?? [];
  return (
    <Section title="Erasure records">
      <p>What deleting the organization erased, newest first, and the export made just before: what the gateway held of it.</p>
      <ErrorMessage error={records.error} title="Could not load the erasure records" onRetry={records.reload} />
      {records.loading && !records.data && <Progress label="Loading the erasure records" />}
      {records.data && list.length === 0 && <p role="status">No deletion is recorded for this organization.</p>}
      <ErrorMessage error={exporting.error} title="Could not download the export" />
      {list.map((record, i) => (
        <Section key={`${record.org_id}:${record.erased_at}:${i}`} level={3} title={`Deleted ${formatTime(record.erased_at)}`} className="card">
          <Facts
            items={[
              ['Organization', <code key="slug">{record.slug}</code>],
              ['Id', <code key="id">{record.org_id}</code>],
              ['By', record.erased_by && <code>{record.erased_by}</code>],
              ['Reason', record.reason],
            ]}
          />
          <NumberTable
            label={`Rows erased at ${formatTime(record.erased_at)}`}
            caption="Rows erased"
            columns={['What', 'Rows']}
            rows={erasedRows(record.erased).map(([what, count]) => ({ key: what, head: what, cells: [count.toLocaleString('en')] }))}
            empty="Nothing was counted."
          />
          <div className="actions">
            <Button
              onClick={() => !exporting.pending && exporting.run(record.org_id ?? org)}
              pending={exporting.pending}
              pendingLabel="Downloading…"
              aria-label={`Download the export of ${record.slug ?? record.org_id}`}
            >
              Download the export
            </Button>
          </div>
        </Section>
      ))}
    </Section>
  );
}
