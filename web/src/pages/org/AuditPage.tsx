import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import {
  actorKindLabel,
  AUDIT_SERVICES,
  auditCalls,
  auditFilterParams,
  auditRangeProblem,
  changedFields,
  changeValueText,
  parseAuditFilters,
  saveFile,
  type AuditEntry,
  type AuditFilters,
  type AuditScope,
} from './audit';
import { FilterSelect } from './CaseQueue';
import { formatTime, shortId } from './format';
import { Facts, StatusBadge, TableScroll } from './parts';
import { RangeForm } from './reportParts';
import { useOrgChoices } from './useOrgChoices';

/** `/org/:org/audit`: the organization's audit trail (its admins). */
export default function AuditPage() {
  const org = useOrgParam();
  return <AuditTrail scope={org} />;
}

/** `/platform/audit`: every organization's audit trail, and the platform's own (platform admins). */
export function PlatformAuditPage() {
  return <AuditTrail scope={null} />;
}

const SERVICE_OPTIONS = [['', 'All services'], ...AUDIT_SERVICES.map((s) => [s, s] as const)] as const;

function AuditTrail({ scope }: { scope: AuditScope }) {
  const api = useApi();
  const calls = auditCalls(api, scope);
  const [params, setParams] = useSearchParams();
  const filters = parseAuditFilters(params);
  const filterKey = auditFilterParams(filters).toString();
  const platform = scope === null;
  const { names: orgNames, options: orgOptions } = useOrgChoices(platform, filters.org);

  const trail = useAsync((signal) => calls.search(filters, null, signal), [api, scope, filterKey]);
  const more = useAction((token: string) => calls.search(filters, token));
  const exporting = useAction(async () => {
    const { csv, fileName } = await calls.exportCsv(filters);
    saveFile(csv, fileName);
  });

  const show = (next: AuditFilters) => {
    more.reset();
    setParams(auditFilterParams(next));
  };
  const loadMore = async () => {
    const shown = trail.data;
    if (!shown?.next_page_token) return;
    const page = await more.run(shown.next_page_token);
    if (!page) return;
    // A page asked for before the list was loaded again (other filters, Refresh) belongs to the old list: dropped.
    trail.setData((current = shown) =>
      current === shown ? { entries: [...(shown.entries ?? []), ...(page.entries ?? [])], next_page_token: page.next_page_token } : current,
    );
  };

  const entries = trail.error ? [] : (trail.data?.entries ?? []);
  const filtered = filterKey !== '';
  return (
    <Page
      title={platform ? 'Platform audit trail' : 'Audit trail'}
      actions={
        <>
          <Button onClick={() => exporting.run()} pending={exporting.pending} pendingLabel="Exporting…">
            Export CSV
          </Button>
          <Button onClick={trail.reload}>Refresh</Button>
        </>
      }
    >
      <p>
        {platform ? 'What every organization’s admins, API keys and the platform did' : 'What your organization’s admins and API keys did'}, as
        each service recorded it, newest first: who, what, on what, from where, and what the action changed (secrets are masked). From and To are
        UTC days, both included. The export has every entry of the filters shown.
      </p>
      <AuditFilterForm
        filters={filters}
        orgOptions={platform ? orgOptions : null}
        pending={trail.loading}
        onShow={show}
      />
      <ErrorMessage error={exporting.error} title="Could not export the audit trail" />
      <ErrorMessage error={trail.error} title="Could not load the audit trail" onRetry={trail.reload} />
      {trail.loading && <Progress label="Loading the audit trail" />}
      {trail.data && !trail.error && entries.length === 0 && !trail.loading && (
        <p role="status">{filtered ? 'No entries match these filters.' : 'Nothing has been recorded yet.'}</p>
      )}
      {entries.length > 0 && (
        <TableScroll label="Audit trail table">
          <table>
            <caption className="visually-hidden">Audit entries, {entries.length} loaded</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Service</th>
                {platform && <th scope="col">Organization</th>}
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Source IP</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow
                  key={`${entry.service}:${entry.seq}`}
                  entry={entry}
                  organization={platform ? organizationName(entry.org_id, orgNames) : undefined}
                  columns={platform ? 8 : 7}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ErrorMessage error={more.error} title="Could not load more entries" onRetry={loadMore} />
      {trail.data?.next_page_token && !trail.loading && !trail.error && (
        <div className="actions">
          <Button onClick={loadMore} pending={more.pending} pendingLabel="Loading more…">
            Load more entries
          </Button>
        </div>
      )}
    </Page>
  );
}

/** The entry's organization by name where the list has it; no organization is the platform's own entry. */
function organizationName(orgId: string | null | undefined, names: Map<string, string>) {
  if (!orgId) return <span className="muted">Platform</span>;
  return names.get(orgId) ?? <code title={orgId}>{shortId(orgId)}</code>;
}

/** The filters as typed, until Show puts them in the address, which the list follows. */
function AuditFilterForm({
  filters,
  orgOptions,
  pending,
  onShow,
}: {
  filters: AuditFilters;
  /** The organizations to choose from (platform admins), or null. */
  orgOptions: readonly (readonly [string, string])[] | null;
  pending: boolean;
  onShow(filters: AuditFilters): void;
}) {
  const [draft, setDraft] = useState(filters);
  const [errors, setErrors] = useState<{ to?: string }>({});
  // When the address changes otherwise (Back, a link), the form shows what the list now follows; a remount would
  // take the focus away from Show.
  const addressed = auditFilterParams(filters).toString();
  const [shownAddress, setShownAddress] = useState(addressed);
  if (shownAddress !== addressed) {
    setShownAddress(addressed);
    setDraft(filters);
    setErrors({});
  }
  const change = (next: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...next }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = auditRangeProblem(draft.from, draft.to);
    setErrors(problem ? { [problem.field]: problem.message } : {});
    if (!problem) onShow(draft);
  };
  const text = (name: 'actor' | 'action' | 'target', label: string, hint: string) => (
    <FormField label={label} hint={hint}>
      {(control) => (
        <input {...control} type="text" spellCheck={false} maxLength={256} value={draft[name]} onChange={(e) => change({ [name]: e.target.value })} />
      )}
    </FormField>
  );
  return (
    <RangeForm label="Audit trail filters" draft={draft} onDraft={change} errors={errors} pending={pending} onSubmit={submit}>
      {text('actor', 'Actor', 'A user id or an API key id.')}
      {text('action', 'Action', 'An action (api-key.created), or a prefix ending in * (api-key.*).')}
      {text('target', 'Target', 'type/id (project/…), or a type or an id alone.')}
      <FilterSelect label="Service" value={draft.service} options={SERVICE_OPTIONS} onChange={(service) => change({ service })} />
      {orgOptions && <FilterSelect label="Organization" value={draft.org} options={orgOptions} onChange={(org) => change({ org })} />}
    </RangeForm>
  );
}

/** `organization` is the platform's column only. */
function AuditRow({ entry, organization, columns }: { entry: AuditEntry; organization?: ReactNode; columns: number }) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const time = formatTime(entry.occurred_at);
  return (
    <>
      <tr>
        <td className="nowrap">
          <time dateTime={entry.occurred_at} title={entry.occurred_at}>
            {time}
          </time>
        </td>
        <td>{entry.service}</td>
        {organization !== undefined && <td>{organization}</td>}
        <td>
          <code>{entry.actor_subject}</code> <span className="muted">{actorKindLabel(entry.actor_kind)}</span>
        </td>
        <td>
          <code>{entry.action}</code>
          {entry.outcome && entry.outcome !== 'success' && (
            <>
              {' '}
              <StatusBadge status={entry.outcome} />
            </>
          )}
        </td>
        <td>
          {entry.target_type} {entry.target_id && <code>{entry.target_id}</code>}
        </td>
        <td>{entry.source_ip ? <code>{entry.source_ip}</code> : <span className="muted">none</span>}</td>
        <td>
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={`${expanded ? 'Hide' : 'Show'} details of ${entry.action} at ${time}`}
            onClick={() => setExpanded((e) => !e)}
          >
            {expanded ? 'Hide details' : 'Show details'}
          </button>
        </td>
      </tr>
      {expanded && (
        <tr id={detailsId} className="audit-details">
          <td colSpan={columns}>
            <AuditEntryDetails entry={entry} />
          </td>
        </tr>
      )}
    </>
  );
}

function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  const fields = changedFields(entry.changes);
  return (
    <>
      {fields.length > 0 ? (
        <table className="table-compact audit-changes">
          <caption>Changes of {entry.action}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">
                  <code>{f.field}</code>
                </th>
                <ChangeValue value={f.before} />
                <ChangeValue value={f.after} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{entry.changes ? 'No recorded field changed.' : 'No changes were recorded with this action.'}</p>
      )}
      <Facts
        items={[
          ['Outcome', <StatusBadge key="outcome" status={entry.outcome} />],
          ['Roles', (entry.actor_roles ?? []).join(', ')],
          ['Project', entry.project_id && <code>{entry.project_id}</code>],
          ['User agent', entry.user_agent],
          ['Entry', `${entry.service} #${entry.seq}`],
        ]}
      />
    </>
  );
}

function ChangeValue({ value }: { value: unknown }) {
  const text = changeValueText(value);
  return <td>{text === null ? <span className="muted">absent</span> : <code className="audit-value">{text}</code>}</td>;
}
