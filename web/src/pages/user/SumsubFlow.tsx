import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { Progress } from '../../components/Progress';
import { useConfig } from '../../config/ConfigContext';
import { launchSumsub, type SumsubOutcome, type SumsubSdkError } from '../../kyc/sumsubLauncher';

export interface SumsubFlowHandlers {
  onComplete(outcome: SumsubOutcome): void;
  onCancel(): void;
  onError(error: unknown): void;
}

/** An error of Sumsub's SDK in words (ErrorMessage shows an Error's message). */
export class SumsubFlowError extends Error {
  override name = 'SumsubFlowError';

  constructor(readonly sdkError: SumsubSdkError) {
    super(`The verification window reported a problem (${sdkError.code}${sdkError.error ? `: ${sdkError.error}` : ''}). Try again.`);
  }
}

/**
 * Sumsub's WebSDK in the page (it draws no modal of its own): launched into a box with the case's access
 * token and the deployment's Sumsub origin (`sumsub_base_url`), the token renewed through `refreshToken` when
 * the SDK asks, removed when this unmounts. The person may leave it at any time and resume later.
 */
export function SumsubFlow({
  accessToken,
  refreshToken,
  handlers,
}: {
  accessToken: string;
  refreshToken(): Promise<string>;
  handlers: SumsubFlowHandlers;
}) {
  const config = useConfig();
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const latest = useRef({ handlers, refreshToken });
  useEffect(() => {
    latest.current = { handlers, refreshToken };
  });

  useEffect(() => {
    const container = box.current;
    if (!container) return;
    setReady(false);
    return launchSumsub({
      container,
      accessToken,
      baseUrl: config.sumsub_base_url,
      refreshToken: () => latest.current.refreshToken(),
      onReady: () => setReady(true),
      onOutcome: (outcome) => latest.current.handlers.onComplete(outcome),
      onError: (error) => latest.current.handlers.onError(new SumsubFlowError(error)),
      onRefreshFailed: (error) => latest.current.handlers.onError(error),
    });
  }, [accessToken, config.sumsub_base_url]);

  return (
    <section aria-label="Verification with Sumsub" className="sumsub-flow">
      {ready ? (
        <p role="status" className="muted">
          Follow the steps below; this page updates by itself when you finish.
        </p>
      ) : (
        <Progress label="Opening the verification window" />
      )}
      <div ref={box} className="sumsub-frame" />
      <Button onClick={() => latest.current.handlers.onCancel()}>Leave the verification</Button>
    </section>
  );
}
