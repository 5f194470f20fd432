import type { components } from '../../api/generated/wallet-service';
import type { SponsoredTransferRequest, SponsoredTransferView } from '../../api/additions';
import { AmountError, ETH_DECIMALS, addressProblem, parseUnits } from './amounts';

/** With `sponsored` (issue 19) until wallet-service's document states it. */
export type TransferRequest = SponsoredTransferRequest;
export type Transfer = SponsoredTransferView;
export type Asset = components['schemas']['AssetView'];

/** What the person typed in the transfer form. */
export interface TransferForm {
  kind: 'native' | 'erc20';
  to: string;
  /** In ether (native) or in whole tokens (erc20), e.g. "0.01". */
  amount: string;
  /** The token's contract (erc20 only). */
  contract: string;
  /** Have the project's paymaster pay the gas: the transfer leaves from the smart account. */
  sponsored?: boolean;
}

export type TransferErrors = Partial<Record<'to' | 'amount' | 'contract', string>>;

export type Checked = { ok: true; request: TransferRequest } | { ok: false; errors: TransferErrors };

/** The decimals of the token at `contract` when the wallet holds it, else 18. */
export function tokenDecimals(assets: readonly Asset[] | null | undefined, contract: string): number {
  const wanted = contract.trim().toLowerCase();
  const asset = assets?.find((a) => a.kind === 'erc20' && a.contract?.toLowerCase() === wanted);
  return asset?.decimals ?? ETH_DECIMALS;
}

/**
 * Checks the form before anything is sent and builds the request: the recipient and the token contract
 * are addresses, the amount is positive with at most the unit's decimals, in the smallest unit.
 */
export function checkTransfer(form: TransferForm, decimals: number = ETH_DECIMALS): Checked {
  const errors: TransferErrors = {};
  const to = form.to.trim();
  const contract = form.contract.trim();
  const toProblem = addressProblem(to, 'The recipient');
  if (toProblem) errors.to = toProblem;
  if (form.kind === 'erc20') {
    const contractProblem = addressProblem(contract, 'The token contract');
    if (contractProblem) errors.contract = contractProblem;
  }
  let amount = '';
  try {
    amount = parseUnits(form.amount, decimals);
  } catch (error) {
    errors.amount = error instanceof AmountError ? error.message : 'Enter a valid amount.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const request: TransferRequest = form.kind === 'erc20' ? { kind: 'erc20', to, amount, contract } : { kind: 'native', to, amount };
  return { ok: true, request: form.sponsored ? { ...request, sponsored: true } : request };
}

/** Statuses after which a transfer never changes again. */
export const FINAL_TRANSFER_STATUSES = ['confirmed', 'failed', 'rejected'] as const;

export function isFinalTransfer(status: string | null | undefined): boolean {
  return status != null && (FINAL_TRANSFER_STATUSES as readonly string[]).includes(status);
}

/** A transfer's status for a person. */
export function transferStatusWords(status: string | null | undefined): string {
  switch (status) {
    case 'requested':
      return 'Requested';
    case 'awaiting_approval':
      return 'Waiting for an administrator’s approval';
    case 'pending':
      return 'Pending at the custody provider';
    case 'executing':
      return 'Being signed';
    case 'broadcasted':
      return 'Broadcast, waiting for confirmation';
    case 'confirmed':
      return 'Confirmed';
    case 'failed':
      return 'Failed';
    case 'rejected':
      return 'Rejected';
    default:
      return status ?? 'Unknown';
  }
}

/**
 * A random UUID (v4) for `Idempotency-Key`: `crypto.randomUUID()` where the page is a secure context,
 * else built from `crypto.getRandomValues()` (available everywhere).
 */
export function newIdempotencyKey(random: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One idempotency key per submitted form: sending the same request again (a retry after a failure or a
 * lost answer) reuses the key, so the service answers the same transfer instead of making a second one;
 * a different request gets a new key.
 */
export class SubmissionKeys {
  private last: { body: string; key: string } | null = null;

  constructor(private readonly make: () => string = newIdempotencyKey) {}

  keyFor(request: TransferRequest): string {
    const body = JSON.stringify([
      request.kind,
      request.to?.toLowerCase(),
      request.amount,
      request.contract?.toLowerCase() ?? null,
      request.sponsored === true,
    ]);
    if (this.last?.body !== body) this.last = { body, key: this.make() };
    return this.last.key;
  }

  /** After a transfer was accepted: the next submission, even an identical one, is a new transfer. */
  done(): void {
    this.last = null;
  }
}
