create table test_sealed (
    id      uuid primary key,
    org_id  text not null,
    secret  text
);
