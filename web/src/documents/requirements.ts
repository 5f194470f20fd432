// What a project's requirements accept and how they are worded: light, for the pages that only state requirements
// (the project page) without the upload machinery of documents.ts.
import type { components } from '../api/generated/document-service';

type Requirement = components['schemas']['RequirementView'];

/** The requirement kind whose answer is a form, sealed as JSON like any document. */
export const PERSONAL_DATA_KIND = 'personal-data';
export const JSON_TYPE = 'application/json';
/** What GCM adds to a plaintext: the 12-byte nonce and the 16-byte tag. A requirement's limit is on the ciphertext. */
export const SEAL_OVERHEAD = 28;

const TYPE_WORDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  [JSON_TYPE]: 'form',
};

export function typeWords(type: string | null | undefined): string {
  return (type && TYPE_WORDS[type]) || type || 'unknown type';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

export function isPersonalData(requirement: Pick<Requirement, 'kind'>): boolean {
  return requirement.kind === PERSONAL_DATA_KIND;
}

/** The largest plaintext a requirement takes. */
export function plaintextLimit(requirement: Pick<Requirement, 'max_bytes'>): number {
  return Math.max(0, (requirement.max_bytes ?? 0) - SEAL_OVERHEAD);
}

/** Why a file cannot answer a requirement (checked before anything is sent), or null. */
export function fileProblem(
  requirement: Pick<Requirement, 'accepted_types' | 'max_bytes'>,
  file: { type: string; size: number },
): string | null {
  const accepted = requirement.accepted_types ?? [];
  if (!accepted.includes(file.type)) {
    return `A ${typeWords(file.type)} file is not accepted here: choose a ${accepted.map(typeWords).join(' or ')}.`;
  }
  if (file.size === 0) return 'The file is empty.';
  if (file.size > plaintextLimit(requirement)) {
    return `The file is ${formatBytes(file.size)}: at most ${formatBytes(plaintextLimit(requirement))} is accepted here.`;
  }
  return null;
}

