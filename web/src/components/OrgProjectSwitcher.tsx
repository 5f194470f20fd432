import { useLocation, useNavigate } from 'react-router';
import { useApi, useProjectSelection } from '../api/ApiContext';
import { unwrap } from '../api/client';
import { useAsync } from '../hooks/useAsync';
import { useTenant } from '../tenant/TenantContext';

/**
 * The organization and project the console acts in. The project is sent as `Attest-Project`; "Default"
 * lets the gateway choose (the organization's only project).
 */
export function OrgProjectSwitcher() {
  const api = useApi();
  const { orgs, org, selectOrg } = useTenant();
  const [projectId, setProjectId] = useProjectSelection();
  const location = useLocation();
  const navigate = useNavigate();
  const orgSlug = org?.slug ?? null;

  const projects = useAsync(
    async (signal) =>
      orgSlug ? unwrap(api.gateway.GET('/orgs/{org}/projects', { params: { path: { org: orgSlug } }, signal })) : [],
    [api, orgSlug],
  );

  if (!org) return null;

  const changeOrg = (slug: string) => {
    selectOrg(slug);
    // On an organization page, show the same page of the other organization.
    const match = /^\/org\/[^/]+(\/[^/]+)?/.exec(location.pathname);
    if (match) navigate(`/org/${encodeURIComponent(slug)}${match[1] ?? ''}`);
  };

  return (
    <div className="switcher">
      {orgs.length > 1 ? (
        <label>
          Organization{' '}
          <select value={org.slug} onChange={(event) => changeOrg(event.target.value)}>
            {orgs.map((o) => (
              <option key={o.id} value={o.slug}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span>{org.name}</span>
      )}
      {(projects.data?.length ?? 0) > 1 && (
        <label>
          Project{' '}
          <select value={projectId ?? ''} onChange={(event) => setProjectId(event.target.value || null)}>
            <option value="">Default</option>
            {projects.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.environment})
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
