import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { useAsync } from '../../hooks/useAsync';

/**
 * The organizations a platform admin filters by: their names by id (for the rows) and the options of an
 * "Organization" select, `noneLabel` ('' : all organizations) first; `list` and `orgs` are the loaded list and its
 * state. Nothing is loaded when `wanted` is false (an organization's own pages).
 */
export function useOrgChoices(wanted: boolean, selected: string, noneLabel = 'All organizations') {
  const api = useApi();
  const orgs = useAsync((signal) => (wanted ? unwrap(api.gateway.GET('/orgs', { signal })) : Promise.resolve([])), [api, wanted]);
  const names = new Map((orgs.data ?? []).map((o) => [o.id ?? '', o.name ?? o.slug ?? '']));
  const options: [string, string][] = [
    ['', noneLabel],
    ...[...names].sort(([, a], [, b]) => a.localeCompare(b)),
    // An organization from the address that the list does not (yet) have stays selectable.
    ...(selected && !names.has(selected) ? [[selected, selected] as [string, string]] : []),
  ];
  return { names, options, list: orgs.data ?? [], orgs };
}
