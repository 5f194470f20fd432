-- A webhook whose processing keeps failing must not hold up the ones behind it: after a few attempts it
-- is set aside as `failed` for inspection.
alter table persona_webhook add column attempts integer not null default 0;
alter table persona_webhook add column last_error text;
