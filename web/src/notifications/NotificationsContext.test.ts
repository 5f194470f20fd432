import { describe, expect, it } from 'vitest';
import { matchesFilter, notificationsReducer, type Notification } from './NotificationsContext';

const n = (id: string, seq: number, type = 'kyc.verified', read_at?: string): Notification => ({
  id,
  seq,
  type,
  text: `notification ${seq}`,
  link: '/kyc',
  created_at: '2026-01-01T00:00:00Z',
  ...(read_at ? { read_at } : {}),
});

describe('notificationsReducer', () => {
  const loaded = notificationsReducer(
    { items: [], unreadCount: 0 },
    { type: 'loaded', items: [n('b', 2), n('a', 1, 'kyc.started', '2026-01-01T00:00:01Z')], unreadCount: 1 },
  );

  it('puts a live notification first and counts it unread once, even when replayed', () => {
    const once = notificationsReducer(loaded, { type: 'received', notification: n('c', 3, 'wallet.provisioned') });
    const replayed = notificationsReducer(once, { type: 'received', notification: n('c', 3, 'wallet.provisioned') });
    expect(replayed.items.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(replayed.unreadCount).toBe(2);
  });

  it('counts down when one is marked read, once', () => {
    const read = notificationsReducer(loaded, { type: 'read', notification: n('b', 2, 'kyc.verified', 'now') });
    expect(read.unreadCount).toBe(0);
    expect(read.items[0]!.read_at).toBe('now');
    expect(notificationsReducer(read, { type: 'read', notification: n('b', 2, 'kyc.verified', 'now') }).unreadCount).toBe(0);
  });

  it('marks all read', () => {
    const all = notificationsReducer(loaded, { type: 'all-read', at: 'now' });
    expect(all.unreadCount).toBe(0);
    expect(all.items.every((x) => x.read_at)).toBe(true);
  });
});

describe('matchesFilter', () => {
  it('matches notification types by prefix', () => {
    expect(matchesFilter('kyc.verified', 'kyc.')).toBe(true);
    expect(matchesFilter('transfer.confirmed', ['wallet.', 'transfer.'])).toBe(true);
    expect(matchesFilter('claim.issued', ['wallet.', 'transfer.'])).toBe(false);
    expect(matchesFilter(undefined, 'kyc.')).toBe(false);
  });
});
