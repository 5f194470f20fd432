import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { SponsoredTransfer } from '../../components/SponsoredTransfer';
import { useConfig } from '../../config/ConfigContext';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { useOrgParam } from '../../tenant/params';
import { explorerUrl, formatTime, shortHex, statusWords } from './format';
import { StatusBadge, TableScroll } from './parts';
import { appendTransfers, loadTransfers, transferKey } from './transactions';
import { TransferAmount } from './TransferAmount';

const PAGE_SIZE = 25;

/**
 * `/org/:org/transactions`: the organization's transfers as its Dfns account lists them, wallet by wallet
 * in Dfns's order, with their status and transaction; "Load more" goes on where the listing stopped.
 * Transfers made outside Attest are listed too, without a user.
 */
export default function TransactionsPage() {
  const org = useOrgParam();
  const api = useApi();
  const config = useConfig();
  const page = (token: string | null, signal?: AbortSignal) =>
    unwrap(
      api.wallet.GET('/orgs/{org}/transactions', {
        params: { path: { org }, query: { limit: PAGE_SIZE, ...(token ? { page_token: token } : {}) } },
        signal,
      }),
    );
  const transfers = useAsync((signal) => loadTransfers(null, (token) => page(token, signal)), [api, org]);
  // A "Load more" that finishes after the list started again belongs to the old list: it is dropped.
  const generation = useRef(0);
  const more = useAction(async (token: string) => ({ answer: await loadTransfers(token, (t) => page(t)), generation: generation.current }));
  const [extended, setExtended] = useState(false);
  const [stale, setStale] = useState(false);

  const restart = () => {
    generation.current += 1;
    setExtended(false);
    setStale(false);
    more.reset();
    transfers.reload();
  };
  // Live: the first load follows each change; once more was loaded, reloading would drop it, so the page
  // says that the list changed instead.
  useNotificationEvents('transfer.', () => (extended ? setStale(true) : transfers.reload()));

  const loadMore = async () => {
    const next = transfers.data?.next;
    if (!next) return;
    const loaded = await more.run(next);
    if (!loaded || loaded.generation !== generation.current) return;
    transfers.setData((current) => (current ? appendTransfers(current, loaded.answer) : loaded.answer));
    setExtended(true);
  };

  const data = transfers.data;
  const items = data?.items ?? [];
  const approvals = `/org/${encodeURIComponent(org)}/approvals`;

  return (
    <Page title="Transactions" actions={<Button onClick={restart}>Refresh</Button>}>
      <p>
        Transfers out of your users’ wallets as your Dfns account lists them: wallet by wallet, in Dfns’s order. Transfers made outside Attest with
        the same Dfns account are listed too. Transfers waiting for an admin are on <Link to={approvals}>Transfer approvals</Link>; a transfer an admin
        rejected was never sent to Dfns, so it is not listed here.
      </p>
      <ErrorMessage error={transfers.error} title="Could not load the transactions" onRetry={restart} />
      {stale && (
        <div role="status" className="alert alert-warning">
          Transfers have changed since this list was loaded.{' '}
          <Button onClick={restart} variant="primary">
            Load the list again
          </Button>
        </div>
      )}
      {transfers.loading && <Progress label="Loading the transactions from Dfns" />}
      {data && items.length === 0 && !transfers.loading && (
        <p>{data.next ? 'No transfers in the wallets looked through so far: Dfns has more wallets to look through.' : 'No transfers yet.'}</p>
      )}
      {items.length > 0 && (
        <TableScroll label="Transactions table">
          <table>
            <caption className="visually-hidden">Transactions, {items.length} loaded</caption>
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
                  <tr key={transferKey(t)}>
                    <td className="nowrap">{formatTime(t.created_at)}</td>
                    <td>
                      {t.user_id != null ? (
                        <code title={t.user_id}>{t.user_id}</code>
                      ) : (
<span className="muted">made outside Attest</span>
                      )}
                    </td>
                    <td>
                      <TransferAmount transfer={t} />
                    </td>
                    <td>
                      <code>{t.to}</code>
                    </td>
                    <td>
                      <StatusBadge status={t.status} />
                      {t.status === 'failed' && t.reason && <div className="muted">{statusWords(t.reason)}</div>}
                      <SponsoredTransfer transfer={t} />
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
      <ErrorMessage error={more.error} title="Could not load more transactions" onRetry={loadMore} />
      {data?.next && !transfers.loading && (
        <div className="actions">
          <Button onClick={loadMore} pending={more.pending} pendingLabel="Loading more…">
            Load more transactions
          </Button>
        </div>
      )}
    </Page>
  );
}
