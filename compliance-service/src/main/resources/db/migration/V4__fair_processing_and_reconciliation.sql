-- Webhooks are processed by organizations taking turns (each turn the organization's oldest waiting event),
-- so a backlog of one organization cannot hold up the others: the index follows that order.
drop index persona_webhook_to_process;
create index persona_webhook_turns on persona_webhook (org_id, event_created_at) where state = 'received';

-- When the case's inquiry was last retrieved from the provider because the case had been waiting long (its
-- webhooks may have been lost); a case is asked about again only after a while.
alter table kyc_case add column reconciled_at timestamptz;
create index kyc_case_waiting on kyc_case (updated_at) where status in ('pending', 'review');
