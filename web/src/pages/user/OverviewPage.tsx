import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { Progress } from '../../components/Progress';
import { useAsync } from '../../hooks/useAsync';
import { useNotificationEvents } from '../../notifications/NotificationsContext';
import { useTenant } from '../../tenant/TenantContext';
import { claimOf, claimStatusWords, identitySettled, identityStatusWords, orNullWhenMissing } from './identity';
import { kycStatusWords } from './kyc';
import { nextStepOf, walletStatusWords } from './overview';
import { StatusTag, usePolling } from './parts';

/** The end user's KYC, wallet and identity at a glance with the next step, refreshed live. */
function EndUserSummary() {
  const api = useApi();
  const kyc = useAsync((signal) => unwrap(api.compliance.GET('/compliance/kyc/me', { signal })), [api]);
  const wallet = useAsync((signal) => unwrap(api.wallet.GET('/wallets/me', { signal })), [api]);
  const identity = useAsync((signal) => orNullWhenMissing(api.identity.GET('/identities/me', { signal })), [api]);
  useNotificationEvents('kyc.', kyc.reload);
  useNotificationEvents(['wallet.', 'transfer.'], wallet.reload);
  useNotificationEvents(['claim.', 'wallet.'], identity.reload);
  // The identity's creation announces nothing by itself (its claim does): a gentle look while it moves.
  usePolling(
    identity.reload,
    3000,
    wallet.data?.status === 'provisioned' && !identitySettled(identity.data) && !identity.loading && !identity.error,
  );

  const next = nextStepOf(kyc.data, wallet.data, identity.data);
  const kycWords = kyc.data ? kycStatusWords(kyc.data.kyc_status, kyc.data.case_id) : null;
  const walletWords = wallet.data ? walletStatusWords(wallet.data.status) : null;
  const claim = claimOf(identity.data);

  return (
    <>
      {next && (
        <section aria-labelledby="overview-next" className="card card-highlight">
          <h2 id="overview-next">Next step</h2>
          <p aria-live="polite">
            {next.text}{' '}
            {next.to && (
              <Link to={next.to} className="button button-primary">
                {next.label}
              </Link>
            )}
          </p>
        </section>
      )}
      <div className="cards">
        <section className="card" aria-labelledby="overview-kyc">
          <h2 id="overview-kyc">Verification</h2>
          {kyc.data && kycWords ? (
            <>
              <p className="status-line">
                <StatusTag tone={kycWords.tone}>{kycWords.label}</StatusTag>
              </p>
              <p>{kyc.data.kyc_message}</p>
              <p>
                <Link to="/kyc">Go to verification</Link>
              </p>
            </>
          ) : kyc.loading ? (
            <Progress label="Loading your verification" />
          ) : null}
          <ErrorMessage error={kyc.error} title="Could not load your verification" onRetry={kyc.reload} />
        </section>
        <section className="card" aria-labelledby="overview-wallet">
          <h2 id="overview-wallet">Wallet</h2>
          {wallet.data && walletWords ? (
            <>
              <p className="status-line">
                <StatusTag tone={walletWords.tone}>{walletWords.label}</StatusTag>
              </p>
              {wallet.data.address ? (
                <p>
                  <span className="visually-hidden">Address: </span>
                  <code>{wallet.data.address}</code>
                </p>
              ) : (
                <p>{walletWords.text}</p>
              )}
              <p>
                <Link to="/wallet">Go to your wallet</Link>
              </p>
            </>
          ) : wallet.loading ? (
            <Progress label="Loading your wallet" />
          ) : null}
          <ErrorMessage error={wallet.error} title="Could not load your wallet" onRetry={wallet.reload} />
        </section>
        <section className="card" aria-labelledby="overview-identity">
          <h2 id="overview-identity">On-chain identity</h2>
          {identity.data === null ? (
            <p>No identity yet. It is created once you are verified and your wallet exists.</p>
          ) : identity.data ? (
            <>
              <p className="status-line">
                <StatusTag tone={identityStatusWords(identity.data.status).tone}>
                  {identityStatusWords(identity.data.status).label}
                </StatusTag>
              </p>
              {identity.data.identity_address && (
                <p>
                  <span className="visually-hidden">Identity address: </span>
                  <code>{identity.data.identity_address}</code>
                </p>
              )}
              <p>
                KYC claim:{' '}
                {claim ? (
                  <StatusTag tone={claimStatusWords(claim.status).tone}>{claimStatusWords(claim.status).label}</StatusTag>
                ) : (
                  'not yet'
                )}
              </p>
            </>
          ) : identity.loading ? (
            <Progress label="Loading your identity" />
          ) : null}
          {identity.data !== undefined && (
            <p>
              <Link to="/identity">Go to your identity</Link>
            </p>
          )}
          <ErrorMessage error={identity.error} title="Could not load your identity" onRetry={identity.reload} />
        </section>
      </div>
    </>
  );
}

/** `/`: what the signed-in person can do here. */
export default function OverviewPage() {
  const { org, orgs, access, joinError } = useTenant();
  return (
    <Page title="Overview">
      {orgs.length === 0 && !access.platformAdmin && (
        <>
          <p>Your account does not belong to an organization yet. Ask your organization for an invitation link.</p>
          <ErrorMessage error={joinError} title="Could not join the organization" />
        </>
      )}
      {access.endUser && <EndUserSummary />}
      {org?.slug && access.adminOf(org.slug) && (
        <p>
          You administer <Link to={`/org/${encodeURIComponent(org.slug)}/reviews`}>{org.name}</Link>.
        </p>
      )}
      {access.platformAdmin && (
        <p>
          You operate the platform: <Link to="/platform/orgs">organizations</Link>.
        </p>
      )}
    </Page>
  );
}
