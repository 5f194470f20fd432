import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAction, useAsync } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import {
  KYC_TOPIC,
  claimOf,
  claimStatusWords,
  identitySettled,
  identityStatusWords,
  orNullWhenMissing,
  type Identity,
  type Verification,
} from './identity';
import { Address, StatusTag, TxHash, When, usePolling } from './parts';

function VerificationAnswer({ answer }: { answer: Verification }) {
  return (
    <div role="status" className={answer.valid ? 'alert alert-success' : 'alert alert-warning'}>
      <p className="alert-title">
        {answer.valid
          ? 'Valid: the chain confirms your wallet’s identity holds a valid KYC claim.'
          : answer.identity_address
            ? 'Not valid: your wallet has an identity, but it holds no valid KYC claim from Attest’s issuer.'
            : 'Not valid: the chain knows no identity for your wallet.'}
      </p>
      <dl className="facts">
        <dt>Wallet</dt>
        <dd>
          <code>{answer.wallet}</code>
        </dd>
        <dt>Identity</dt>
        <dd>{answer.identity_address ? <code>{answer.identity_address}</code> : 'none'}</dd>
        {answer.wallet_link && (
          <>
            <dt>Wallet linked by</dt>
            <dd>{answer.wallet_link === 'factory' ? 'the identity factory, on chain' : 'Attest’s records'}</dd>
          </>
        )}
        <dt>Claim topic</dt>
        <dd>{answer.topic}</dd>
        {answer.issuer_address && (
          <>
            <dt>Issuer</dt>
            <dd>
              <code>{answer.issuer_address}</code>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

function VerifyOnChain({ wallet }: { wallet: string | null | undefined }) {
  const api = useApi();
  const [answer, setAnswer] = useState<Verification | null>(null);
  const verify = useAction((address: string) =>
    unwrap(api.identity.GET('/identities/verify', { params: { query: { wallet: address, topic: String(KYC_TOPIC) } } })),
  );
  const check = async () => {
    if (!wallet) return;
    setAnswer(null);
    const result = await verify.run(wallet);
    if (result) setAnswer(result);
  };
  return (
    <section aria-labelledby="identity-verify" className="card">
      <h2 id="identity-verify">Check on chain</h2>
      <p>
        Asks the chain itself whether your wallet has an identity with a valid KYC claim (topic {KYC_TOPIC}) from
        Attest’s issuer, as a token’s registry would.
      </p>
      {wallet ? (
        <Button variant="primary" onClick={check} pending={verify.pending} pendingLabel="Asking the chain…">
          Verify on chain
        </Button>
      ) : (
        <p className="muted">You need a wallet first.</p>
      )}
      <ErrorMessage error={verify.error} title="Could not check on chain" onRetry={check} />
      {answer && <VerificationAnswer answer={answer} />}
    </section>
  );
}

function IdentityDetails({ identity }: { identity: Identity }) {
  const status = identityStatusWords(identity.status);
  const claim = claimOf(identity);
  const claimWords = claimStatusWords(claim?.status);
  return (
    <>
      <section aria-labelledby="identity-summary" className="card">
        <h2 id="identity-summary">Your identity</h2>
        <p className="status-line">
          <StatusTag tone={status.tone}>{status.label}</StatusTag>
        </p>
        {identity.status === 'creating' && <Progress label="Creating your identity on chain" patienceMs={10_000} />}
        {identity.failure_reason && (
          <p>
            <strong>Why it failed:</strong> {identity.failure_reason}
          </p>
        )}
        <dl className="facts">
          <dt>Identity address</dt>
          <dd>{identity.identity_address ? <Address value={identity.identity_address} what="identity address" /> : 'not yet'}</dd>
          <dt>Wallets</dt>
          <dd>
            {(identity.wallets ?? []).length === 0 ? (
              'none'
            ) : (
              <ul className="plain-list">
                {(identity.wallets ?? []).map((wallet) => (
                  <li key={wallet}>
                    <code>{wallet}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="identity-claim" className="card">
        <h2 id="identity-claim">KYC claim</h2>
        {claim ? (
          <>
            <p className="status-line">
              <StatusTag tone={claimWords.tone}>{claimWords.label}</StatusTag>
            </p>
            {claim.status === 'issuing' && <Progress label="Issuing your KYC claim on chain" patienceMs={10_000} />}
            {claim.failure_reason && (
              <p>
                <strong>Why it failed:</strong> {claim.failure_reason}
              </p>
            )}
            <dl className="facts">
              <dt>Issued in transaction</dt>
              <dd>
                <TxHash hash={claim.tx_hash} what="claim transaction hash" />
                {claim.block_number != null && <span className="muted"> (block {claim.block_number})</span>}
              </dd>
              {(claim.revoke_tx_hash || claim.status === 'revoked' || claim.status === 'revoking') && (
                <>
                  <dt>Revoked in transaction</dt>
                  <dd>
                    <TxHash hash={claim.revoke_tx_hash} what="revocation transaction hash" />
                    {claim.revoke_block_number != null && <span className="muted"> (block {claim.revoke_block_number})</span>}
                  </dd>
                </>
              )}
              {claim.claim_id && (
                <>
                  <dt>Claim id</dt>
                  <dd>
                    <code>{claim.claim_id}</code>
                  </dd>
                </>
              )}
              {claim.issuer_address && (
                <>
                  <dt>Issuer</dt>
                  <dd>
                    <code>{claim.issuer_address}</code>
                  </dd>
                </>
              )}
              <dt>Since</dt>
              <dd>
                <When at={claim.updated_at ?? claim.created_at} />
              </dd>
            </dl>
          </>
        ) : (
          <p>No KYC claim yet: it is issued once your identity exists.</p>
        )}
      </section>
    </>
  );
}

/** `/identity`: the on-chain identity, its KYC claim with the transactions, and a check on chain. */
export default function IdentityPage() {
  const api = useApi();
  const identity = useAsync((signal) => orNullWhenMissing(api.identity.GET('/identities/me', { signal })), [api]);
  const wallet = useAsync((signal) => unwrap(api.wallet.GET('/wallets/me', { signal })), [api]);
  useNotificationEvents(['claim.', 'wallet.', 'kyc.'], identity.reload);
  useNotificationEvents('wallet.', wallet.reload);
  // Creating an identity announces nothing by itself (its claim does): look again every 3 s while it moves,
  // once there is a wallet for it.
  const moving = wallet.data?.status === 'provisioned' && !identitySettled(identity.data);
  usePolling(identity.reload, 3000, moving && !identity.loading && !identity.error);

  if (identity.loading && identity.data === undefined) return <Progress label="Loading your identity" />;
  const data = identity.data;
  return (
    <Page title="On-chain identity">
      <ErrorMessage error={identity.error} title="Could not load your identity" onRetry={identity.reload} />
      {data === null && (
        <section aria-labelledby="identity-none" className="card">
          <h2 id="identity-none">No identity yet</h2>
          {wallet.data?.status === 'provisioned' ? (
            <Progress label="Your wallet is ready; your on-chain identity is being created" patienceMs={15_000} />
          ) : (
            <p>
              Your on-chain identity is created once you are verified and your wallet exists. See your{' '}
              <Link to="/kyc">verification</Link> and your <Link to="/wallet">wallet</Link>.
            </p>
          )}
        </section>
      )}
      {data && (
        <div className="cards">
          <IdentityDetails identity={data} />
        </div>
      )}
      <ErrorMessage error={wallet.error} title="Could not load your wallet" onRetry={wallet.reload} />
      <VerifyOnChain wallet={wallet.data?.address ?? data?.wallets?.[0]} />
    </Page>
  );
}
