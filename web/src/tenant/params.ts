import { useParams } from 'react-router';

/** A required route parameter (`:org`, `:caseId`, `:project`) of the current page. */
export function useRequiredParam(name: string): string {
  const value = useParams()[name];
  if (!value) throw new Error(`route without :${name}`);
  return value;
}

/** The organization of an `/org/:org/…` page (its slug or id, as the API accepts both). */
export function useOrgParam(): string {
  return useRequiredParam('org');
}
