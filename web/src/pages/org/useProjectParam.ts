import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import type { Project } from './types';

/** The organization's projects and the one a per-project page shows, kept in the address (`?project=…`). */
export interface ProjectParam {
  /** The load of `GET /orgs/{org}/projects`. */
  projects: AsyncState<Project[]>;
  /** The projects loaded so far (none while loading or after a failure). */
  list: Project[];
  /** The `?project=` of the address, else the first project's, else null. */
  projectId: string | null;
  /** The project of `projectId` when it is in the list, else null. */
  project: Project | null;
  /** Shows another project (replaces the search parameters with `?project=id`). */
  choose(id: string): void;
}

/** Loads the projects of `org` (its slug or id, as in the page's path) and picks the current one: pass the answer to <ProjectPicker>. */
export function useProjectParam(org: string): ProjectParam {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const projects = useAsync<Project[]>(
    (signal) => unwrap(api.gateway.GET('/orgs/{org}/projects', { params: { path: { org } }, signal })),
    [api, org],
  );
  const list = projects.data ?? [];
  const projectId = params.get('project') ?? list[0]?.id ?? null;
  const project = list.find((p) => p.id === projectId) ?? null;
  return { projects, list, projectId, project, choose: (id) => setParams({ project: id }) };
}
