import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { useAsync } from '../../hooks/useAsync';

/** Cases a page of the organization's KYC cases holds. */
export const CASES_PAGE_SIZE = 20;

/** One page of the organization's KYC cases, of one status or of all (''), as the review queue lists them. */
export function useKycCases(org: string, status: string, page: number) {
  const api = useApi();
  return useAsync(
    (signal) =>
      unwrap(
        api.compliance.GET('/orgs/{org}/kyc/cases', {
          params: { path: { org }, query: { ...(status ? { status } : {}), page, size: CASES_PAGE_SIZE } },
          signal,
        }),
      ),
    [api, org, status, page],
  );
}
