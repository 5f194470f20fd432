import { describe, expect, it } from 'vitest';
import { kycActionOf, kycStatusWords, outcomeOf, sessionOf, startRequest } from './kyc';

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

describe('sessionOf (start answer → the provider’s flow)', () => {
  it('opens Sumsub with its access token', () => {
    expect(sessionOf({ provider: 'sumsub', session_token: '_act-1', provider_reference: 'app-1' })).toEqual({ provider: 'sumsub', accessToken: '_act-1' });
  });

  it('opens Persona from the old fields, or from the new ones', () => {
    expect(sessionOf({ persona_inquiry_id: 'inq_1', persona_session_token: 'sess_1' })).toEqual({ provider: 'persona', inquiryId: 'inq_1', sessionToken: 'sess_1' });
    expect(sessionOf({ provider: 'persona', provider_reference: 'inq_2', session_token: 'sess_2' })).toEqual({
      provider: 'persona',
      inquiryId: 'inq_2',
      sessionToken: 'sess_2',
    });
  });

  it('opens nothing for a case without a session (in review, decided)', () => {
    expect(sessionOf({ provider: 'sumsub', session_token: null })).toBeNull();
    expect(sessionOf({ provider: 'persona', persona_inquiry_id: 'inq_1' })).toBeNull();
  });
});
