import { PersonaFlow, PersonaFlowError } from './PersonaFlow';
import { SumsubFlow } from './SumsubFlow';
import { outcomeOf, type FlowOutcome, type ProviderSession } from './kyc';

export interface VerificationFlowHandlers {
  /** The person finished: sent (`completed`) or refused at once (`failed`); the decision arrives later. */
  onComplete(outcome: Exclude<FlowOutcome, 'cancelled'>): void;
  onCancel(): void;
  onError(error: unknown): void;
}

/**
 * The provider's embedded flow for a session: Persona's SDK (its own modal), or Sumsub's WebSDK (in the page,
 * its token renewed through `refreshToken`). The KYC page and the business case page open both through this.
 */
export function VerificationFlow({
  session,
  refreshToken,
  handlers,
}: {
  session: ProviderSession;
  /** A fresh Sumsub access token for the same case (unused for Persona, whose session lasts the flow). */
  refreshToken(): Promise<string>;
  handlers: VerificationFlowHandlers;
}) {
  if (session.provider === 'sumsub') {
    return <SumsubFlow accessToken={session.accessToken} refreshToken={refreshToken} handlers={handlers} />;
  }
  return (
    <PersonaFlow
      session={session}
      handlers={{
        onComplete: ({ status }) => handlers.onComplete(outcomeOf(status) === 'failed' ? 'failed' : 'completed'),
        onCancel: () => handlers.onCancel(),
        onError: (error) => handlers.onError(new PersonaFlowError(error)),
      }}
    />
  );
}
