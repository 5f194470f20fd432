import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ApiError, problemToWords } from '../../api/problem';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { useOrgParam } from '../../tenant/params';
import { shortHex, statusWords } from './format';
import { orNotFound } from './load';
import { PagePager, StatusBadge, TableScroll } from './parts';
import { CASES_PAGE_SIZE, useKycCases } from './useKycCases';
import { CASE_STATUSES, parsePage } from './reviewQueue';
import type { OrgWallet, OrgWalletPage } from './types';
import { userRows, walletState, type UserRow } from './usersJoin';

/** The wallet listing is Dfns's, paged by Dfns: read up to this many wallets to find the page's users'. */
const WALLET_PAGES = 5;
const WALLET_PAGE_SIZE = 100;

/** `/org/:org/users`: the organization's users with their KYC, wallet and identity state. */
export default function UsersPage() {
  const org = useOrgParam();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = parsePage(params.get('page'));

  const cases = useKycCases(org, status, page);
  const wallets = useAsync(
    async (signal) => {
      const found: OrgWallet[] = [];
      let token: string | null | undefined = null;
      for (let i = 0; i < WALLET_PAGES; i++) {
        const answer: OrgWalletPage = await unwrap(
          api.wallet.GET('/orgs/{org}/wallets', {
            params: { path: { org }, query: { limit: WALLET_PAGE_SIZE, ...(token ? { page_token: token } : {}) } },
            signal,
          }),
        );
        found.push(...(answer.items ?? []));
        token = answer.next_page_token;
        if (!token) return { items: found, complete: true };
      }
      return { items: found, complete: false };
    },
    [api, org],
  );
  const members = useAsync((signal) => unwrap(api.gateway.GET('/orgs/{org}/members', { params: { path: { org } }, signal })), [api, org]);
  useNotificationEvents('wallet.', wallets.reload);

  const rows = cases.data ? userRows(cases.data.items ?? [], wallets.data?.items ?? [], members.data ?? []) : [];
  const show = (next: { status?: string; page?: number }) => {
    const query = new URLSearchParams();
    const nextStatus = next.status ?? status;
    if (nextStatus) query.set('status', nextStatus);
    if ((next.page ?? 0) > 0) query.set('page', String(next.page));
    setParams(query);
  };

  return (
    <Page
      title="Users"
      actions={
        <Button
          onClick={() => {
            cases.reload();
            wallets.reload();
          }}
        >
          Refresh
        </Button>
      }
    >
      <p>
        Everyone who started a verification, with their KYC case, their custody wallet and their on-chain identity. A user whose wallet could not be
        made can be given another try here.
      </p>
      <div className="toolbar">
        <FormField label="KYC status">
          {(control) => (
            <select {...control} value={status} onChange={(e) => show({ status: e.target.value, page: 0 })}>
              {[...CASE_STATUSES.filter(([s]) => s === ''), ...CASE_STATUSES.filter(([s]) => s !== '')].map(([value, label]) => (
                <option key={value || 'all'} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <ErrorMessage error={cases.error} title="Could not load the users’ KYC cases" onRetry={cases.reload} />
      <ErrorMessage error={wallets.error} title="Could not load the wallets (the wallet column is incomplete)" onRetry={wallets.reload} />
      {(cases.loading || wallets.loading) && <Progress label="Loading the users" />}
      {wallets.data && !wallets.data.complete && (
        <p className="muted">Only the first {WALLET_PAGES * WALLET_PAGE_SIZE} wallets were read; see Wallets for all.</p>
      )}
      {cases.data && rows.length === 0 && !cases.loading && <p>No users {status ? `with status ${statusWords(status)}` : 'yet'}.</p>}
      {rows.length > 0 && (
        <TableScroll label="Users table">
          <table>
            <caption className="visually-hidden">Users, page {page + 1}</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">KYC</th>
                <th scope="col">Wallet</th>
                <th scope="col">Identity</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <UserRowView key={row.userId} org={org} row={row} walletsComplete={wallets.data?.complete ?? false} walletsKnown={!!wallets.data} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {cases.data && (cases.data.total ?? 0) > CASES_PAGE_SIZE && (
        <PagePager page={page} size={CASES_PAGE_SIZE} total={cases.data.total ?? 0} noun="KYC cases" onPage={(p) => show({ page: p })} />
      )}
    </Page>
  );
}

function UserRowView({ org, row, walletsComplete, walletsKnown }: { org: string; row: UserRow; walletsComplete: boolean; walletsKnown: boolean }) {
  const c = row.latestCase;
  const state = walletState(row, walletsComplete);
  return (
    <tr>
      <td>
        {row.email && <div>{row.email}</div>}
        <code>{row.userId}</code>
      </td>
      <td>
        <StatusBadge status={c.status} />{' '}
        <Link to={`/org/${encodeURIComponent(org)}/reviews/${encodeURIComponent(c.case_id ?? '')}`} aria-label={`KYC case of ${row.email ?? row.userId}`}>
          case
        </Link>
        {row.caseCount > 1 && <div className="muted">{row.caseCount} cases on this page</div>}
      </td>
      <td>
        {!walletsKnown ? (
          <span className="muted">…</span>
        ) : state === 'provisioned' ? (
          <>
            <StatusBadge status="provisioned" /> <code title={row.wallet?.address}>{shortHex(row.wallet?.address)}</code>
            <div className="muted">{row.wallet?.network}</div>
          </>
        ) : state === 'not-verified' ? (
          <span className="muted">none (KYC not verified)</span>
        ) : (
          <RetryWallet org={org} userId={row.userId} label={row.email ?? row.userId} listed={state === 'missing'} />
        )}
      </td>
      <td>
        <IdentityCell userId={row.userId} />
      </td>
    </tr>
  );
}

/** A verified user without a wallet in the listing: being made, or failed for good (then an admin may retry). */
function RetryWallet({ org, userId, label, listed }: { org: string; userId: string; label: string; listed: boolean }) {
  const api = useApi();
  const [outcome, setOutcome] = useState<string | null>(null);
  const retry = useAction(async () => {
    await unwrap(api.wallet.POST('/orgs/{org}/users/{user_id}/wallet/retry', { params: { path: { org, user_id: userId } } }));
    return true;
  });
  const notFailed = retry.error instanceof ApiError && retry.error.status === 409;
  return (
    <>
      <StatusBadge status="pending" label={listed ? 'no wallet yet' : 'not in the listing read'} />
      <div className="muted">Being made, or failed for good.</div>
      <Button
        onClick={async () => {
          setOutcome(null);
          retry.reset();
          if (await retry.run()) setOutcome('Provisioning is due again: the wallet appears here once Dfns made it.');
        }}
        pending={retry.pending}
        pendingLabel="Retrying…"
        aria-label={`Retry wallet of ${label}`}
      >
        Retry wallet
      </Button>
      {outcome && (
        <p role="status" className="muted">
          {outcome}
        </p>
      )}
      {notFailed ? (
        <p role="status" className="muted">
          Nothing to retry: this wallet has not failed (it is still being made, or it exists).
        </p>
      ) : (
        retry.error != null && (
          <p role="alert" className="field-error">
            {problemToWords(retry.error).message}
          </p>
        )
      )}
    </>
  );
}

function IdentityCell({ userId }: { userId: string }) {
  const api = useApi();
  const identity = useAsync((signal) => orNotFound(unwrap(api.identity.GET('/identities/{user}', { params: { path: { user: userId } }, signal }))), [api, userId]);
  if (identity.loading && identity.data === undefined) return <span className="muted">loading…</span>;
  if (identity.error) {
    return (
      <span className="field-error" role="alert">
        {problemToWords(identity.error).message}
      </span>
    );
  }
  const data = identity.data;
  if (!data) return <span className="muted">none yet</span>;
  const claim = data.claims?.[0];
  return (
    <>
      <StatusBadge status={data.status} />{' '}
      {data.identity_address && <code title={data.identity_address}>{shortHex(data.identity_address)}</code>}
      <div className="muted">KYC claim: {claim ? statusWords(claim.status) : 'none yet'}</div>
    </>
  );
}
