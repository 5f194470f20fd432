import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Progress } from '../../components/Progress';
import type { ProjectParam } from './useProjectParam';

/**
 * The project selector of a per-project page: the projects' load (its failure, its progress), `empty` when the
 * organization has no project yet, else a “Project” select bound to `?project=`.
 *
 *     const picker = useProjectParam(org);
 *     <ProjectPicker picker={picker} empty="Create a project first: … belong to a project." />
 */
export function ProjectPicker({ picker, empty }: { picker: ProjectParam; empty: ReactNode }) {
  const { projects, list, projectId, choose } = picker;
  return (
    <>
      <ErrorMessage error={projects.error} title="Could not load the projects" onRetry={projects.reload} />
      {projects.loading && !projects.data && <Progress label="Loading the projects" />}
      {projects.data && list.length === 0 && <p>{empty}</p>}
      {list.length > 0 && (
        <div className="toolbar">
          <FormField label="Project">
            {(control) => (
              <select {...control} value={projectId ?? ''} onChange={(e) => choose(e.target.value)}>
                {list.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.environment})
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      )}
    </>
  );
}
