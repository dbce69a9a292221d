-- Scratch data for timing the explorer's windowed SQL by hand (README, Explorer benchmark): the answer and
-- response tables and indexes of V1 without the foreign keys, 200,000 responses over 100 units of campaign 1,
-- each with 17 five-point items (5 % na), a single choice, a yes/no and a number: 4,000,000 answer rows.
-- Use a database of your own (createdb ex1_window_scratch) and drop it afterwards.
create table response (id uuid primary key, campaign_id bigint not null, unit_id bigint not null,
  content_hash bytea not null, received_at timestamptz not null default now());
create index response_campaign_unit_idx on response (campaign_id, unit_id);
create table answer (response_id uuid not null, campaign_id bigint not null, unit_id bigint not null,
  item text not null, value text not null, position smallint not null, primary key (response_id, item, position));
create index answer_count_idx on answer (campaign_id, unit_id, item, value, position);
insert into response
select gen_random_uuid(), 1, 1 + (g % 100), sha256(g::text::bytea), timestamptz '2026-11-01' + (g * interval '10 second')
from generate_series(1, 200000) g;
insert into answer
select r.id, r.campaign_id, r.unit_id, 'q' || i,
  case when random() < 0.05 then 'na' else (1 + floor(random() * 5))::int::text end, 0
from response r, generate_series(1, 17) i order by r.received_at, i;
insert into answer
select r.id, r.campaign_id, r.unit_id, 'kenh', 'k' || (1 + floor(random() * 4))::int, 0 from response r;
insert into answer
select r.id, r.campaign_id, r.unit_id, 'khieu_nai', case when random() < 0.1 then 'yes' else 'no' end, 0 from response r;
insert into answer
select r.id, r.campaign_id, r.unit_id, 'so_lan', (1 + floor(random() * 9))::int::text, 0 from response r;
vacuum analyze response; vacuum analyze answer;
