/**
 * Sumsub's WebSDK (`@sumsub/websdk`, unmodified) launched into an element of the page with a case's access
 * token. The token is short-lived: when the SDK says it expired, `refreshToken` asks compliance-service for a
 * fresh one (starting again answers an open case with a new token) and hands it back to the SDK.
 */
import snsWebSdk, { type SnsWebSdk } from '@sumsub/websdk';

/** How the flow ended, as the page says it: sent (the decision follows) or refused at once. */
export type SumsubOutcome = 'completed' | 'failed';

/** An error of the SDK: a code and its words (never personal data). */
export interface SumsubSdkError {
  code: string;
  error: string;
  reason?: string;
}

export interface SumsubLaunch {
  /** The element the SDK draws its iframe into. */
  container: HTMLElement;
  accessToken: string;
  /** The deployment's Sumsub origin (the local sandbox), or null for the SDK's default. */
  baseUrl: string | null;
  /** A fresh access token for the same case. */
  refreshToken(): Promise<string>;
  onReady(): void;
  /** The person sent everything (`completed`), or Sumsub already answered RED (`failed`). */
  onOutcome(outcome: SumsubOutcome): void;
  onError(error: SumsubSdkError): void;
  /** The token could not be renewed (the failure of `refreshToken`). */
  onRefreshFailed(error: unknown): void;
}

/** Sumsub's review answer of a status event: RED is a refusal; anything else waits for the decision. */
export function outcomeOfReview(payload: { reviewStatus?: string; reviewResult?: { reviewAnswer?: string } }): SumsubOutcome | null {
  if (payload.reviewResult?.reviewAnswer === 'RED') return 'failed';
  if (payload.reviewStatus === 'pending' || payload.reviewStatus === 'completed' || payload.reviewStatus === 'onHold') return 'completed';
  return null;
}

/** Launches the SDK; the returned function removes it (its iframe and listeners). */
export function launchSumsub(launch: SumsubLaunch): () => void {
  const renew = async (): Promise<string> => {
    try {
      return await launch.refreshToken();
    } catch (error) {
      launch.onRefreshFailed(error);
      throw error;
    }
  };
  let builder = snsWebSdk.init(launch.accessToken, renew);
  if (launch.baseUrl) builder = builder.withBaseUrl(launch.baseUrl);
  let reported = false;
  const report = (outcome: SumsubOutcome | null) => {
    if (outcome === null || reported) return;
    reported = true;
    launch.onOutcome(outcome);
  };
  const sdk: SnsWebSdk = builder
    .withConf({ lang: 'en' })
    .withOptions({ addViewportTag: false, adaptIframeHeight: true })
    .on('idCheck.onReady', () => launch.onReady())
    .on('idCheck.onApplicantSubmitted', () => report('completed'))
    .on('idCheck.onApplicantStatusChanged', (payload) => report(outcomeOfReview(payload)))
    .on('idCheck.onError', (error) => launch.onError(error))
    .build();
  sdk.launch(launch.container);
  return () => sdk.destroy();
}
