-- document-service: documents stored as client-side ciphertext, the keys to them wrapped per party, and the
-- grants and releases of those keys (docs/documents.md). No column holds a plaintext document or personal data.

-- Each person's public key (RSA-OAEP-256, a JWK made in their browser); data keys are wrapped under it.
create table party_key (
    id          uuid        primary key,
    org_id      text        not null,
    subject     text        not null,
    key_id      text        not null, -- RFC 7638 thumbprint of the JWK
    public_key  jsonb       not null,
    reviewer    boolean     not null, -- registered by an org-admin: the org's reviewers are wrapped for
    created_at  timestamptz not null,
    unique (org_id, subject)
);

-- What an organization requires of a project's users.
create table document_requirement (
    id             uuid    primary key,
    org_id         text    not null,
    project_id     text    not null,
    kind           text    not null,
    title          text    not null,
    accepted_types text[]  not null,
    max_bytes      bigint  not null,
    position       int     not null,
    unique (org_id, project_id, kind)
);

-- One user's documents for one project, reviewed as a whole.
create table document_case (
    id         uuid        primary key,
    org_id     text        not null,
    project_id text        not null,
    user_id    text        not null,
    state      text        not null check (state in ('open', 'approved', 'rejected')),
    opened_at  timestamptz not null,
    decided_at timestamptz,
    decided_by text,
    unique (org_id, project_id, user_id)
);

create table document (
    id                uuid        primary key,
    org_id            text        not null,
    case_id           uuid        not null references document_case (id),
    requirement       text        not null,
    content_type      text        not null, -- of the plaintext, as the browser declared it
    size              bigint      not null, -- of the ciphertext
    ciphertext_sha256 text        not null, -- base64url, declared at creation, checked when the last byte arrives
    received_bytes    bigint      not null default 0,
    state             text        not null check (state in ('uploading', 'received', 'stored', 'confirmed', 'failed')),
    arweave_tx        jsonb,                -- the signed transaction without its data, kept before it is posted
    arweave_tx_id     text,
    block_height      bigint,
    attempts          int         not null default 0,
    next_attempt_at   timestamptz,
    last_error        text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index document_case_idx on document (case_id);
create index document_due_idx on document (next_attempt_at) where state in ('received', 'stored');

-- The ciphertext until Arweave confirms it and serves it back unchanged; then deleted.
create table document_ciphertext (
    document_id uuid  primary key references document (id) on delete cascade,
    bytes       bytea not null
);

-- A data key wrapped for one party, released only while its conditions (Lit's access-control-condition format) hold.
create table key_grant (
    id          uuid        primary key,
    org_id      text        not null,
    document_id uuid        not null references document (id) on delete cascade,
    party       text        not null check (party in ('user', 'reviewer', 'auditor')),
    subject     text        not null,
    key_id      text        not null,
    wrapped_key text        not null,
    conditions  jsonb       not null,
    created_at  timestamptz not null,
    unique (document_id, subject)
);

-- Every release and refusal of a wrapped key.
create table key_release (
    id          bigserial   primary key,
    org_id      text        not null,
    document_id uuid        not null,
    grant_id    uuid,
    subject     text        not null,
    outcome     text        not null check (outcome in ('released', 'refused')),
    reason      text        not null,
    at          timestamptz not null
);
create index key_release_document_idx on key_release (document_id);

-- A reviewer's decision and the documents (with their Arweave ids) it was based on.
create table case_decision (
    id         uuid        primary key,
    org_id     text        not null,
    case_id    uuid        not null references document_case (id),
    decision   text        not null check (decision in ('approved', 'rejected')),
    decided_by text        not null,
    documents  jsonb       not null,
    decided_at timestamptz not null
);
