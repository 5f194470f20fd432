import { describe, expect, it } from 'vitest';
import { EMPTY_ENDPOINT, endpointErrors, endpointRequest, localTimeToInstant, toLocalTimeInput } from './webhookForms';

describe('webhook endpoint form', () => {
  it('needs an http(s) URL and a choice of events', () => {
    expect(endpointErrors(EMPTY_ENDPOINT).url).toBe('Enter the URL Attest sends the messages to.');
    expect(endpointErrors({ ...EMPTY_ENDPOINT, url: 'ftp://x.example' }).url).toMatch(/http\(s\) URL/);
    expect(endpointErrors({ ...EMPTY_ENDPOINT, url: 'https://x.example/hook', all_events: false }).event_types).toMatch(/at least one event type/);
    expect(endpointErrors({ ...EMPTY_ENDPOINT, url: 'https://x.example/hook', rate_limit: '0' }).rate_limit).toMatch(/from 1 to 10000/);
    expect(endpointErrors({ ...EMPTY_ENDPOINT, url: 'https://x.example/hook' })).toEqual({});
  });

  it('sends every event type as an empty list, chosen ones as listed', () => {
    expect(endpointRequest({ ...EMPTY_ENDPOINT, url: ' https://x.example/hook ', description: ' prod ' })).toEqual({
      url: 'https://x.example/hook',
      description: 'prod',
      event_types: [],
      enabled: true,
    });
    expect(
      endpointRequest({ ...EMPTY_ENDPOINT, url: 'https://x.example', all_events: false, event_types: ['attest.kyc.status-changed.v1'], rate_limit: '5' }),
    ).toMatchObject({ event_types: ['attest.kyc.status-changed.v1'], rate_limit: 5 });
  });

  it('turns the local "recover since" time into an instant and back', () => {
    const local = toLocalTimeInput(new Date(2026, 11, 5, 9, 30));
    expect(local).toBe('2026-12-05T09:30');
    expect(localTimeToInstant(local)).toBe(new Date(2026, 11, 5, 9, 30).toISOString());
    expect(localTimeToInstant('yesterday')).toBeNull();
  });
});
