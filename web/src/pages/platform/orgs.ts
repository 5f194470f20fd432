import type { components } from '../../api/generated/gateway';

export type NewOrganization = components['schemas']['NewOrganization'];

export interface OrgForm {
  name: string;
  slug: string;
  /** Emails, separated by commas, spaces or lines. */
  adminContacts: string;
  selfSignup: boolean;
}

export type OrgErrors = Partial<Record<'name' | 'slug' | 'admin_contacts', string>>;

/** As the gateway checks it: a lower-case letter or digit, then 1 to 62 letters, digits or hyphens. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_ADMIN_CONTACTS = 20;

/** A slug suggested from the name: "Acme Bank, Inc." → "acme-bank-inc". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

export function splitContacts(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export type CheckedOrg = { ok: true; request: NewOrganization } | { ok: false; errors: OrgErrors };

/** Checks the form before it is sent (the gateway's rules) and builds `POST /orgs`'s body. */
export function checkOrganization(form: OrgForm): CheckedOrg {
  const errors: OrgErrors = {};
  const name = form.name.trim();
  const slug = form.slug.trim();
  const contacts = splitContacts(form.adminContacts);
  if (name === '') errors.name = 'Enter the organization’s name.';
  else if (name.length > 200) errors.name = 'At most 200 characters.';
  if (slug === '') errors.slug = 'Enter a slug.';
  else if (!SLUG_PATTERN.test(slug)) {
    errors.slug = 'Use 2 to 63 lower-case letters, digits and hyphens, starting with a letter or digit.';
  }
  const invalid = contacts.filter((c) => !EMAIL.test(c));
  if (invalid.length > 0) errors.admin_contacts = `Not an email address: ${invalid.join(', ')}.`;
  else if (contacts.length > MAX_ADMIN_CONTACTS) errors.admin_contacts = `At most ${MAX_ADMIN_CONTACTS} contacts.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { name, slug, admin_contacts: contacts, self_signup: form.selfSignup } };
}
