create table test_note (
    id        bigserial primary key,
    note_key  text    not null,
    seq       integer not null
);

create table test_ledger (
    id        bigserial primary key,
    event_id  text    not null,
    note_key  text    not null,
    seq       integer not null
);
