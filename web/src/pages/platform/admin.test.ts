import { describe, expect, it } from 'vitest';
import {
  deletionConfirmed,
  erasedRows,
  membershipText,
  parseUserSearch,
  reasonProblem,
  suspensionBody,
  userQueryProblem,
  userSearchParams,
} from './admin';

describe('a reason', () => {
  it('is required to suspend, and is at most 1000 characters', () => {
    expect(reasonProblem('', true)).toBe('Enter a reason: it is recorded with the suspension and in the audit trail.');
    expect(reasonProblem('   ', true)).toBe('Enter a reason: it is recorded with the suspension and in the audit trail.');
    expect(reasonProblem('Card testing', true)).toBeNull();
    expect(reasonProblem('x'.repeat(1000), true)).toBeNull();
    expect(reasonProblem('x'.repeat(1001), true)).toBe('At most 1000 characters.');
  });

  it('may be left out to reactivate', () => {
    expect(reasonProblem('', false)).toBeNull();
    expect(reasonProblem('x'.repeat(1001), false)).toBe('At most 1000 characters.');
    expect(suspensionBody('  ')).toEqual({});
    expect(suspensionBody(' Paid ')).toEqual({ reason: 'Paid' });
  });
});

describe('the user search', () => {
  it('takes 1 to 200 characters, trimmed, as the gateway does', () => {
    expect(userQueryProblem(' ')).toBe('Enter a user id (subject) or a part of an email address.');
    expect(userQueryProblem('ada@')).toBeNull();
    expect(userQueryProblem(` ${'a'.repeat(200)} `)).toBeNull();
    expect(userQueryProblem('a'.repeat(201))).toBe('At most 200 characters.');
  });

  it('round-trips through the address, only what is set', () => {
    expect(parseUserSearch(new URLSearchParams('q=%20ada%40acme%20&user=u-1'))).toEqual({ q: 'ada@acme', user: 'u-1' });
    expect(parseUserSearch(new URLSearchParams())).toEqual({ q: '', user: '' });
    expect(userSearchParams({ q: 'ada@acme', user: '' }).toString()).toBe('q=ada%40acme');
    expect(userSearchParams({ q: 'ada', user: 'f:1b2c:ada' }).toString()).toBe('q=ada&user=f%3A1b2c%3Aada');
  });
});

describe('a deletion', () => {
  it('is confirmed by the slug typed exactly', () => {
    expect(deletionConfirmed('acme', 'acme')).toBe(true);
    expect(deletionConfirmed(' acme ', 'acme')).toBe(true);
    expect(deletionConfirmed('Acme', 'acme')).toBe(false);
    expect(deletionConfirmed('acm', 'acme')).toBe(false);
    expect(deletionConfirmed('', '')).toBe(false);
    expect(deletionConfirmed('', undefined)).toBe(false);
  });

  it('says what it erased in words, in the gateway’s order', () => {
    expect(erasedRows({ api_keys: 3, project_rate_limit_buckets: 1, member_rate_limit_buckets: 0, usage_days: 40, members: 2, organizations: 1, new_kind: 4 })).toEqual([
      ['API keys', 3],
      ['Projects’ rate-limit buckets', 1],
      ['Members’ rate-limit buckets', 0],
      ['Usage rows', 40],
      ['Members', 2],
      ['Organization', 1],
      ['New kind', 4],
    ]);
    expect(erasedRows(undefined)).toEqual([]);
  });
});

describe('a found user’s memberships', () => {
  it('name the organization, its slug and the role', () => {
    expect(membershipText({ org_id: 'o-1', slug: 'acme', name: 'Acme Bank', role: 'org-admin', org_suspended: false })).toBe('Acme Bank (acme), org-admin');
    expect(membershipText({ org_id: 'o-1', slug: 'acme', role: 'user' })).toBe('acme, user');
  });
});
