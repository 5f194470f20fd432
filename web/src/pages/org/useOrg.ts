import { useTenant, type Organization } from '../../tenant/TenantContext';
import { useOrgParam } from '../../tenant/params';

/**
 * The organization of an `/org/:org/…` page: the path's slug or id, and the organization as `GET /orgs`
 * listed it. Most services take either in their paths; the webhook endpoints' want the id.
 */
export function useOrg(): { ref: string; id: string; org: Organization | null } {
  const ref = useOrgParam();
  const { orgs } = useTenant();
  const org = orgs.find((o) => o.slug === ref || o.id === ref) ?? null;
  return { ref, id: org?.id ?? ref, org };
}
