-- R-AUTH-3: a password-reset code (密码重置验证码) an admin issued for a person. One per person: issuing a new one
-- replaces the old. Only a salted SHA-256 of the code is kept; it is shown once, to the admin who issued it.
create table reset_code (
    id_number  text        primary key,
    code_hash  text        not null,
    issued_by  text        not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- Captchas (验证码) of the public account forms: the SHA-256 of the answer, deleted when checked (single use)
-- or, if never checked, by the clean-up job after they expired.
create table captcha (
    id          uuid        primary key,
    answer_hash text        not null,
    expires_at  timestamptz not null
);
create index captcha_expiry on captcha (expires_at);
