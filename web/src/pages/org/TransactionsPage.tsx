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
import { explorerUrl, formatTime, shortHex, statusWords } from './format';
import { StatusBadge, TableScroll, TokenPager, useTokenPages } from './parts';
import { TransferAmount } from './TransferAmount';

const PAGE_SIZE = 25;

/** `/org/:org/transactions`: the organization's transfers, oldest first, with their status and transaction. */
export default function TransactionsPage() {
  const org = useOrgParam();
  const api = useApi();
  const config = useConfig();
  const pages = useTokenPages();
  const transfers = useAsync(
    (signal) =>
      unwrap(
        api.wallet.GET('/orgs/{org}/transactions', {
          params: { path: { org }, query: { limit: PAGE_SIZE, ...(pages.token ? { page_token: pages.token } : {}) } },
          signal,
        }),
      ),
    [api, org, pages.token],
  );
  useNotificationEvents('transfer.', transfers.reload);
  const items = transfers.data?.items ?? [];

  return (
    <Page title="Transactions" actions={<Button onClick={transfers.reload}>Refresh</Button>}>
      <p>Transfers out of your users’ wallets, oldest first.</p>
      <ErrorMessage error={transfers.error} title="Could not load the transactions" onRetry={transfers.reload} />
      {transfers.loading && <Progress label="Loading the transactions" />}
      {transfers.data && items.length === 0 && !transfers.loading && <p>No transfers yet.</p>}
      {items.length > 0 && (
        <TableScroll label="Transactions table">
          <table>
            <caption className="visually-hidden">Transactions, page {pages.index + 1}</caption>
            <thead>
              <tr>
                <th scope="col">Requested</th>
                <th scope="col">User</th>
                <th scope="col">Amount</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Transaction</th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => {
                const link = explorerUrl(config.chain.explorer_tx_url, 'hash', t.tx_hash);
                return (
                  <tr key={t.transfer_id}>
                    <td className="nowrap">{formatTime(t.created_at)}</td>
                    <td>
                      <code title={t.user_id}>{t.user_id}</code>
                    </td>
                    <td>
                      <TransferAmount transfer={t} />
                    </td>
                    <td>
                      <code>{t.to}</code>
                    </td>
                    <td>
                      <StatusBadge status={t.status} />
                      {t.status === 'rejected' && t.decision_reason && <div className="muted">Reason: {t.decision_reason}</div>}
                      {t.status === 'failed' && t.reason && <div className="muted">{statusWords(t.reason)}</div>}
                    </td>
                    <td>
                      {t.tx_hash ? (
                        link ? (
                          <a href={link} target="_blank" rel="noreferrer">
                            <code>{shortHex(t.tx_hash)}</code>
                          </a>
                        ) : (
                          <code title={t.tx_hash}>{shortHex(t.tx_hash)}</code>
                        )
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {(pages.index > 0 || transfers.data?.next_page_token) && (
        <TokenPager index={pages.index} nextToken={transfers.data?.next_page_token} noun="transactions" onNext={pages.next} onPrevious={pages.previous} />
      )}
    </Page>
  );
}
