-- R-ID-1: the identity check's reason (the centre's verdict, 不一致 / 查无此人) and time, from identity-verification-service's
-- events, shown with the status on profiles.
alter table person add column verification_reason text;
alter table person add column verified_at timestamptz;
