import { describe, expect, it } from 'vitest';
import { checkOrganization, slugFrom, splitContacts } from './orgs';

describe('checkOrganization', () => {
  it('builds POST /orgs from the form', () => {
    expect(
      checkOrganization({ name: ' Acme Bank ', slug: 'acme-bank', adminContacts: 'a@acme.test, b@acme.test\nc@acme.test', selfSignup: true }),
    ).toEqual({
      ok: true,
      request: { name: 'Acme Bank', slug: 'acme-bank', admin_contacts: ['a@acme.test', 'b@acme.test', 'c@acme.test'], self_signup: true },
    });
  });

  it("says what is wrong, by the gateway's rules", () => {
    const checked = checkOrganization({ name: '', slug: 'Acme!', adminContacts: 'a@acme.test nope', selfSignup: false });
    expect(checked).toEqual({
      ok: false,
      errors: {
        name: 'Enter the organization’s name.',
        slug: expect.stringContaining('lower-case letters'),
        admin_contacts: 'Not an email address: nope.',
      },
    });
    expect(checkOrganization({ name: 'x', slug: 'a', adminContacts: '', selfSignup: false })).toMatchObject({ ok: false });
    expect(checkOrganization({ name: 'x', slug: '-ab', adminContacts: '', selfSignup: false })).toMatchObject({ ok: false });
    expect(checkOrganization({ name: 'x', slug: 'ab', adminContacts: '', selfSignup: false })).toMatchObject({ ok: true });
  });

  it('suggests a slug and splits contacts', () => {
    expect(slugFrom('Acme Bank, Inc.')).toBe('acme-bank-inc');
    expect(slugFrom('Zoë’s Café')).toBe('zoe-s-cafe');
    expect(splitContacts(' a@x.test;b@x.test ,, ')).toEqual(['a@x.test', 'b@x.test']);
  });
});
