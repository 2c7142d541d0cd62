-- Events waiting to be sent to Kafka: written in the same transaction as the change they record.
create table outbox_event (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    traceparent  text,
    payload      text        not null,
    created_at   timestamptz not null default now()
);

-- Events a consumer has applied, recorded in the same transaction as their effect.
create table consumed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    consumed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
