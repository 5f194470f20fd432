/**
 * Hand-written API types for issue 21 (a second KYC provider, Sumsub; provider fallback; KYB) and issue 19 (gas
 * sponsorship, ERC-4337), in the shape
 * openapi-typescript generates, for what the services' OpenAPI documents do not state yet. `createApi` merges
 * these paths into the generated ones, and the extended answers below add their new fields to the generated
 * schemas. Once compliance-service and the gateway publish them, `npm run gen-api` makes these redundant:
 * delete the paths here (the compiler then names every use to move to the generated types).
 */
import type { components as Compliance } from './generated/compliance-service';
import type { components as Gateway } from './generated/gateway';
import type { components as Wallet } from './generated/wallet-service';

// --- Shapes ---------------------------------------------------------------------------------------------

export type KycProviderName = 'persona' | 'sumsub';

/** `GET /orgs/{org}/integrations/sumsub`: secrets masked as the service masks them (`****abcd`). */
export interface SumsubSettings {
  app_token?: string | null;
  secret_key?: string | null;
  level_name?: string | null;
  kyb_level_name?: string | null;
  webhook_secrets?: string[] | null;
  digest_alg?: string | null;
  required_steps?: string[] | null;
  /** `organization`, `configuration` or `none`. */
  source?: string | null;
}

/** `PUT /orgs/{org}/integrations/sumsub`: plain values; a field left out keeps what is stored. */
export interface SumsubSettingsChange {
  app_token?: string;
  secret_key?: string;
  level_name?: string;
  kyb_level_name?: string;
  webhook_secrets?: string[];
  digest_alg?: string;
  required_steps?: string[];
}

/** `POST …/integrations/persona/test`: each part checked. */
export type ProviderReport = Compliance['schemas']['Report'];

/** `POST …/integrations/sumsub/test`: the app token (with the secret key that signs the call) and the webhook secrets. */
export interface SumsubReport {
  app_token?: ProviderReport['api_key'];
  webhook_secret?: ProviderReport['webhook_secret'];
}

/** Persona's settings gain the KYB inquiry template. */
export type PersonaSettingsWithKyb = Compliance['schemas']['SettingsView'] & { kyb_inquiry_template_id?: string | null };
export type PersonaSettingsChangeWithKyb = Compliance['schemas']['SettingsChange'] & { kyb_inquiry_template_id?: string };

/** `POST /compliance/kyc` also answers the provider and its session token (Persona's session, or Sumsub's access token). */
export type StartKycAnswer = Compliance['schemas']['StartKycResponse'] & {
  provider?: string | null;
  provider_reference?: string | null;
  session_token?: string | null;
};

/** A case also says where it was opened and, when it fell back, from which provider and why. */
export type KycCaseWithProvider = Compliance['schemas']['CaseView'] & {
  provider_reference?: string | null;
  provider_status?: string | null;
  fallback_at?: string | null;
  fallback_from?: string | null;
  /** `circuit-open`, `credentials-refused`, `rate-limited`, `not-configured`, `unreachable` */
  fallback_reason?: string | null;
};

/** A project also names the provider new cases fall back to while the preferred one is unavailable. */
export type ProjectWithFallback = Gateway['schemas']['ProjectView'] & { kyc_fallback_provider?: string | null };
export type ProjectChangesWithFallback = Gateway['schemas']['ProjectChanges'] & { kyc_fallback_provider?: string | null };
export type NewProjectWithFallback = Gateway['schemas']['NewProject'] & { kyc_fallback_provider?: string | null };

export interface KybAddress {
  street_1: string;
  street_2?: string;
  city: string;
  subdivision?: string;
  postal_code: string;
  country_code: string;
}

export interface KybBusiness {
  legal_name: string;
  registration_number: string;
  country_code: string;
  tax_id?: string;
  /** YYYY-MM-DD */
  incorporation_date?: string;
  website?: string;
  address?: KybAddress;
}

export type KybOwnerRole = 'beneficial_owner' | 'director';

export interface KybOwnerRequest {
  role: KybOwnerRole;
  ownership_percent?: number;
  first_name: string;
  last_name: string;
  email?: string;
  birthdate?: string;
}

export interface StartKybRequest {
  business: KybBusiness;
  owners: KybOwnerRequest[];
}

/** An owner as the API shows them: position (from 1, the order they were sent in), role and share, never who they are. */
export interface KybOwner {
  owner_id?: string;
  position?: number;
  role?: string;
  ownership_percent?: number | null;
  kyc_case_id?: string | null;
  kyc_status?: string | null;
  /** Only in the answer to applying (and from `…/owners/{owner_id}/link`). */
  verification_link?: string | null;
}

/**
 * A business case (compliance-service's `BusinessCaseView`), as `POST /compliance/kyb`, `GET /compliance/kyb/{id}`
 * and the org-admin's views answer it. `status` is the whole case (it waits for every owner too);
 * `verification_status` the business's own verification at the provider.
 */
export interface KybCase {
  business_case_id?: string;
  status?: string;
  verification_status?: string | null;
  provider?: string | null;
  provider_reference?: string | null;
  provider_status?: string | null;
  /** Only in the answer to applying. */
  session_token?: string | null;
  reason?: string | null;
  decided_by?: string | null;
  decided_at?: string | null;
  representative_user_id?: string | null;
  project_id?: string | null;
  legal_name?: string | null;
  registration_number?: string | null;
  country_code?: string | null;
  /** Empty in the queue's items. */
  owners?: KybOwner[];
  created_at?: string | null;
  updated_at?: string | null;
}

export interface KybCasePage {
  items?: KybCase[];
  page?: number;
  size?: number;
  total?: number;
}

// --- Gas sponsorship (issue 19; wallet-service) ----------------------------------------------------------

/** Who pays a project's sponsored gas: the platform's paymaster, or the organization's own (ERC-7677) at `url`. */
export type PaymasterKind = 'platform' | 'external';

/** A project's gas spent this UTC month; amounts are integer strings in wei. */
export interface SponsorshipUsage {
  /** YYYY-MM (UTC). */
  month: string;
  /** What settled operations cost (actualGasCost). */
  spent: string;
  /** The most the approved, unsettled operations can cost. */
  reserved: string;
  /** monthly_budget − spent − reserved, never below 0; null without a budget. */
  remaining: string | null;
  /** Settled operations. */
  operations: number;
  /** The month's days with usage, oldest first. */
  by_day: { day: string; spent: string; operations: number }[];
  /** The top 20 users this month, most spent first. */
  by_user: { user_id: string; spent: string; operations: number }[];
}

/** `GET`/`PUT /orgs/{org}/sponsorship/{project_id}`: a project's sponsorship policy (never its paymaster's API key). */
export interface SponsorshipPolicy {
  project_id: string;
  enabled: boolean;
  paymaster: { kind: PaymasterKind; url: string | null; api_key_set: boolean };
  /** Wei per UTC month; null: no budget (only while not enabled, or with an external paymaster). */
  monthly_budget: string | null;
  /** Wei per user per UTC day; null: no cap. */
  user_daily_cap: string | null;
  native_allowed: boolean;
  /** null: any ERC-20 token; []: none. */
  allowed_tokens: string[] | null;
  /** null: any recipient. */
  allowed_recipients: string[] | null;
  usage: SponsorshipUsage;
  updated_at: string | null;
  updated_by: string | null;
}

/** `PUT /orgs/{org}/sponsorship/{project_id}`: `paymaster_api_key` left out keeps the stored key, "" removes it. */
export interface SponsorshipPolicyChange {
  enabled: boolean;
  paymaster_kind?: PaymasterKind;
  /** https, external paymaster only. */
  paymaster_url?: string;
  paymaster_api_key?: string;
  monthly_budget?: string | null;
  user_daily_cap?: string | null;
  native_allowed?: boolean;
  allowed_tokens?: string[] | null;
  allowed_recipients?: string[] | null;
}

/** Why sponsored gas is not available to a user (`GET /wallets/me`'s `sponsorship.reason`). */
export type SponsorshipUnavailableReason =
  | 'sponsorship-not-enabled'
  | 'kyc-not-verified'
  | 'claim-not-valid'
  | 'sponsorship-budget-exhausted'
  | 'sponsorship-daily-cap-exceeded';

/** The user's ERC-4337 account: its address is known before the first sponsored operation deploys it. */
export interface SmartAccount {
  address: string;
  deployed: boolean;
}

/** `GET /wallets/me` also answers the smart account (null until derived) and whether sponsored gas is available. */
export type MyWalletWithSponsorship = Omit<Wallet['schemas']['MyWalletView'], 'smart_account' | 'sponsorship'> & {
  smart_account?: SmartAccount | null;
  sponsorship?: { available: boolean; reason: SponsorshipUnavailableReason | null } | null;
};

/** A transfer may be sponsored: it leaves from the smart account (`from_address`) as a UserOperation. */
export type SponsoredTransferView = Omit<
  Wallet['schemas']['TransferView'],
  'sponsored' | 'from_address' | 'user_op_hash' | 'gas_cost'
> & {
  sponsored?: boolean;
  from_address?: string | null;
  /** null until signed. */
  user_op_hash?: string | null;
  /** Wei the paymaster paid; null until settled. */
  gas_cost?: string | null;
};

/** `POST /wallets/{wallet_id}/transfers` takes `sponsored: true` to have the project's paymaster pay the gas. */
export type SponsoredTransferRequest = Wallet['schemas']['TransferRequest'] & { sponsored?: boolean };

// --- Paths ----------------------------------------------------------------------------------------------

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };

type Parameters<Path, Query> = { query?: Query; header?: never; cookie?: never } & ([Path] extends [never] ? { path?: never } : { path: Path });

type Operation<Path, Answer, Body = never, Query = never> = {
  parameters: Parameters<Path, Query>;
  responses: { 200: Json<Answer>; 201: Json<Answer> };
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });

type Org = { org: string };
type NoPath = never;

interface PathItem {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
}

/** compliance-service's paths the generated document lacks for now. */
export interface ComplianceAdditions {
  '/orgs/{org}/integrations/sumsub': PathItem & {
    get: Operation<Org, SumsubSettings>;
    put: Operation<Org, SumsubSettings, SumsubSettingsChange>;
  };
  '/orgs/{org}/integrations/sumsub/test': PathItem & {
    post: Operation<Org, SumsubReport, { payload?: string; digest?: string; digest_alg?: string }>;
  };
  '/compliance/kyb': PathItem & {
    post: Operation<NoPath, KybCase, StartKybRequest>;
  };
  '/compliance/kyb/me': PathItem & {
    get: Operation<NoPath, { items?: KybCase[] }>;
  };
  '/compliance/kyb/{id}': PathItem & {
    get: Operation<{ id: string }, KybCase>;
  };
  '/compliance/kyb/{id}/owners/{owner_id}/link': PathItem & {
    post: Operation<{ id: string; owner_id: string }, { owner_id?: string; verification_link?: string }>;
  };
  '/orgs/{org}/kyb/cases': PathItem & {
    get: Operation<Org, KybCasePage, never, { status?: string; page?: number; size?: number }>;
  };
  '/orgs/{org}/kyb/cases/{id}': PathItem & {
    get: Operation<Org & { id: string }, KybCase>;
  };
  '/orgs/{org}/kyb/cases/{id}/decision': PathItem & {
    post: Operation<Org & { id: string }, KybCase, { decision: 'approve' | 'decline'; reason: string }>;
  };
}

/** wallet-service's paths the generated document lacks for now. */
export interface WalletAdditions {
  '/orgs/{org}/sponsorship/{project_id}': PathItem & {
    get: Operation<Org & { project_id: string }, SponsorshipPolicy>;
    put: Operation<Org & { project_id: string }, SponsorshipPolicy, SponsorshipPolicyChange>;
  };
}
