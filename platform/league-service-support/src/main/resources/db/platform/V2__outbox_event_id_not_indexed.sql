-- An outbox event's id is a random UUID the outbox makes, so it needs no unique index to stay unique; consumers
-- dedupe by it in consumed_event. The index cost every event an insert into a random place of a btree (bulk paths
-- store thousands per call) and the relay's deletes left it to vacuum.
alter table outbox_event drop constraint outbox_event_event_id_key;
