-- The projects moved to common's tenant replica (db/tenant: attest_tenant_project, with every attribute the gateway
-- publishes). This service's own table of V1 knew only their ids: they are copied as older than any event (so the
-- next event about a project fills in the rest), then it goes. The org admins and users' projects stay here.
insert into attest_tenant_project (project_id, org_id, event_time)
select project_id, org_id, '-infinity'::timestamptz from project
on conflict (project_id) do nothing;

drop table project;
