import type { SponsoredTransferView } from '../api/additions';
import { ETH_DECIMALS, formatUnitsSafe } from '../pages/user/amounts';
import { Hex, StatusTag } from '../pages/user/parts';

/**
 * What a transfer list shows of a sponsored transfer (issue 19): the "Sponsored" badge, the gas the
 * project's paymaster paid (in ETH, once settled) and the UserOperation's hash (shortened, once signed).
 * Nothing for a transfer that paid its own gas.
 */
export function SponsoredTransfer({ transfer }: { transfer: SponsoredTransferView }) {
  if (!transfer.sponsored) return null;
  return (
    <div>
      <StatusTag tone="info">Sponsored</StatusTag>
      <div className="muted">
        Gas paid by the sponsor: {transfer.gas_cost ? `${formatUnitsSafe(transfer.gas_cost, ETH_DECIMALS)} ETH` : 'not settled yet'}
      </div>
      {transfer.user_op_hash && (
        <div className="muted">
          UserOperation <Hex value={transfer.user_op_hash} short />
        </div>
      )}
    </div>
  );
}
