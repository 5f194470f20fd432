import { describe, expect, it } from 'vitest';
import { emptyKybForm, kybErrors, kybRequest, kybServerErrors, kybStatusWords, kybWaitingLine, newOwner, ownersLine, parseShare, type KybForm } from './kyb';

const today = new Date('2026-12-07T12:00:00Z');

function acme(): KybForm {
  const form = emptyKybForm();
  return {
    ...form,
    legal_name: ' Acme Ltd ',
    registration_number: '12345678',
    country_code: 'gb',
    owners: [{ ...form.owners[0]!, first_name: 'Ada', last_name: 'Lovelace', ownership_percent: '60' }],
  };
}

describe('the business form’s checks', () => {
  it('needs the company’s name, number and country, and one beneficial owner with a name', () => {
    const form = emptyKybForm();
    const errors = kybErrors(form, today);
    expect(errors.fields).toEqual({ legal_name: 'Required.', registration_number: 'Required.', country_code: 'Required.' });
    expect(errors.owners[form.owners[0]!.row]).toEqual({
      first_name: 'Required.',
      last_name: 'Required.',
      ownership_percent: 'A beneficial owner’s share of the business (%).',
    });
    expect(kybErrors(acme(), today)).toEqual({ fields: {}, owners: {} });
  });

  it('checks countries, dates, the website and an address given in part', () => {
    const errors = kybErrors({ ...acme(), country_code: 'GBR', incorporation_date: '2027-01-01', website: 'acme.example', city: 'London' }, today);
    expect(errors.fields).toEqual({
      country_code: 'Two letters (ISO 3166-1), e.g. FR.',
      incorporation_date: 'A date in the past.',
      website: 'An http(s) address, e.g. https://example.com.',
      street_1: 'Required for an address.',
      postal_code: 'Required for an address.',
      address_country_code: 'Required for an address.',
    });
    expect(kybErrors({ ...acme(), legal_name: 'x'.repeat(201) }, today).fields.legal_name).toBe('At most 200 characters.');
    expect(kybErrors({ ...acme(), tax_id: 'a\nb' }, today).fields.tax_id).toBe('No line breaks or control characters.');
  });

  it('checks each owner: email, birthdate and share (a beneficial owner’s is required)', () => {
    const form = acme();
    const owner = { ...form.owners[0]!, email: 'ada@', birthdate: '1815-13-10', ownership_percent: '100.5' };
    expect(kybErrors({ ...form, owners: [owner] }, today).owners[owner.row]).toEqual({
      email: 'An email address, e.g. name@example.com.',
      birthdate: 'A date (YYYY-MM-DD).',
      ownership_percent: 'A share from 0 to 100 (%), with up to two decimals, e.g. 25 or 12.5.',
    });
    expect(kybErrors({ ...form, owners: [{ ...owner, email: '', birthdate: '', ownership_percent: '' }] }, today).owners[owner.row]).toEqual({
      ownership_percent: 'A beneficial owner’s share of the business (%).',
    });
  });

  it('checks registration and tax numbers, the postal code and the website as the service does', () => {
    const fields = kybErrors(
      { ...acme(), registration_number: '-123', tax_id: 'GB#1', website: 'https://acme example', street_1: '1 Main St', city: 'London', postal_code: 'x'.repeat(33), address_country_code: 'GB' },
      today,
    ).fields;
    expect(fields).toEqual({
      registration_number: 'Letters and digits, with spaces, dots, slashes or dashes between them.',
      tax_id: 'Letters, digits, spaces, dots, slashes or dashes.',
      website: 'An http(s) address, e.g. https://example.com.',
      postal_code: 'At most 32 characters.',
    });
    expect(kybErrors({ ...acme(), registration_number: 'HRB 123/45-A' }, today).fields).toEqual({});
  });

  it('checks the owners as a whole: 1 to 10, a beneficial owner among them, shares up to 100 %', () => {
    const form = acme();
    expect(kybErrors({ ...form, owners: [] }, today).fields.owners).toBe('Add at least one beneficial owner.');
    const director = { ...newOwner('director'), first_name: 'Bo', last_name: 'Director' };
    expect(kybErrors({ ...form, owners: [director] }, today).fields.owners).toBe('At least one owner must be a beneficial owner.');
    const second = { ...newOwner(), first_name: 'Cy', last_name: 'Partner', ownership_percent: '40.01' };
    expect(kybErrors({ ...form, owners: [...form.owners, second] }, today).fields.owners).toBe('The shares add up to 100.01 %: at most 100 % in all.');
    expect(kybErrors({ ...form, owners: [...form.owners, { ...second, ownership_percent: '40' }] }, today).fields).toEqual({});
    const eleven = Array.from({ length: 11 }, () => ({ ...newOwner('director'), first_name: 'A', last_name: 'B' }));
    expect(kybErrors({ ...form, owners: [form.owners[0]!, ...eleven.slice(1)] }, today).fields.owners).toBe('At most 10 owners: remove 1.');
  });

  it('reads shares with a point or a comma, up to two decimals', () => {
    expect(parseShare('25')).toBe(25);
    expect(parseShare('12,5')).toBe(12.5);
    expect(parseShare('')).toBeNull();
    expect(parseShare('0')).toBe(0);
    expect(parseShare('100.01')).toBe('invalid');
    expect(parseShare('33.333')).toBe('invalid');
  });
});

describe('the request', () => {
  it('trims, puts countries in capitals, and leaves out what is empty', () => {
    const form = acme();
    const director = { ...newOwner('director'), first_name: ' Bo ', last_name: 'Director', email: 'bo@example.com' };
    expect(kybRequest({ ...form, owners: [...form.owners, director] })).toEqual({
      business: { legal_name: 'Acme Ltd', registration_number: '12345678', country_code: 'GB' },
      owners: [
        { role: 'beneficial_owner', ownership_percent: 60, first_name: 'Ada', last_name: 'Lovelace' },
        { role: 'director', first_name: 'Bo', last_name: 'Director', email: 'bo@example.com' },
      ],
    });
    expect(
      kybRequest({ ...form, street_1: '1 Main St', city: 'London', postal_code: 'N1', address_country_code: 'gb', website: 'https://acme.example' }).business,
    ).toMatchObject({ website: 'https://acme.example', address: { street_1: '1 Main St', city: 'London', postal_code: 'N1', country_code: 'GB' } });
  });

  it('puts the service’s field errors at their fields, and the owners’ at the owners’ list', () => {
    const form = { ...acme(), owners: [acme().owners[0]!, { ...newOwner(), first_name: 'Cy', last_name: 'P' }] };
    const errors = kybServerErrors(form, {
      'business.registration_number': 'must match "[A-Za-z0-9][A-Za-z0-9 ./-]*"',
      'business.address.country_code': 'an ISO 3166-1 alpha-2 code, upper case',
      'business.address.street1': 'size must be between 1 and 200',
      'owners.email': 'must be a well-formed email address',
      ownership_at_most_whole: "the owners' ownership_percent must add up to at most 100",
    });
    expect(errors.fields).toEqual({
      registration_number: 'must match "[A-Za-z0-9][A-Za-z0-9 ./-]*"',
      address_country_code: 'an ISO 3166-1 alpha-2 code, upper case',
      street_1: 'size must be between 1 and 200',
      owners: "email: must be a well-formed email address; the owners' ownership_percent must add up to at most 100.",
    });
    expect(kybServerErrors(form, { 'owners[1].email': 'must be an email' }).owners).toEqual({ [form.owners[1]!.row]: { email: 'must be an email' } });
  });
});

describe('a business case in words', () => {
  const owners = [
    { owner_id: 'o1', position: 1, role: 'beneficial_owner', kyc_status: 'verified' },
    { owner_id: 'o2', position: 2, role: 'director', kyc_status: 'pending' },
  ];

  it('says what the owners are waiting for, naming them by position', () => {
    expect(ownersLine(owners)).toBe('Waiting for 1 of 2 owners: Owner 2.');
    expect(ownersLine(owners.map((o) => ({ ...o, kyc_status: 'verified' })))).toBe('All 2 owners are verified.');
    expect(ownersLine([{ ...owners[1]!, kyc_status: 'rejected' }, owners[0]!])).toBe('1 owner was not verified: Owner 2.');
    expect(ownersLine([{ position: 1, kyc_status: null }])).toBe('Waiting for 1 of 1 owner: Owner 1.');
  });

  it('says what the case is waiting for', () => {
    expect(kybWaitingLine({ status: 'pending', verification_status: 'pending', owners })).toBe(
      'The business’s own verification is still to do. Waiting for 1 of 2 owners: Owner 2.',
    );
    expect(kybWaitingLine({ status: 'pending', verification_status: 'review', owners })).toBe(
      'The business’s documents are being checked. Waiting for 1 of 2 owners: Owner 2.',
    );
    expect(kybWaitingLine({ status: 'pending', verification_status: 'verified', owners })).toBe('Waiting for 1 of 2 owners: Owner 2.');
    expect(kybWaitingLine({ status: 'review', owners })).toBe('Every check is in: a reviewer of the organization decides next.');
    expect(kybWaitingLine({ status: 'verified' })).toBe('The business is verified.');
    expect(kybStatusWords('declined')).toEqual({ label: 'Declined', tone: 'danger' });
    expect(kybStatusWords('waiting_owners').label).toBe('waiting owners');
  });
});
