import { describe, expect, it } from 'vitest';
import {
  actionRequest,
  describeSubject,
  evidenceTables,
  incidentFilterParams,
  incidentQuery,
  parseIncidentFilters,
} from './incidents';

describe('the incident filters', () => {
  it('show open incidents unless the address asks for resolved ones or all', () => {
    expect(parseIncidentFilters(new URLSearchParams())).toEqual({ status: 'open', detector: '', org: '', page: 0 });
    expect(parseIncidentFilters(new URLSearchParams('status=resolved&detector=api-key&page=2')).status).toBe('resolved');
    expect(parseIncidentFilters(new URLSearchParams('status=all')).status).toBe('');
    expect(parseIncidentFilters(new URLSearchParams('status=nope&detector=nope&page=-3'))).toEqual({
      status: 'open',
      detector: '',
      org: '',
      page: 0,
    });
  });

  it('round-trip through the address, and leave empty filters out of the query', () => {
    const filters = { status: '' as const, detector: 'sign-in', org: 'o-1', page: 1 };
    expect(incidentFilterParams(filters).toString()).toBe('status=all&detector=sign-in&org=o-1&page=1');
    expect(parseIncidentFilters(incidentFilterParams(filters))).toEqual(filters);
    expect(incidentQuery(filters, null)).toEqual({ detector: 'sign-in', org: 'o-1', page: 1, size: 20 });
    // an organization's admins see only theirs: the org filter is the platform's
    expect(incidentQuery({ ...filters, status: 'open' }, 'demo')).toEqual({ status: 'open', detector: 'sign-in', page: 1, size: 20 });
  });
});

describe('an incident', () => {
  it('lists each attribute of its evidence, most frequent value first', () => {
    const tables = evidenceTables({
      source: { '198.51.100.2': 3, '203.0.113.7': 17, '192.0.2.1': 3 },
      'user-agent': { curl: 1 },
    });
    expect(tables.map((t) => t.label)).toEqual(['Source address', 'User agent']);
    expect(tables[0]!.rows).toEqual([
      { value: '203.0.113.7', count: 17 },
      { value: '192.0.2.1', count: 3 },
      { value: '198.51.100.2', count: 3 },
    ]);
    expect(evidenceTables(undefined)).toEqual([]);
  });

  it('names its subject', () => {
    expect(describeSubject('source:203.0.113.7')).toEqual({ kind: 'Source address', id: '203.0.113.7' });
    expect(describeSubject('user:auth0|42:x')).toEqual({ kind: 'User', id: 'auth0|42:x' });
    expect(describeSubject('weird')).toEqual({ kind: 'Subject', id: 'weird' });
  });

  it('takes a suggestion as exactly its kind and target, with a reason only when one is typed', () => {
    const suggestion = { kind: 'revoke-api-key', target: 'k-1', label: 'Revoke the API key' };
    expect(actionRequest(suggestion, '  ')).toEqual({ kind: 'revoke-api-key', target: 'k-1' });
    expect(actionRequest(suggestion, ' leaked in a repo ')).toEqual({ kind: 'revoke-api-key', target: 'k-1', reason: 'leaked in a repo' });
  });
});
