-- The spending policy can be changed on its own (PUT /orgs/{org}/spending-policy), without touching the Dfns
-- settings: when and by whom it was last changed is kept apart from the settings' updated_at. Until now the
-- policy was only ever written with the settings.
alter table dfns_settings add column policy_updated_at timestamptz;
alter table dfns_settings add column policy_updated_by text;
update dfns_settings set policy_updated_at = updated_at;
