// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SponsoredTransfer } from './SponsoredTransfer';

const USER_OP = '0x8f1c2a4b6d0e9f7a5c3b1d2e4f6a8b0c9d7e5f3a1b2c4d6e8f0a9b7c5d3e1f2a';

afterEach(cleanup);

describe('SponsoredTransfer', () => {
  it('shows the badge, the gas the sponsor paid in ETH and the shortened UserOperation hash', () => {
    const { container } = render(<SponsoredTransfer transfer={{ sponsored: true, gas_cost: '210000000000000', user_op_hash: USER_OP }} />);
    expect(screen.getByText('Sponsored')).toBeTruthy();
    expect(container.textContent).toContain('Gas paid by the sponsor: 0.00021 ETH');
    expect(screen.getByTitle(USER_OP).textContent).toBe('0x8f1c…1f2a');
  });

  it('says that the gas is not settled yet, and has no hash before the operation is signed', () => {
    const { container } = render(<SponsoredTransfer transfer={{ sponsored: true, gas_cost: null, user_op_hash: null }} />);
    expect(container.textContent).toContain('Gas paid by the sponsor: not settled yet');
    expect(container.textContent).not.toContain('UserOperation');
  });

  it('shows nothing for a transfer that paid its own gas', () => {
    const { container } = render(<SponsoredTransfer transfer={{ sponsored: false, gas_cost: null }} />);
    expect(container.textContent).toBe('');
  });
});
