-- Consumed events are pruned once Kafka can no longer deliver them again (InboxPruning). Event ids are time-ordered
-- (UUID version 7) from now on, so the primary key (consumer, event_id) finds the old ones; ids recorded before
-- (random, version 4) carry no time: this index finds them by when they were consumed, holds nothing else, and
-- empties itself as they are pruned.
create index consumed_event_unordered_ids on consumed_event (consumed_at)
    where substr(event_id::text, 15, 1) <> '7';
