/** Webhook endpoints: the event types an endpoint may subscribe to, and the form's checks and body. */
import type { components } from '../../api/generated/notification-service';
import { isHttpUrl, type FieldErrors } from './forms';

type EndpointInput = components['schemas']['EndpointInput'];

/** What Attest sends to a project's endpoints (docs/events.md, Webhooks): KYC, wallet and identity events. */
export const WEBHOOK_EVENT_TYPES = [
  ['attest.kyc.case-opened.v1', 'A KYC case was opened'],
  ['attest.kyc.status-changed.v1', 'A KYC case changed status'],
  ['attest.wallet.provisioned.v1', 'A wallet was made'],
  ['attest.wallet.provisioning-failed.v1', 'A wallet could not be made'],
  ['attest.wallet.transfer-status-changed.v1', 'A transfer changed status'],
  ['attest.identity.created.v1', 'An on-chain identity was made'],
  ['attest.identity.claim-issued.v1', 'A KYC claim was issued on chain'],
  ['attest.identity.claim-revoked.v1', 'A KYC claim was revoked'],
  ['attest.identity.claim-issuance-failed.v1', 'A KYC claim could not be issued'],
] as const;

export interface EndpointForm {
  url: string;
  description: string;
  /** Empty: every event type. */
  event_types: string[];
  all_events: boolean;
  rate_limit: string;
  enabled: boolean;
}

export const EMPTY_ENDPOINT: EndpointForm = { url: '', description: '', event_types: [], all_events: true, rate_limit: '', enabled: true };

export function endpointErrors(form: EndpointForm): FieldErrors<keyof EndpointForm> {
  const errors: FieldErrors<keyof EndpointForm> = {};
  const url = form.url.trim();
  if (!url) errors.url = 'Enter the URL Attest sends the messages to.';
  else if (!isHttpUrl(url)) errors.url = 'Enter an http(s) URL, e.g. https://example.com/attest/webhooks.';
  else if (url.length > 2048) errors.url = 'At most 2048 characters.';
  if (form.description.length > 500) errors.description = 'At most 500 characters.';
  if (!form.all_events && form.event_types.length === 0) errors.event_types = 'Choose at least one event type, or all of them.';
  const rate = form.rate_limit.trim();
  if (rate && (!/^\d+$/.test(rate) || Number(rate) < 1 || Number(rate) > 10_000)) {
    errors.rate_limit = 'A whole number of messages per second from 1 to 10000, or empty for the default.';
  }
  return errors;
}

export function endpointRequest(form: EndpointForm): EndpointInput {
  const rate = form.rate_limit.trim();
  return {
    url: form.url.trim(),
    description: form.description.trim(),
    event_types: form.all_events ? [] : [...form.event_types],
    enabled: form.enabled,
    ...(rate ? { rate_limit: Number(rate) } : {}),
  };
}

/** `datetime-local` value (the reader's time) → ISO instant for `recover {since}`; null when not a time. */
export function localTimeToInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** `datetime-local` value for a time (the reader's zone), e.g. a day ago as the default of "recover since". */
export function toLocalTimeInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
