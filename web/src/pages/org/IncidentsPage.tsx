import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useAsync } from '../../hooks/useAsync';
import { useOrgParam } from '../../tenant/params';
import { CaseQueue, FilterSelect } from './CaseQueue';
import { formatTime, shortId } from './format';
import {
  DETECTORS,
  detectorLabel,
  incidentCalls,
  incidentFilterParams,
  incidentPath,
  INCIDENT_STATUSES,
  INCIDENTS_PAGE_SIZE,
  parseIncidentFilters,
  type IncidentFilters,
  type IncidentScope,
} from './incidents';
import { SeverityBadge } from './IncidentParts';
import { StatusBadge, TokenPager } from './parts';
import { useOrgChoices } from './useOrgChoices';

/** `/org/:org/incidents`: the organization's security incidents (its admins). */
export default function IncidentsPage() {
  const org = useOrgParam();
  return <Incidents scope={org} />;
}

/** `/platform/incidents`: every organization's security incidents, and the platform's own (platform admins). */
export function PlatformIncidentsPage() {
  return <Incidents scope={null} />;
}

const ALL_DETECTORS = [['', 'All detectors'], ...DETECTORS] as const;

function Incidents({ scope }: { scope: IncidentScope }) {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const filters = parseIncidentFilters(params);
  const show = (change: Partial<IncidentFilters>) => setParams(incidentFilterParams({ ...filters, page: 0, ...change }));

  const incidents = useAsync(
    (signal) => incidentCalls(api, scope).list(filters, signal),
    [api, scope, filters.status, filters.detector, filters.org, filters.page],
  );
  const platform = scope === null;
  const { names: orgNames, options: orgOptions } = useOrgChoices(platform, filters.org);

  const items = incidents.data ?? [];
  const statusLabel = INCIDENT_STATUSES.find(([s]) => s === filters.status)?.[1] ?? filters.status;
  return (
    <Page title="Security incidents" actions={<Button onClick={incidents.reload}>Refresh</Button>}>
      <p>
        {platform ? 'Every organization’s security incidents' : 'Security incidents of your organization'}, newest first. The
        gateway opens one per attack it detects (bad webhook signatures, API key misuse, cross-tenant probing, sign-in and
        rate-limit abuse, unusual transfers); open one to see its evidence and respond.
      </p>
      <CaseQueue
        filter={filters.status}
        filterLabel="Show incidents"
        options={INCIDENT_STATUSES}
        onFilter={(status) => show({ status: status as IncidentFilters['status'] })}
        moreFilters={
          <>
            <FilterSelect label="Detector" value={filters.detector} options={ALL_DETECTORS} onChange={(detector) => show({ detector })} />
            {platform && <FilterSelect label="Organization" value={filters.org} options={orgOptions} onChange={(org) => show({ org })} />}
          </>
        }
        noun="incidents"
        error={incidents.error}
        loading={incidents.loading}
        loaded={Boolean(incidents.data)}
        onRetry={incidents.reload}
        empty={filters.status === 'open' && !filters.detector && !filters.org ? 'No open incident.' : 'No incidents match these filters.'}
        tableLabel="Incidents table"
        caption={<>Incidents: {statusLabel}</>}
        columns={['Severity', 'Incident', 'Detector', 'Subject', ...(platform ? ['Organization'] : []), 'Signals', 'Last signal', 'Status']}
        items={items}
        row={(incident) => (
          <tr key={incident.id}>
            <td>
              <SeverityBadge severity={incident.severity} />
            </td>
            <td>
              <Link to={incidentPath(scope, incident.id ?? '')}>{incident.summary || shortId(incident.id)}</Link>
            </td>
            <td>{detectorLabel(incident.detector)}</td>
            <td>
              <code>{incident.subject}</code>
            </td>
            {platform && (
              <td>{incident.org_id ? (orgNames.get(incident.org_id) ?? <code>{shortId(incident.org_id)}</code>) : <span className="muted">none</span>}</td>
            )}
            <td className="num">{(incident.signal_count ?? 0).toLocaleString()}</td>
            <td className="nowrap">{formatTime(incident.last_signal_at)}</td>
            <td>
              <StatusBadge status={incident.status} />
            </td>
          </tr>
        )}
      />
      {(filters.page > 0 || items.length === INCIDENTS_PAGE_SIZE) && (
        <TokenPager
          index={filters.page}
          nextToken={items.length === INCIDENTS_PAGE_SIZE ? String(filters.page + 1) : null}
          noun="incidents"
          onNext={(token) => show({ page: Number(token) })}
          onPrevious={() => show({ page: filters.page - 1 })}
        />
      )}
    </Page>
  );
}
