-- R-ID-2: an admin may correct a person's ID number. The person row and every row keyed by it move to the
-- new number in one statement: rows that reference a person follow its key.
alter table membership drop constraint membership_id_number_fkey,
    add constraint membership_id_number_fkey foreign key (id_number) references person (id_number) on update cascade;
alter table post drop constraint post_id_number_fkey,
    add constraint post_id_number_fkey foreign key (id_number) references person (id_number) on update cascade;
