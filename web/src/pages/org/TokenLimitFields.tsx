import { Button } from '../../components/Button';
import { FormField } from '../../components/FormField';
import { toUnits } from './format';
import { POLICY_BOUNDS, type SpendingPolicyErrors, type TokenLimitForm } from './forms';
import { TableScroll } from './parts';

type TokenField = keyof Omit<TokenLimitForm, 'row'>;

const AMOUNT_COLUMNS: ['per_transfer_limit' | 'daily_limit' | 'approval_threshold', string][] = [
  ['per_transfer_limit', 'Per-transfer limit'],
  ['daily_limit', 'Daily limit per user'],
  ['approval_threshold', 'Approval threshold'],
];

/** What an amount typed in the token's smallest unit is in whole tokens, with the row's decimals. */
function wholeTokens(amount: string, decimals: string): string | null {
  const value = amount.trim();
  if (!/^[1-9][0-9]*$/.test(value) || !/^\d{1,3}$/.test(decimals.trim())) return null;
  const places = Number(decimals.trim());
  if (places > POLICY_BOUNDS.maxDecimals) return null;
  const units = toUnits(value, places);
  return units === null ? null : `= ${units} ${units === '1' ? 'token' : 'tokens'}`;
}

/**
 * The ERC-20 tokens with limits of their own, one row each: the contract, the decimals the admin states
 * (how the amounts read in whole tokens), and the three limits in the token's smallest unit. Each input
 * is named for its row and column (`Token 2: daily limit per user`); the column headers say it visually.
 */
export function TokenLimitFields({
  tokens,
  errors,
  listError,
  focusRow,
  onChange,
  onAdd,
  onRemove,
}: {
  tokens: TokenLimitForm[];
  errors: SpendingPolicyErrors['tokens'];
  /** About the list as a whole (too many rows). */
  listError: string | undefined;
  /** The row just added: its contract input takes the focus. */
  focusRow: number | null;
  onChange(row: number, key: TokenField, value: string): void;
  onAdd(): void;
  onRemove(row: number): void;
}) {
  return (
    <fieldset className="token-limits">
      <legend>Token limits</legend>
      <p className="muted">
        ERC-20 tokens with limits of their own, one row per token. Amounts are in the token’s smallest unit (one token is 10<sup>decimals</sup> of them);
        the decimals you state only say how they read in whole tokens. A token that is not listed has no amount limit: only the daily count applies to
        it.
      </p>
      {tokens.length === 0 ? (
        <p>No token has limits of its own.</p>
      ) : (
        <TableScroll label="Token limits to save">
          <table className="token-limit-table">
            <caption className="visually-hidden">Token limits to save</caption>
            <thead>
              <tr>
                <th scope="col">Contract</th>
                <th scope="col">Decimals</th>
                {AMOUNT_COLUMNS.map(([key, label]) => (
                  <th key={key} scope="col">
                    {label}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token, index) => {
                const name = `Token ${index + 1}`;
                const rowErrors = errors[token.row] ?? {};
                return (
                  <tr key={token.row}>
                    <td>
                      <FormField label={`${name}: contract`} error={rowErrors.contract} labelHidden required>
                        {(control) => (
                          <input
                            {...control}
                            className="token-contract"
                            name={`token_${token.row}_contract`}
                            autoComplete="off"
                            spellCheck={false}
                            autoFocus={focusRow === token.row}
                            placeholder="0x…"
                            value={token.contract}
                            onChange={(e) => onChange(token.row, 'contract', e.target.value)}
                          />
                        )}
                      </FormField>
                    </td>
                    <td>
                      <FormField label={`${name}: decimals`} error={rowErrors.decimals} labelHidden required>
                        {(control) => (
                          <input
                            {...control}
                            className="token-decimals"
                            name={`token_${token.row}_decimals`}
                            inputMode="numeric"
                            autoComplete="off"
                            value={token.decimals}
                            onChange={(e) => onChange(token.row, 'decimals', e.target.value)}
                          />
                        )}
                      </FormField>
                    </td>
                    {AMOUNT_COLUMNS.map(([key, label]) => (
                      <td key={key}>
                        <FormField label={`${name}: ${label.toLowerCase()}`} error={rowErrors[key]} hint={wholeTokens(token[key], token.decimals)} labelHidden>
                          {(control) => (
                            <input
                              {...control}
                              className="token-amount"
                              name={`token_${token.row}_${key}`}
                              inputMode="numeric"
                              autoComplete="off"
                              placeholder="none"
                              value={token[key]}
                              onChange={(e) => onChange(token.row, key, e.target.value)}
                            />
                          )}
                        </FormField>
                      </td>
                    ))}
                    <td>
                      <Button aria-label={`Remove token ${index + 1}`} onClick={() => onRemove(token.row)}>
                        Remove
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {listError && (
        <p className="field-error" role="alert">
          {listError}
        </p>
      )}
      <div className="actions">
        <Button onClick={onAdd} disabled={tokens.length >= POLICY_BOUNDS.maxTokens}>
          Add a token
        </Button>
      </div>
    </fieldset>
  );
}
