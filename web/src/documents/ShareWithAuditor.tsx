import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/ApiContext';
import { ApiError } from '../api/problem';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormField } from '../components/FormField';
import { useAction } from '../hooks/useAsync';
import {
  auditorError,
  expiryBounds,
  expiryError,
  expiryInstant,
  kycClaimErrors,
  kycClaimFor,
  NoAuditorKeyError,
  shareWithAuditor,
  type KycClaimInput,
} from './auditors';
import type { CaseDocument } from './documents';

type Errors = Partial<Record<'subject' | 'expiry' | keyof KycClaimInput, string>>;

function failureTitle(error: unknown): string {
  if (error instanceof NoAuditorKeyError) return 'The auditor has no document key yet';
  if (error instanceof ApiError && error.slug === 'access-refused') return 'Your key was not released, so it cannot be shared';
  return 'Could not share the document';
}

/**
 * "Share with an auditor…" for one document: the auditor's user id, an expiry (30 days by default, at most 90), and
 * optionally the on-chain condition that an identity holds a valid Attest KYC claim. The data key is unwrapped here
 * and wrapped for the auditor's registered key (auditors.ts); the service never sees it.
 */
export function ShareWithAuditor({
  document,
  label,
  privateKey,
  self,
  onShared,
}: {
  document: Pick<CaseDocument, 'id'>;
  label: string;
  privateKey: CryptoKey | null;
  self: string;
  /** After a grant was made (the caller's own key release was recorded on the way). */
  onShared?(): void;
}) {
  const api = useApi();
  const bounds = expiryBounds();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState('');
  const [expiry, setExpiry] = useState(bounds.initial);
  const [kyc, setKyc] = useState(false);
  const [claim, setClaim] = useState<KycClaimInput>({ wallet: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [shared, setShared] = useState<string | null>(null);
  const hintId = useId();
  const share = useAction(async (key: CryptoKey) => {
    const onChainConditions = kyc ? await kycClaimFor(api, claim) : null;
    const expiresAt = expiryInstant(expiry);
    try {
      await shareWithAuditor(api, document, key, { subject, expiresAt, onChainConditions });
    } finally {
      onShared?.();
    }
    return expiresAt;
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShared(null);
    const found: Errors = {
      subject: auditorError(subject, self) ?? undefined,
      expiry: expiryError(expiry) ?? undefined,
      ...(kyc ? kycClaimErrors(claim) : {}),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean) || !privateKey) return;
    const expiresAt = await share.run(privateKey);
    if (!expiresAt) return;
    const until = new Date(expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    setShared(
      `Shared with ${subject.trim()} until ${until}${kyc ? `, while the identity of wallet ${claim.wallet.trim()} holds a valid Attest KYC claim` : ''}. ` +
        'They open it in their browser on their “Shared with me” page; each opening is recorded.',
    );
    setOpen(false);
    setSubject('');
    setKyc(false);
    setClaim({ wallet: '' });
  };

  return (
    <div className="share-auditor">
      {shared && (
        <p role="status" className="alert alert-success">
          {shared}
        </p>
      )}
      {!open ? (
        <Button
          disabled={!privateKey}
          onClick={() => {
            setOpen(true);
            setShared(null);
            share.reset();
            setExpiry(expiryBounds().initial);
          }}
        >
          Share with an auditor…
        </Button>
      ) : (
        <form className="form-narrow" noValidate onSubmit={submit} aria-label={`Share ${label} with an auditor`} aria-describedby={hintId}>
          <p id={hintId} className="muted">
            Your browser unwraps this document’s key and wraps it again for the auditor’s key only; Attest never sees it.
            The auditor can open it until the date you choose.
          </p>
          <FormField label="Auditor’s user id" hint="A member of your organization who has made a document key." error={errors.subject} required>
            {(control) => <input {...control} autoComplete="off" spellCheck={false} value={subject} onChange={(e) => setSubject(e.target.value)} />}
          </FormField>
          <FormField
            label="Access ends on"
            hint={`Until the end of that day (at most ${bounds.max}, 90 days from today).`}
            error={errors.expiry}
            required
          >
            {(control) => (
              <input {...control} type="date" min={bounds.min} max={bounds.max} value={expiry} onChange={(e) => setExpiry(e.target.value)} />
            )}
          </FormField>
          <label className="checkbox">
            <input type="checkbox" checked={kyc} onChange={(e) => setKyc(e.target.checked)} />
            <span>Only while a wallet’s identity holds a valid Attest KYC claim</span>
          </label>
          {kyc && (
            <fieldset>
              <legend>The wallet whose identity must hold the claim</legend>
              <p className="muted">
                Checked on chain each time the auditor asks for the key: the platform’s claim issuer must hold the wallet
                identity’s KYC claim valid (not revoked), and the identity must still hold it.
              </p>
              <FormField label="Wallet address" hint="0x and 40 hexadecimal digits." error={errors.wallet} required>
                {(control) => (
                  <input
                    {...control}
                    autoComplete="off"
                    spellCheck={false}
                    value={claim.wallet}
                    onChange={(e) => setClaim({ wallet: e.target.value })}
                  />
                )}
              </FormField>
            </fieldset>
          )}
          <ErrorMessage error={share.error} title={failureTitle(share.error)} />
          <div className="actions">
            <Button type="submit" variant="primary" pending={share.pending} pendingLabel="Sharing…" disabled={!privateKey}>
              Share
            </Button>
            <Button onClick={() => setOpen(false)} aria-disabled={share.pending || undefined}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
