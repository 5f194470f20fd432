import { describe, expect, it } from 'vitest';
import { kycActionOf, kycStatusWords, outcomeOf, startRequest } from './kyc';

describe('kycActionOf (status → next action)', () => {
  it('maps next_action to the button', () => {
    expect(kycActionOf('start')).toEqual({ kind: 'start', label: 'Start verification' });
    expect(kycActionOf('resume')).toEqual({ kind: 'resume', label: 'Resume verification' });
    for (const next of ['wait', 'none', 'contact_support', undefined, 'unknown']) {
      expect(kycActionOf(next)).toEqual({ kind: 'view', label: 'View status' });
    }
  });
});

describe('kycStatusWords', () => {
  it('says each status in words, "not started" before any case', () => {
    expect(kycStatusWords('pending', null).label).toBe('Not started');
    expect(kycStatusWords('pending', 'c1').label).toBe('In progress');
    expect(kycStatusWords('review').label).toBe('In review');
    expect(kycStatusWords('verified')).toEqual({ label: 'Verified', tone: 'success' });
    expect(kycStatusWords('rejected')).toEqual({ label: 'Rejected', tone: 'danger' });
  });
});

describe('startRequest', () => {
  it("is the caller's own case with the chosen document, names only when given", () => {
    expect(startRequest('sub-1', 'passport')).toEqual({ user_id: 'sub-1', document_type: 'passport' });
    expect(startRequest('sub-1', 'id_card', { first_name: ' Ada ', last_name: '' })).toEqual({
      user_id: 'sub-1',
      document_type: 'id_card',
      personal_info: { first_name: 'Ada' },
    });
  });
});

describe('outcomeOf', () => {
  it("reads the SDK's onComplete status", () => {
    expect(outcomeOf('completed')).toBe('completed');
    expect(outcomeOf('approved')).toBe('completed');
    expect(outcomeOf('failed')).toBe('failed');
  });
});
