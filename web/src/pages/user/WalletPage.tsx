import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { MyWalletWithSponsorship, SmartAccount } from '../../api/additions';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ApiError, problemToWords } from '../../api/problem';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { SponsoredTransfer } from '../../components/SponsoredTransfer';
import { useAction, useAsync, type AsyncState } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { ETH_DECIMALS, formatUnitsSafe } from './amounts';
import type { Tone } from './kyc';
import { walletStatusWords } from './overview';
import { explainSponsorshipRefusal, sponsorshipUnavailable } from './sponsorship';
import type { components } from '../../api/generated/wallet-service';

type WalletAssets = components['schemas']['WalletAssetsView'];
import { Address, Hex, StatusTag, TxHash, When, usePolling } from './parts';
import {
  SubmissionKeys,
  checkTransfer,
  isFinalTransfer,
  tokenDecimals,
  transferStatusWords,
  type Asset,
  type Transfer,
  type TransferErrors,
  type TransferForm,
} from './transfer';

const POLL_MS = 2000;
const HISTORY_PAGE = 20;

function transferTone(status: string | null | undefined): Tone {
  if (status === 'confirmed') return 'success';
  if (status === 'failed' || status === 'rejected') return 'danger';
  if (status === 'awaiting_approval') return 'warning';
  return 'info';
}

function TransferStatus({ transfer }: { transfer: Transfer }) {
  return <StatusTag tone={transferTone(transfer.status)}>{transferStatusWords(transfer.status)}</StatusTag>;
}

/** An amount of a transfer or an asset in its unit. */
function amountText(amount: string | null | undefined, kind: string | null | undefined, assets: readonly Asset[] | undefined, contract?: string | null) {
  if (kind === 'erc20') {
    const asset = assets?.find((a) => a.kind === 'erc20' && a.contract?.toLowerCase() === contract?.toLowerCase());
    return `${formatUnitsSafe(amount, asset?.decimals ?? ETH_DECIMALS)} ${asset?.symbol ?? 'tokens'}`;
  }
  return `${formatUnitsSafe(amount, ETH_DECIMALS)} ETH`;
}

function Balances({ assets }: { assets: AsyncState<WalletAssets> }) {
  const list = assets.data?.assets ?? [];
  return (
    <section aria-labelledby="wallet-balance" className="card">
      <div className="section-header">
        <h2 id="wallet-balance">Balance</h2>
        <Button onClick={assets.reload} pending={assets.loading && !!assets.data} pendingLabel="Refreshing…">
          Refresh balance
        </Button>
      </div>
      {assets.loading && !assets.data && <Progress label="Asking the custody provider for your balance" />}
      <ErrorMessage error={assets.error} title="Could not load your balance" onRetry={assets.reload} />
      {assets.data &&
        (list.length === 0 ? (
          <p>No assets yet.</p>
        ) : (
          <ul className="plain-list">
            {list.map((asset) => (
              <li key={`${asset.kind}-${asset.contract ?? asset.symbol}`}>
                <strong className="balance">
                  {formatUnitsSafe(asset.balance, asset.decimals)} {asset.symbol}
                </strong>{' '}
                {asset.kind === 'erc20' && asset.contract && (
                  <span className="muted">
                    token <code>{asset.contract}</code>
                    {asset.verified === false && ' (not verified)'}
                  </span>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** The transfer just sent, followed live until it is final (notifications, and a poll every 2 s meanwhile). */
function CurrentTransfer({ walletId, initial, assets }: { walletId: string; initial: Transfer; assets?: Asset[] }) {
  const api = useApi();
  const transferId = initial.transfer_id ?? '';
  const transfer = useAsync(
    async (signal) =>
      unwrap(
        api.wallet.GET('/wallets/{wallet_id}/transfers/{transfer_id}', {
          params: { path: { wallet_id: walletId, transfer_id: transferId } },
          signal,
        }),
      ),
    [api, walletId, transferId],
  );
  const current: Transfer = transfer.data ?? initial;
  const final = isFinalTransfer(current.status);
  useNotificationEvents('transfer.', transfer.reload);
  usePolling(transfer.reload, POLL_MS, !final && !transfer.loading);
  return (
    <section aria-labelledby="current-transfer" className="card">
      <h2 id="current-transfer">Your transfer</h2>
      <p className="status-line" aria-live="polite">
        <TransferStatus transfer={current} />
      </p>
      {!final && <Progress label="Following your transfer" patienceMs={10_000} />}
      <SponsoredTransfer transfer={current} />
      <dl className="facts">
        <dt>Amount</dt>
        <dd>{amountText(current.amount, current.kind, assets, current.contract)}</dd>
        {current.sponsored && current.from_address && (
          <>
            <dt>From (your smart account)</dt>
            <dd>
              <code>{current.from_address}</code>
            </dd>
          </>
        )}
        <dt>To</dt>
        <dd>
          <code>{current.to}</code>
        </dd>
        <dt>Transaction</dt>
        <dd>
          <TxHash hash={current.tx_hash} />
        </dd>
        {current.reason && (
          <>
            <dt>Reason</dt>
            <dd>{current.reason}</dd>
          </>
        )}
        {current.decision_reason && (
          <>
            <dt>Administrator’s reason</dt>
            <dd>{current.decision_reason}</dd>
          </>
        )}
      </dl>
      <ErrorMessage error={transfer.error} title="Could not load the transfer’s status" onRetry={transfer.reload} />
    </section>
  );
}

const EMPTY_FORM: TransferForm = { kind: 'native', to: '', amount: '', contract: '', sponsored: false };

/** Sponsored gas as the wallet answers it: the smart account (null until derived) and why sponsorship is not available. */
interface GasSponsorship {
  smartAccount: SmartAccount | null;
  /** null when available. */
  unavailable: string | null;
}

/** "Pay gas with sponsorship", disabled with the reason while sponsored gas is not available. */
function SponsoredOption({ checked, unavailable, onChange }: { checked: boolean; unavailable: string | null; onChange(checked: boolean): void }) {
  const hintId = useId();
  return (
    <div className="field field-checkbox">
      <label>
        <input
          type="checkbox"
          name="sponsored"
          checked={checked && unavailable === null}
          disabled={unavailable !== null}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        Pay gas with sponsorship
      </label>
      <p id={hintId} className="field-hint">
        {unavailable ?? 'Sent from your smart account; your organization pays the gas.'}
      </p>
    </div>
  );
}

function TransferFormSection({
  walletId,
  assets,
  sponsorship,
  onSent,
}: {
  walletId: string;
  assets?: Asset[];
  sponsorship: GasSponsorship;
  onSent(transfer: Transfer): void;
}) {
  const api = useApi();
  const [form, setForm] = useState<TransferForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<TransferErrors>({});
  const keys = useRef(new SubmissionKeys());
  const send = useAction(async (body: ReturnType<typeof checkTransfer> & { ok: true }) => {
    const key = keys.current.keyFor(body.request);
    // The document states no body for the answer (202 or 200): it is the transfer (TransferView).
    const answer = await unwrap(
      api.wallet.POST('/wallets/{wallet_id}/transfers', {
        params: { path: { wallet_id: walletId }, header: { 'Idempotency-Key': key } },
        body: body.request,
      }),
    );
    return answer as Transfer;
  });
  const served = problemToWords(send.error).fields;
  const decimals = form.kind === 'erc20' ? tokenDecimals(assets, form.contract) : ETH_DECIMALS;
  const unit = form.kind === 'erc20' ? (assets?.find((a) => a.contract?.toLowerCase() === form.contract.trim().toLowerCase())?.symbol ?? 'tokens') : 'ETH';

  const change = (patch: Partial<TransferForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setErrors((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(patch)) delete next[key as keyof TransferErrors];
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sponsored = !!form.sponsored && sponsorship.smartAccount !== null && sponsorship.unavailable === null;
    const checked = checkTransfer({ ...form, sponsored }, decimals);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const transfer = await send.run(checked);
    if (transfer) {
      keys.current.done();
      setForm(EMPTY_FORM);
      onSent(transfer);
    }
  };

  const conflict = send.error instanceof ApiError && send.error.status === 409 && send.error.slug === 'idempotency-key-reused';

  return (
    <section aria-labelledby="wallet-transfer" className="card">
      <h2 id="wallet-transfer">Send a transfer</h2>
      <form onSubmit={submit} noValidate className="form-narrow">
        <fieldset className="choices">
          <legend>What to send</legend>
          <label>
            <input type="radio" name="kind" value="native" checked={form.kind === 'native'} onChange={() => change({ kind: 'native' })} />{' '}
            Ether (native)
          </label>
          <label>
            <input type="radio" name="kind" value="erc20" checked={form.kind === 'erc20'} onChange={() => change({ kind: 'erc20' })} />{' '}
            An ERC-20 token
          </label>
        </fieldset>
        {form.kind === 'erc20' && (
          <FormField label="Token contract address" hint="0x followed by 40 hexadecimal digits." error={errors.contract ?? served.contract} required>
            {(control) => (
              <input
                {...control}
                name="contract"
                autoComplete="off"
                spellCheck={false}
                value={form.contract}
                onChange={(e) => change({ contract: e.target.value })}
              />
            )}
          </FormField>
        )}
        <FormField label="Recipient address" hint="0x followed by 40 hexadecimal digits." error={errors.to ?? served.to} required>
          {(control) => (
            <input {...control} name="to" autoComplete="off" spellCheck={false} value={form.to} onChange={(e) => change({ to: e.target.value })} />
          )}
        </FormField>
        <FormField
          label={`Amount (${unit})`}
          hint={`For example 0.01; at most ${decimals} decimals.`}
          error={errors.amount ?? served.amount}
          required
        >
          {(control) => (
            <input
              {...control}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              value={form.amount}
              onChange={(e) => change({ amount: e.target.value })}
            />
          )}
        </FormField>
        {sponsorship.smartAccount && (
          <SponsoredOption checked={!!form.sponsored} unavailable={sponsorship.unavailable} onChange={(sponsored) => change({ sponsored })} />
        )}
        <Button type="submit" variant="primary" pending={send.pending} pendingLabel="Sending…">
          Send transfer
        </Button>
      </form>
      <ErrorMessage
        error={explainSponsorshipRefusal(send.error)}
        title={conflict ? 'This submission was already used for another transfer' : 'Could not send the transfer'}
      />
    </section>
  );
}

function History({ walletId, assets, generation }: { walletId: string; assets?: Asset[]; generation: number }) {
  const api = useApi();
  const [pages, setPages] = useState<string[]>([]);
  const first = useAsync(
    (signal) =>
      unwrap(
        api.wallet.GET('/wallets/{wallet_id}/transfers', {
          params: { path: { wallet_id: walletId }, query: { limit: HISTORY_PAGE } },
          signal,
        }),
      ),
    [api, walletId, generation],
  );
  useNotificationEvents('transfer.', first.reload);
  const [older, setOlder] = useState<Transfer[]>([]);
  const more = useAction(async (token: string) =>
    unwrap(
      api.wallet.GET('/wallets/{wallet_id}/transfers', {
        params: { path: { wallet_id: walletId }, query: { limit: HISTORY_PAGE, page_token: token } },
      }),
    ),
  );
  const nextToken = pages.length > 0 ? pages[pages.length - 1] : first.data?.next_page_token;
  const loadMore = async () => {
    if (!nextToken) return;
    const page = await more.run(nextToken);
    if (!page) return;
    setOlder((previous) => [...previous, ...(page.items ?? [])]);
    setPages((previous) => [...previous, page.next_page_token ?? '']);
  };
  const seen = new Set((first.data?.items ?? []).map((t) => t.transfer_id));
  const items: Transfer[] = [...(first.data?.items ?? []), ...older.filter((t) => !seen.has(t.transfer_id))];

  return (
    <section aria-labelledby="wallet-history">
      <h2 id="wallet-history">Transfer history</h2>
      {first.loading && !first.data && <Progress label="Loading your transfers" />}
      <ErrorMessage error={first.error} title="Could not load your transfers" onRetry={first.reload} />
      {first.data && items.length === 0 && <p>No transfers yet.</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Your transfers, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Amount</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Transaction</th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.transfer_id}>
                  <td className="nowrap">
                    <When at={t.created_at} />
                  </td>
                  <td className="nowrap">{amountText(t.amount, t.kind, assets, t.contract)}</td>
                  <td>{t.to ? <Hex value={t.to} short /> : '—'}</td>
                  <td>
                    <TransferStatus transfer={t} />
                    {t.reason && <div className="muted">{t.reason}</div>}
                    <SponsoredTransfer transfer={t} />
                  </td>
                  <td>
                    <TxHash hash={t.tx_hash} short />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextToken && (
        <p>
          <Button onClick={loadMore} pending={more.pending} pendingLabel="Loading…">
            Show older transfers
          </Button>
        </p>
      )}
      <ErrorMessage error={more.error} title="Could not load older transfers" />
    </section>
  );
}

function ProvisionedWallet({ wallet }: { wallet: MyWalletWithSponsorship }) {
  const api = useApi();
  const walletId = wallet.wallet_id ?? '';
  const [current, setCurrent] = useState<Transfer | null>(null);
  const [generation, setGeneration] = useState(0);
  // Balances are asked of Dfns on every call: once here, for the balance card and the tokens' decimals.
  const assets = useAsync(
    (signal) => unwrap(api.wallet.GET('/wallets/{wallet_id}/assets', { params: { path: { wallet_id: walletId } }, signal })),
    [api, walletId],
  );
  useNotificationEvents(['transfer.confirmed', 'transfer.failed', 'wallet.'], assets.reload);
  const sent = useCallback((transfer: Transfer) => {
    setCurrent(transfer);
    setGeneration((g) => g + 1);
  }, []);
  const list = assets.data?.assets;
  const sponsorship: GasSponsorship = {
    smartAccount: wallet.smart_account ?? null,
    unavailable: sponsorshipUnavailable(wallet.sponsorship),
  };
  return (
    <>
      {sponsorship.smartAccount && <SmartAccountSection account={sponsorship.smartAccount} unavailable={sponsorship.unavailable} />}
      <div className="cards">
        <Balances assets={assets} />
        <TransferFormSection walletId={walletId} assets={list} sponsorship={sponsorship} onSent={sent} />
      </div>
      {current?.transfer_id && <CurrentTransfer key={current.transfer_id} walletId={walletId} initial={current} assets={list} />}
      <History walletId={walletId} assets={list} generation={generation} />
    </>
  );
}

/** The ERC-4337 account whose transfers the organization's paymaster pays the gas of, and whether it does now. */
function SmartAccountSection({ account, unavailable }: { account: SmartAccount; unavailable: string | null }) {
  return (
    <section aria-labelledby="smart-account" className="card">
      <h2 id="smart-account">Your smart account</h2>
      <p>Assets sent to this address move without gas: your organization pays it. Transfers with sponsored gas leave from here.</p>
      <dl className="facts">
        <dt>Address</dt>
        <dd>
          <Address value={account.address} what="smart account address" />
        </dd>
        <dt>On the chain</dt>
        <dd>{account.deployed ? 'Deployed' : 'Not deployed yet: your first sponsored transfer deploys it. Assets can be sent to it already.'}</dd>
        <dt>Sponsored gas</dt>
        <dd>
          {unavailable === null ? (
            <StatusTag tone="success">Available</StatusTag>
          ) : (
            <>
              <StatusTag tone="warning">Not available</StatusTag> {unavailable}
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}

/** `/wallet`: address, provisioning status, balance, transfers (followed live) and their history. */
export default function WalletPage() {
  const api = useApi();
  const wallet = useAsync((signal) => unwrap(api.wallet.GET('/wallets/me', { signal })), [api]);
  useNotificationEvents('wallet.', wallet.reload);
  // Provisioning announces itself (wallet.provisioned); a slow poll covers a stream that is down meanwhile.
  usePolling(wallet.reload, 5000, wallet.data?.status === 'pending' && !wallet.loading);

  if (wallet.loading && !wallet.data) return <Progress label="Loading your wallet" />;
  // The generated schema cannot say that a smart account, when there is one, always has its address.
  const w = wallet.data as MyWalletWithSponsorship | undefined;
  const words = walletStatusWords(w?.status);
  return (
    <Page title="Wallet">
      <ErrorMessage error={wallet.error} title="Could not load your wallet" onRetry={wallet.reload} />
      {w && (
        <section aria-labelledby="wallet-summary" className="card">
          <h2 id="wallet-summary">Your wallet</h2>
          <p className="status-line" aria-live="polite">
            <StatusTag tone={words.tone}>{words.label}</StatusTag> {words.text}
          </p>
          {w.status === 'pending' && <Progress label="Creating your wallet" patienceMs={10_000} />}
          {w.status === 'none' && (
            <p>
              <Link to="/kyc">Go to verification</Link>
            </p>
          )}
          {w.address && (
            <dl className="facts">
              <dt>Address</dt>
              <dd>
                <Address value={w.address} what="wallet address" />
              </dd>
              {w.network && (
                <>
                  <dt>Network</dt>
                  <dd>{w.network}</dd>
                </>
              )}
            </dl>
          )}
        </section>
      )}
      {w?.status === 'provisioned' && w.wallet_id && <ProvisionedWallet wallet={w} />}
    </Page>
  );
}
