-- R-AUTH-4 (FAQ 3): the account of someone who registered themself (团员团干部注册) and is no person of the system
-- yet. Keycloak's lookup lets them log in (GET /internal/accounts/{idNumber}); once they are a person (their request
-- approved, or an admin added them) the person row answers instead. confirmed_at is set once Keycloak holds their
-- password: an unconfirmed row counts only for a short while (NewAccountRule), so a sign-up cut short leaves no
-- account behind, and a later try may take the row over.
create table member_account (
    id_number    text        primary key,
    name         text        not null,
    mobile       text        not null,
    created_at   timestamptz not null,
    confirmed_at timestamptz
);
