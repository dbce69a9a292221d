-- A password set by someone else (an administrator's or unit manager's reset) must be
-- changed by its owner at the next sign-in: until then the account may only change it.
alter table staff_member add column password_change_required boolean not null default false;
