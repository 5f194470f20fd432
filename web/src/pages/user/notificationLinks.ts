/**
 * Where a notification leads in the console, from its type (`kyc.*`, `wallet.*`, `transfer.*`, `claim.*`,
 * `document.*`):
 * the services' `link` names API resources (`/transfers/{id}`), not console pages. Null for types with no
 * end-user page (e.g. `provider.*`, admin alerts).
 */
export function consolePathOf(type: string | null | undefined): string | null {
  if (!type) return null;
  if (type.startsWith('kyc.')) return '/kyc';
  if (type.startsWith('wallet.') || type.startsWith('transfer.')) return '/wallet';
  if (type.startsWith('claim.')) return '/identity';
  // document.storage-failed is the admins' alert, not the person's (document.failed)
  if (type.startsWith('document.') && type !== 'document.storage-failed') return '/documents';
  return null;
}
