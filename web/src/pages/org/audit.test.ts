import { describe, expect, it } from 'vitest';
import {
  attachmentName,
  auditFilterParams,
  auditQuery,
  auditRangeProblem,
  changedFields,
  changeValueText,
  NO_AUDIT_FILTERS,
  parseAuditFilters,
} from './audit';

describe('the audit filters', () => {
  it('come from the address, trimmed, with an unknown service dropped', () => {
    expect(parseAuditFilters(new URLSearchParams())).toEqual(NO_AUDIT_FILTERS);
    expect(parseAuditFilters(new URLSearchParams('actor=%20u-1%20&action=api-key.*&service=wallet-service&org=acme'))).toEqual({
      ...NO_AUDIT_FILTERS,
      actor: 'u-1',
      action: 'api-key.*',
      service: 'wallet-service',
      org: 'acme',
    });
    expect(parseAuditFilters(new URLSearchParams('service=mail-service')).service).toBe('');
  });

  it('round-trip through the address, only those set', () => {
    const filters = { ...NO_AUDIT_FILTERS, from: '2026-12-01', target: 'project/p-1', service: 'gateway' };
    expect(auditFilterParams(filters).toString()).toBe('from=2026-12-01&target=project%2Fp-1&service=gateway');
    expect(parseAuditFilters(auditFilterParams(filters))).toEqual(filters);
    expect(auditFilterParams(NO_AUDIT_FILTERS).toString()).toBe('');
  });

  it('ask the gateway for UTC instants, the last day included, and the organization on the platform’s route only', () => {
    const filters = { ...NO_AUDIT_FILTERS, from: '2026-12-01', to: '2026-12-31', action: 'member.*', org: 'acme' };
    expect(auditQuery(filters, null)).toEqual({ from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z', action: 'member.*', org: 'acme' });
    expect(auditQuery(filters, 'acme')).toEqual({ from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z', action: 'member.*' });
    // an instant from a link goes as it is, and so does nonsense, for the gateway's problem to name
    expect(auditQuery({ ...NO_AUDIT_FILTERS, from: '2026-12-01T10:30:00Z', to: 'yesterday' }, 'acme')).toEqual({
      from: '2026-12-01T10:30:00Z',
      to: 'yesterday',
    });
  });

  it('refuse an end before the start', () => {
    expect(auditRangeProblem('2026-12-02', '2026-12-01')).toEqual({ field: 'to', message: 'The end must not be before the start.' });
    expect(auditRangeProblem('2026-12-01', '2026-12-01')).toBeNull();
    expect(auditRangeProblem('', '2026-12-01')).toBeNull();
  });
});

describe('an audit entry’s changes', () => {
  it('are the fields whose JSON differs, by their names as recorded', () => {
    const changes = {
      after: { name: 'Main', rate_limit: 100, providers: { kyc: 'sumsub' }, webhook_secret: '***' },
      before: { name: 'Main', rate_limit: 50, providers: { kyc: 'persona' }, webhook_secret: '***', network: 'base' },
    };
    expect(changedFields(changes)).toEqual([
      { field: 'network', before: 'base', after: undefined },
      { field: 'providers', before: { kyc: 'persona' }, after: { kyc: 'sumsub' } },
      { field: 'rate_limit', before: 50, after: 100 },
    ]);
  });

  it('are every field of what was created or deleted, and none without changes', () => {
    expect(changedFields({ after: { name: 'ci', scopes: ['kyc:read'] }, before: null })).toEqual([
      { field: 'name', before: undefined, after: 'ci' },
      { field: 'scopes', before: undefined, after: ['kyc:read'] },
    ]);
    expect(changedFields({ after: null, before: 'on' })).toEqual([{ field: 'value', before: 'on', after: undefined }]);
    expect(changedFields(null)).toEqual([]);
    expect(changedFields({ after: { a: 1 }, before: { a: 1 } })).toEqual([]);
  });

  it('show text as it is, anything else as JSON, and an absent field as none', () => {
    expect(changeValueText('***')).toBe('***');
    expect(changeValueText(null)).toBe('null');
    expect(changeValueText({ kyc: 'sumsub' })).toBe('{"kyc":"sumsub"}');
    expect(changeValueText(undefined)).toBeNull();
  });
});

describe('the export’s file name', () => {
  it('is the attachment’s', () => {
    expect(attachmentName('attachment; filename="audit-acme.csv"')).toBe('audit-acme.csv');
    expect(attachmentName(null)).toBeNull();
  });
});
