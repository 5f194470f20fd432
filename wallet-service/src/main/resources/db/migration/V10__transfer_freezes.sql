-- Transfer freezes of security incident responses (issue 20), as the gateway announces them on attest.security.v1:
-- a transfer of a frozen organization, project or user that is accepted but not yet sent to Dfns is held.
create table transfer_freeze (
    kind      text        not null check (kind in ('organization', 'project', 'user')),
    target    text        not null, -- the organization's or project's id, or the user's OIDC subject
    org_id    text        not null,
    frozen_at timestamptz not null,
    primary key (kind, target, org_id)
);
