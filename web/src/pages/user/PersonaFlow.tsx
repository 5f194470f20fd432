import { Client, type InquiryError } from 'persona';
import { useEffect, useRef, useState } from 'react';
import { useConfig } from '../../config/ConfigContext';
import { Progress } from '../../components/Progress';

export interface PersonaSession {
  inquiryId: string;
  sessionToken: string;
}

export interface PersonaFlowHandlers {
  onComplete(result: { inquiryId: string; status: string }): void;
  onCancel(): void;
  onError(error: InquiryError): void;
}

/** An InquiryError of the SDK in words (ErrorMessage shows an Error's message). */
export class PersonaFlowError extends Error {
  override name = 'PersonaFlowError';

  constructor(readonly inquiryError: InquiryError) {
    super(
      inquiryError.code === 'unauthenticated'
        ? 'The verification session is no longer valid. Resume the verification to get a new one.'
        : `The verification window reported a problem (${inquiryError.code}${
            inquiryError.status ? `, ${inquiryError.status}` : ''
          })${inquiryError.message ? `: ${inquiryError.message}` : ''}. Try again.`,
    );
  }
}

/**
 * Persona's embedded flow through the official SDK, unmodified: `new Client({...})` with the inquiry and its
 * session, the deployment's `persona.client_options` (the sandbox's `customHost` locally; nothing for real
 * Persona), opened as soon as it is ready. The SDK draws its own modal with the iframe; this shows progress
 * until then and removes the SDK's elements when it unmounts.
 */
export function PersonaFlow({ session, handlers }: { session: PersonaSession; handlers: PersonaFlowHandlers }) {
  const config = useConfig();
  const [ready, setReady] = useState(false);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    setReady(false);
    const client: Client = new Client({
      inquiryId: session.inquiryId,
      sessionToken: session.sessionToken,
      ...config.persona.client_options,
      onReady: () => {
        setReady(true);
        client.open();
      },
      onComplete: ({ inquiryId, status }) => latest.current.onComplete({ inquiryId, status }),
      onCancel: () => latest.current.onCancel(),
      onError: (error) => latest.current.onError(error),
    });
    return () => client.destroy();
  }, [session.inquiryId, session.sessionToken, config.persona.client_options]);

  return ready ? (
    <p role="status" className="muted">
      The verification window is open. Follow its steps; this page updates by itself when you finish.
    </p>
  ) : (
    <Progress label="Opening the verification window" />
  );
}
