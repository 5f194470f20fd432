/**
 * The provider session of a business case just started, handed from the form to the case page in memory only
 * (never in the address, history or storage): the case page reads it when it opens and forgets it when it closes.
 */
import type { KybCase } from '../api/additions';

const started = new Map<string, KybCase>();

export function keepStarted(kybCase: KybCase): void {
  if (kybCase.business_case_id) started.set(kybCase.business_case_id, kybCase);
}

export function startedCase(caseId: string): KybCase | undefined {
  return started.get(caseId);
}

export function forgetStarted(caseId: string): void {
  started.delete(caseId);
}
