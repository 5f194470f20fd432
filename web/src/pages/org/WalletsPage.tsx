import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useConfig } from '../../config/ConfigContext';
import { useAsync } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { useOrgParam } from '../../tenant/params';
import { explorerUrl } from './format';
import { StatusBadge, TableScroll, TokenPager, useTokenPages } from './parts';

const PAGE_SIZE = 25;

/** `/org/:org/wallets`: the organization's custody wallets as Dfns lists them, with their users. */
export default function WalletsPage() {
  const org = useOrgParam();
  const api = useApi();
  const config = useConfig();
  const pages = useTokenPages();
  const wallets = useAsync(
    (signal) =>
      unwrap(
        api.wallet.GET('/orgs/{org}/wallets', {
          params: { path: { org }, query: { limit: PAGE_SIZE, ...(pages.token ? { page_token: pages.token } : {}) } },
          signal,
        }),
      ),
    [api, org, pages.token],
  );
  useNotificationEvents('wallet.', wallets.reload);
  const items = wallets.data?.items ?? [];

  return (
    <Page title="Wallets" actions={<Button onClick={wallets.reload}>Refresh</Button>}>
      <p>
        The custody wallets of your organization’s users, as your Dfns account lists them. A user gets a wallet once their KYC is verified; a provisioning
        that failed can be retried from <em>Users</em>.
      </p>
      <ErrorMessage error={wallets.error} title="Could not load the wallets" onRetry={wallets.reload} />
      {wallets.loading && <Progress label="Loading the wallets from Dfns" />}
      {wallets.data && items.length === 0 && !wallets.loading && <p>No wallets yet.</p>}
      {items.length > 0 && (
        <TableScroll label="Wallets table">
          <table>
            <caption className="visually-hidden">Wallets, page {pages.index + 1}</caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Network</th>
                <th scope="col">Dfns status</th>
                <th scope="col">User</th>
                <th scope="col">Wallet ID</th>
              </tr>
            </thead>
            <tbody>
              {items.map((w) => {
                const link = explorerUrl(config.chain.explorer_address_url, 'address', w.address);
                return (
                  <tr key={w.provider_wallet_id ?? w.address}>
                    <td>
                      {link ? (
                        <a href={link} target="_blank" rel="noreferrer">
                          <code>{w.address}</code>
                        </a>
                      ) : (
                        <code>{w.address}</code>
                      )}
                    </td>
                    <td>{w.network}</td>
                    <td>
                      <StatusBadge status={w.provider_status?.toLowerCase()} label={w.provider_status ?? 'unknown'} />
                    </td>
                    <td>{w.user_id ? <code>{w.user_id}</code> : <span className="muted">not an Attest user’s wallet</span>}</td>
                    <td>
                      <code title={w.provider_wallet_id ?? undefined}>{w.wallet_id ?? w.provider_wallet_id}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {(pages.index > 0 || wallets.data?.next_page_token) && (
        <TokenPager index={pages.index} nextToken={wallets.data?.next_page_token} noun="wallets" onNext={pages.next} onPrevious={pages.previous} />
      )}
    </Page>
  );
}
