-- The contact line a unit's printed survey notice ends with: the office's own address, telephone
-- or one-stop desk, such as "Bộ phận Một cửa, Phòng GD&ĐT huyện Cần Giuộc, ĐT 0272 3xxx xxx".
-- Blank (null): the notice names the nearest office above that has one, else that office's name.
-- It is the office's public contact; nothing about respondents is stored here.
alter table unit add column contact text check (contact is null or length(btrim(contact)) between 1 and 300);
