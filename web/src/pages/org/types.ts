/**
 * The organization pages' names for the generated API schemas (never hand-written shapes), plus the
 * few answers whose schema the services' documents do not state yet (created with `Response`): those
 * are read through the guards below, from the generated view they extend.
 */
import type { ProjectWithFallback, SponsoredTransferView } from '../../api/additions';
import type { components as Compliance } from '../../api/generated/compliance-service';
import type { components as Gateway } from '../../api/generated/gateway';
import type { components as IdentityApi } from '../../api/generated/identity-service';
import type { components as Notification } from '../../api/generated/notification-service';
import type { components as Wallet } from '../../api/generated/wallet-service';

export type KycCase = Compliance['schemas']['CaseView'];
export type CasePage = Compliance['schemas']['CasePage'];
export type CaseHistoryEntry = Compliance['schemas']['HistoryEntry'];
export type PersonaSettings = Compliance['schemas']['SettingsView'];
export type PersonaSettingsChange = Compliance['schemas']['SettingsChange'];
export type PersonaReport = Compliance['schemas']['Report'];

export type DfnsSettings = Wallet['schemas']['DfnsSettingsView'];
export type DfnsSettingsRequest = Wallet['schemas']['DfnsSettingsRequest'];
export type DfnsCheck = Wallet['schemas']['CredentialCheckView'];
export type OrgWallet = Wallet['schemas']['OrgWalletView'];
export type OrgWalletPage = Wallet['schemas']['PageViewOrgWalletView'];
/** With the sponsorship fields (issue 19) until wallet-service's document states them. */
export type Transfer = SponsoredTransferView;
export type SpendingPolicy = Wallet['schemas']['SpendingPolicyView'];
export type SpendingPolicyRequest = Wallet['schemas']['SpendingPolicyRequest'];

export type Identity = IdentityApi['schemas']['IdentityView'];

/** With `kyc_fallback_provider` (issue 21) until the gateway's document states it. */
export type Project = ProjectWithFallback;
export type ApiKey = Gateway['schemas']['ApiKeyView'];
export type Member = Gateway['schemas']['MemberView'];
export type UsageReport = Gateway['schemas']['UsageReport'];

export type WebhookEndpoint = Notification['schemas']['EndpointView'];
export type WebhookDelivery = Notification['schemas']['DeliveryView'];
export type WebhookAttempt = Notification['schemas']['AttemptView'];

/** `POST …/api-keys` and `…/rotate` answer the key (only there); the document does not state that answer. */
export type IssuedApiKey = ApiKey & { key: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The issued key of a create or rotate answer; throws when the answer has none (it must never be guessed). */
export function issuedApiKey(answer: unknown): IssuedApiKey {
  if (!isObject(answer) || typeof answer.key !== 'string' || answer.key === '') {
    throw new Error('The gateway did not answer the new key.');
  }
  return answer as IssuedApiKey;
}

/** `POST …/webhooks/endpoints` answers the endpoint with its `secret` (only there). */
export function createdEndpoint(answer: unknown): WebhookEndpoint & { secret: string } {
  if (!isObject(answer) || typeof answer.secret !== 'string' || answer.secret === '') {
    throw new Error('The notification service did not answer the endpoint’s signing secret.');
  }
  return answer as WebhookEndpoint & { secret: string };
}
