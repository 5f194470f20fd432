-- The live stream works across instances: every committed notification is announced with
-- NOTIFY attest_notification, whichever instance (or connection) inserted it, and each instance pushes it
-- to its own subscribers.
--
-- seq is the stream's resume point (Last-Event-ID), so one user's notifications must commit in seq
-- order: otherwise a stream could send seq 11 before seq 10 commits and then never send 10. The trigger
-- takes a per-user transaction lock before it draws seq, so a second insert for the same user waits for
-- the first transaction to end and draws a higher number.
alter table notification alter column seq drop default;

create function notification_before_insert() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtextextended('notification:' || new.org_id || '/' || new.user_id, 0));
    new.seq := nextval(pg_get_serial_sequence('notification', 'seq'));
    -- Delivered to listeners only when (and if) the transaction commits, in commit order.
    perform pg_notify('attest_notification',
                      json_build_object('org_id', new.org_id, 'user_id', new.user_id, 'seq', new.seq)::text);
    return new;
end
$$;

create trigger notification_before_insert
    before insert on notification
    for each row execute function notification_before_insert();
