import { describe, expect, it } from 'vitest';
import { userRows, walletState } from './usersJoin';

describe('users joined from cases, wallets and members', () => {
  const cases = [
    { case_id: 'c1', user_id: 'u1', status: 'rejected', created_at: '2026-12-01T10:00:00Z' },
    { case_id: 'c2', user_id: 'u2', status: 'verified', created_at: '2026-12-01T11:00:00Z' },
    { case_id: 'c3', user_id: 'u1', status: 'verified', created_at: '2026-12-02T10:00:00Z' },
    { case_id: 'c4', user_id: 'u3', status: 'pending', created_at: '2026-12-02T11:00:00Z' },
  ];
  const wallets = [{ user_id: 'u1', address: '0xabc', network: 'EthereumSepolia' }, { address: '0xforeign' }];
  const members = [{ user_id: 'u2', email: 'two@example.com', role: 'user' }];

  it('gives one row per user with the newest case, the wallet and the email', () => {
    const rows = userRows(cases, wallets, members);
    expect(rows.map((r) => [r.userId, r.latestCase.case_id, r.caseCount, r.wallet?.address ?? null, r.email])).toEqual([
      ['u1', 'c3', 2, '0xabc', null],
      ['u2', 'c2', 1, null, 'two@example.com'],
      ['u3', 'c4', 1, null, null],
    ]);
  });

  it('says what the wallet column can know', () => {
    const [u1, u2, u3] = userRows(cases, wallets, members);
    expect(walletState(u1!, true)).toBe('provisioned');
    expect(walletState(u2!, true)).toBe('missing');
    expect(walletState(u2!, false)).toBe('not-listed');
    expect(walletState(u3!, true)).toBe('not-verified');
  });
});
