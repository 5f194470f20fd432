import { describe, expect, it } from 'vitest';
import { parseStepKinds, remainingLine, requiredStepLine, stepKindLabel, stepKindsError, stepStatusWords } from './steps';

describe('stepKindLabel', () => {
  it('names the known kinds, and an unknown one from its words', () => {
    expect(stepKindLabel('government-id')).toBe('Government ID');
    expect(stepKindLabel('database')).toBe('Database check');
    expect(stepKindLabel('email-address')).toBe('Email address');
    expect(stepKindLabel('inquiry')).toBe('Whole verification (inquiry)');
    expect(stepKindLabel('bank-account')).toBe('Bank account');
    expect(stepKindLabel(undefined)).toBe('Unknown step');
  });

  it('names the kinds Sumsub’s checks are recorded as', () => {
    expect(stepKindLabel('phone')).toBe('Phone number');
    expect(stepKindLabel('email')).toBe('Email address');
    expect(stepKindLabel('questionnaire')).toBe('Questionnaire');
    expect(stepKindLabel('business')).toBe('Business documents');
    expect(stepKindLabel('document')).toBe('Document');
    expect(stepKindLabel('selfie')).toBe('Selfie');
  });
});

describe('stepStatusWords', () => {
  it('says each status in words, with a tone that only repeats them', () => {
    expect(stepStatusWords('passed')).toEqual({ label: 'Passed', tone: 'success' });
    expect(stepStatusWords('failed')).toEqual({ label: 'Failed', tone: 'danger' });
    expect(stepStatusWords('requires-retry')).toEqual({ label: 'Needs another try', tone: 'warning' });
    expect(stepStatusWords('submitted').label).toBe('Submitted, being checked');
    expect(stepStatusWords('pending').label).toBe('Pending');
    expect(stepStatusWords('not-started').label).toBe('Not started');
    expect(stepStatusWords('needs_review').label).toBe('needs review');
  });
});

describe('requiredStepLine', () => {
  it('says done or what is still to do', () => {
    expect(requiredStepLine({ kind: 'government-id', status: 'passed', done: true })).toBe('Government ID: done');
    expect(requiredStepLine({ kind: 'database', status: 'not-started', done: false })).toBe('Database check: still to do');
    expect(requiredStepLine({ kind: 'selfie', status: 'pending', done: false })).toBe('Selfie: still to do');
    expect(requiredStepLine({ kind: 'selfie', status: 'submitted', done: false })).toBe('Selfie: sent, being checked');
    expect(requiredStepLine({ kind: 'selfie', status: 'requires-retry', done: false })).toBe('Selfie: to do again');
    expect(requiredStepLine({ kind: 'selfie', status: 'failed', done: false })).toBe('Selfie: did not pass');
  });
});

describe('remainingLine', () => {
  const gov = { kind: 'government-id', status: 'passed', done: true };
  const db = { kind: 'database', status: 'not-started', done: false };
  it('counts what is done and names what is left', () => {
    expect(remainingLine({ required: [gov, db], remaining: ['database'], complete: false })).toBe(
      '1 of 2 required steps done. Still to do: Database check.',
    );
  });
  it('says when everything is done, or nothing is required', () => {
    expect(remainingLine({ required: [gov], remaining: [], complete: true })).toBe('The required step is done.');
    expect(remainingLine({ required: [gov, { ...db, done: true }], remaining: [], complete: true })).toBe('All 2 required steps are done.');
    expect(remainingLine({ required: [], remaining: [], complete: true })).toMatch(/No particular steps are required/);
  });
});

describe('required step kinds', () => {
  it('splits a typed list on commas and spaces', () => {
    expect(parseStepKinds(' government-id, selfie\ndatabase ,, ')).toEqual(['government-id', 'selfie', 'database']);
    expect(parseStepKinds('')).toEqual([]);
  });
  it('checks them as the service does: shape, unique, at most 16', () => {
    expect(stepKindsError(['government-id', 'x1'])).toBeNull();
    expect(stepKindsError([])).toBeNull();
    expect(stepKindsError(['Selfie'])).toMatch(/“Selfie” is not a step kind/);
    expect(stepKindsError(['-id'])).toMatch(/not a step kind/);
    expect(stepKindsError(['a'.repeat(65)])).toMatch(/not a step kind/);
    expect(stepKindsError(['a'.repeat(64)])).toBeNull();
    expect(stepKindsError(['selfie', 'selfie'])).toBe('“selfie” is listed twice: each step once.');
    expect(stepKindsError(Array.from({ length: 17 }, (_, i) => `k${i}`))).toBe('At most 16 steps: remove 1.');
  });
});
