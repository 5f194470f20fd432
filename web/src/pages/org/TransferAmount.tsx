import { formatWei, shortHex } from './format';
import type { Transfer } from './types';

/** A transfer's amount: wei with its ETH value, or a token amount with its contract. */
export function TransferAmount({ transfer }: { transfer: Transfer }) {
  if (transfer.kind === 'erc20') {
    return (
      <>
        {transfer.amount} (smallest unit) of token <code title={transfer.contract ?? undefined}>{shortHex(transfer.contract)}</code>
      </>
    );
  }
  return <>{formatWei(transfer.amount)}</>;
}
