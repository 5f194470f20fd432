/**
 * Business verification (KYB, issue 21): the "Verify a business" form, its checks before sending (as
 * compliance-service checks `POST /compliance/kyb`), the request built from it, and a case's state in words.
 */
import type { KybCase, KybOwner, KybOwnerRole, StartKybRequest } from '../api/additions';
import { isEmail, isHttpUrl } from '../forms/checks';
import type { Tone } from '../pages/user/kyc';

/** compliance-service's bounds (`ApplyRequest`). */
export const KYB_BOUNDS = { maxOwners: 10, textMax: 200, idMax: 64, postalCodeMax: 32, maxOwnershipTotal: 100 } as const;

/** A registration number: letters and digits, then also spaces, dots, slashes and dashes. */
const REGISTRATION_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/;
const TAX_ID = /^[A-Za-z0-9 ./-]+$/;
const WEBSITE = /^https?:\/\/\S+$/i;

export const OWNER_ROLES = [
  ['beneficial_owner', 'Beneficial owner'],
  ['director', 'Director'],
] as const satisfies readonly (readonly [KybOwnerRole, string])[];

export function ownerRoleLabel(role: string | null | undefined): string {
  return OWNER_ROLES.find(([value]) => value === role)?.[1] ?? role ?? 'Owner';
}

/** One owner as the form holds it; `row` only tells the rows apart (never sent). */
export interface OwnerForm {
  row: number;
  role: KybOwnerRole;
  ownership_percent: string;
  first_name: string;
  last_name: string;
  email: string;
  birthdate: string;
}

export interface KybForm {
  legal_name: string;
  registration_number: string;
  country_code: string;
  tax_id: string;
  incorporation_date: string;
  website: string;
  street_1: string;
  street_2: string;
  city: string;
  subdivision: string;
  postal_code: string;
  address_country_code: string;
  owners: OwnerForm[];
}

type BusinessField = Exclude<keyof KybForm, 'owners'>;
type OwnerField = Exclude<keyof OwnerForm, 'row'>;

export interface KybErrors {
  fields: Partial<Record<BusinessField | 'owners', string>>;
  /** By the owner row's `row`. */
  owners: Record<number, Partial<Record<OwnerField, string>>>;
}

let nextRow = 1;

export function newOwner(role: KybOwnerRole = 'beneficial_owner'): OwnerForm {
  return { row: nextRow++, role, ownership_percent: '', first_name: '', last_name: '', email: '', birthdate: '' };
}

/** An empty form with one beneficial owner (at least one is required). */
export function emptyKybForm(): KybForm {
  return {
    legal_name: '',
    registration_number: '',
    country_code: '',
    tax_id: '',
    incorporation_date: '',
    website: '',
    street_1: '',
    street_2: '',
    city: '',
    subdivision: '',
    postal_code: '',
    address_country_code: '',
    owners: [newOwner()],
  };
}

const ADDRESS_FIELDS = ['street_1', 'street_2', 'city', 'subdivision', 'postal_code', 'address_country_code'] as const;

/** What is wrong with a free text (trimmed): too long, or a control character; null when fine. */
function textProblem(value: string): string | null {
  if (value.length > KYB_BOUNDS.textMax) return `At most ${KYB_BOUNDS.textMax} characters.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'No line breaks or control characters.';
  return null;
}

const COUNTRY = /^[A-Za-z]{2}$/;

/** A past date written YYYY-MM-DD, or what is wrong with it. */
function pastDateProblem(value: string, today: Date): string | null {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) return 'A date (YYYY-MM-DD).';
  if (date > today) return 'A date in the past.';
  return null;
}

/** An ownership share: a number from 0 to 100, with up to two decimals; null for an empty one. */
export function parseShare(value: string): number | null | 'invalid' {
  const text = value.trim().replace(',', '.');
  if (!text) return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return 'invalid';
  const share = Number(text);
  return share <= 100 ? share : 'invalid';
}

export function kybErrors(form: KybForm, today: Date = new Date()): KybErrors {
  const fields: KybErrors['fields'] = {};
  const required: BusinessField[] = ['legal_name', 'registration_number', 'country_code'];
  for (const key of Object.keys(form) as (keyof KybForm)[]) {
    if (key === 'owners') continue;
    const value = form[key].trim();
    if (!value) {
      if (required.includes(key)) fields[key] = 'Required.';
      continue;
    }
    const problem = textProblem(value);
    if (problem) fields[key] = problem;
  }
  if (!fields.country_code && form.country_code.trim() && !COUNTRY.test(form.country_code.trim())) {
    fields.country_code = 'Two letters (ISO 3166-1), e.g. FR.';
  }
  const number = form.registration_number.trim();
  if (!fields.registration_number && number) {
    if (number.length > KYB_BOUNDS.idMax) fields.registration_number = `At most ${KYB_BOUNDS.idMax} characters.`;
    else if (!REGISTRATION_NUMBER.test(number)) fields.registration_number = 'Letters and digits, with spaces, dots, slashes or dashes between them.';
  }
  const tax = form.tax_id.trim();
  if (!fields.tax_id && tax) {
    if (tax.length > KYB_BOUNDS.idMax) fields.tax_id = `At most ${KYB_BOUNDS.idMax} characters.`;
    else if (!TAX_ID.test(tax)) fields.tax_id = 'Letters, digits, spaces, dots, slashes or dashes.';
  }
  if (!fields.postal_code && form.postal_code.trim().length > KYB_BOUNDS.postalCodeMax) fields.postal_code = `At most ${KYB_BOUNDS.postalCodeMax} characters.`;
  if (!fields.incorporation_date && form.incorporation_date.trim()) {
    fields.incorporation_date = pastDateProblem(form.incorporation_date.trim(), today) ?? undefined;
  }
  const website = form.website.trim();
  if (!fields.website && website && !(WEBSITE.test(website) && isHttpUrl(website))) fields.website = 'An http(s) address, e.g. https://example.com.';
  // The address is optional, but whole: street, city, postal code and country once any part is given.
  if (ADDRESS_FIELDS.some((key) => form[key].trim())) {
    for (const key of ['street_1', 'city', 'postal_code', 'address_country_code'] as const) {
      if (!form[key].trim() && !fields[key]) fields[key] = 'Required for an address.';
    }
    if (!fields.address_country_code && !COUNTRY.test(form.address_country_code.trim())) {
      fields.address_country_code = 'Two letters (ISO 3166-1), e.g. FR.';
    }
  }

  const owners: KybErrors['owners'] = {};
  let total = 0;
  for (const owner of form.owners) {
    const errors: Partial<Record<OwnerField, string>> = {};
    for (const key of ['first_name', 'last_name'] as const) {
      const value = owner[key].trim();
      errors[key] = value ? (textProblem(value) ?? undefined) : 'Required.';
    }
    const email = owner.email.trim();
    if (email) errors.email = textProblem(email) ?? (isEmail(email) ? undefined : 'An email address, e.g. name@example.com.');
    const birthdate = owner.birthdate.trim();
    if (birthdate) errors.birthdate = pastDateProblem(birthdate, today) ?? undefined;
    const share = parseShare(owner.ownership_percent);
    if (share === 'invalid') errors.ownership_percent = 'A share from 0 to 100 (%), with up to two decimals, e.g. 25 or 12.5.';
    else if (share === null && owner.role === 'beneficial_owner') errors.ownership_percent = 'A beneficial owner’s share of the business (%).';
    else if (share !== null) total += share;
    const found = Object.fromEntries(Object.entries(errors).filter(([, message]) => message));
    if (Object.keys(found).length > 0) owners[owner.row] = found;
  }
  if (form.owners.length === 0) fields.owners = 'Add at least one beneficial owner.';
  else if (form.owners.length > KYB_BOUNDS.maxOwners) fields.owners = `At most ${KYB_BOUNDS.maxOwners} owners: remove ${form.owners.length - KYB_BOUNDS.maxOwners}.`;
  else if (!form.owners.some((owner) => owner.role === 'beneficial_owner')) fields.owners = 'At least one owner must be a beneficial owner.';
  else if (Math.round(total * 100) > KYB_BOUNDS.maxOwnershipTotal * 100) {
    fields.owners = `The shares add up to ${Math.round(total * 100) / 100} %: at most 100 % in all.`;
  }
  return { fields: Object.fromEntries(Object.entries(fields).filter(([, message]) => message)), owners };
}

export function hasKybErrors(errors: KybErrors): boolean {
  return Object.keys(errors.fields).length > 0 || Object.keys(errors.owners).length > 0;
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** `POST /compliance/kyb`'s body: values trimmed, country codes in capitals, empty optional fields left out. */
export function kybRequest(form: KybForm): StartKybRequest {
  const business: StartKybRequest['business'] = {
    legal_name: form.legal_name.trim(),
    registration_number: form.registration_number.trim(),
    country_code: form.country_code.trim().toUpperCase(),
  };
  const tax = optional(form.tax_id);
  if (tax) business.tax_id = tax;
  const incorporated = optional(form.incorporation_date);
  if (incorporated) business.incorporation_date = incorporated;
  const website = optional(form.website);
  if (website) business.website = website;
  if (ADDRESS_FIELDS.some((key) => form[key].trim())) {
    business.address = {
      street_1: form.street_1.trim(),
      ...(optional(form.street_2) ? { street_2: form.street_2.trim() } : {}),
      city: form.city.trim(),
      ...(optional(form.subdivision) ? { subdivision: form.subdivision.trim() } : {}),
      postal_code: form.postal_code.trim(),
      country_code: form.address_country_code.trim().toUpperCase(),
    };
  }
  return {
    business,
    owners: form.owners.map((owner) => {
      const share = parseShare(owner.ownership_percent);
      return {
        role: owner.role,
        ...(typeof share === 'number' ? { ownership_percent: share } : {}),
        first_name: owner.first_name.trim(),
        last_name: owner.last_name.trim(),
        ...(optional(owner.email) ? { email: owner.email.trim() } : {}),
        ...(optional(owner.birthdate) ? { birthdate: owner.birthdate.trim() } : {}),
      };
    }),
  };
}

/**
 * The service's field errors, for the form. compliance-service names them by property (`business.legal_name`,
 * `business.address.city`; an owner's `owners.email`, without saying which owner, and the list's own checks
 * `beneficial_owner_listed`, `ownership_at_most_whole`): the business's go to their fields, the owners' to the owners'
 * list; an indexed name (`owners[1].email`) goes to that row.
 */
export function kybServerErrors(form: KybForm, fieldErrors: Record<string, string>): KybErrors {
  const fields: KybErrors['fields'] = {};
  const owners: KybErrors['owners'] = {};
  const listed: string[] = [];
  for (const [name, message] of Object.entries(fieldErrors)) {
    const indexed = /^owners(?:\[(\d+)\]|\.(\d+))\.([a-z_]+)$/.exec(name);
    const row = indexed ? form.owners[Number(indexed[1] ?? indexed[2])]?.row : undefined;
    if (indexed && row !== undefined) {
      owners[row] = { ...owners[row], [indexed[3] as OwnerField]: message };
      continue;
    }
    const address = /^business\.address\.([a-z_0-9]+)$/.exec(name);
    if (address) {
      const key = address[1] === 'country_code' ? 'address_country_code' : address[1]!.replace(/^street(\d)$/, 'street_$1');
      fields[key as BusinessField] = message;
      continue;
    }
    const business = /^business\.([a-z_]+)$/.exec(name);
    if (business) fields[business[1] as BusinessField] = message;
    else if (name.startsWith('owners') || name === 'beneficial_owner_listed' || name === 'ownership_at_most_whole') {
      const field = name.startsWith('owners.') ? name.slice('owners.'.length).replace(/_/g, ' ') : null;
      listed.push(field ? `${field}: ${message}` : message);
    }
  }
  if (listed.length > 0) fields.owners = `${listed.join('; ')}.`.replace(/\.\.$/, '.');
  return { fields, owners };
}

// --- A case in words --------------------------------------------------------------------------------------

/** A business case's status for people; `tone` only styles it. */
export function kybStatusWords(status: string | null | undefined): { label: string; tone: Tone } {
  switch (status) {
    case 'pending':
      return { label: 'In progress', tone: 'info' };
    case 'review':
      return { label: 'In review', tone: 'info' };
    case 'verified':
    case 'approved':
      return { label: 'Verified', tone: 'success' };
    case 'rejected':
    case 'declined':
      return { label: 'Declined', tone: 'danger' };
    default:
      return { label: status ? status.replace(/[_-]/g, ' ') : 'Unknown', tone: 'neutral' };
  }
}

/** The API never says who an owner is: they are named by position, as the form numbered them ("Owner 2"). */
export function ownerName(owner: Pick<KybOwner, 'position'>): string {
  return owner.position == null ? 'Owner' : `Owner ${owner.position}`;
}

/** "Waiting for 1 of 2 owners", "All 2 owners are verified", or who was rejected. */
export function ownersLine(owners: readonly KybOwner[]): string {
  if (owners.length === 0) return 'No owners are listed.';
  const rejected = owners.filter((owner) => owner.kyc_status === 'rejected');
  if (rejected.length > 0) {
    return `${rejected.length === 1 ? '1 owner was' : `${rejected.length} owners were`} not verified: ${rejected.map(ownerName).join(', ')}.`;
  }
  const waiting = owners.filter((owner) => owner.kyc_status !== 'verified');
  if (waiting.length === 0) return owners.length === 1 ? 'The owner is verified.' : `All ${owners.length} owners are verified.`;
  return `Waiting for ${waiting.length} of ${owners.length} ${owners.length === 1 ? 'owner' : 'owners'}: ${waiting.map(ownerName).join(', ')}.`;
}

/** The business's own verification at the provider (`verification_status`), in one sentence. */
export function businessVerificationLine(status: string | null | undefined): string {
  switch (status) {
    case 'review':
      return 'The business’s documents are being checked.';
    case 'verified':
      return 'The business’s own verification passed.';
    case 'rejected':
      return 'The business’s own verification did not pass.';
    default:
      return 'The business’s own verification is still to do.';
  }
}

/** What the case waits for, in one line: the business's own verification, then its owners. */
export function kybWaitingLine(kybCase: Pick<KybCase, 'status' | 'owners' | 'verification_status'>): string {
  switch (kybCase.status) {
    case 'review':
      return 'Every check is in: a reviewer of the organization decides next.';
    case 'verified':
    case 'approved':
      return 'The business is verified.';
    case 'rejected':
    case 'declined':
      return 'The business verification was declined.';
    default: {
      const owners = ownersLine(kybCase.owners ?? []);
      return kybCase.verification_status === 'verified' ? owners : `${businessVerificationLine(kybCase.verification_status)} ${owners}`;
    }
  }
}
