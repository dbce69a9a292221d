-- Sums kept at intake, in the same statement (so the same transaction) that stores a batch of
-- responses, so that reports, results and progress read one row per campaign, unit and measure
-- instead of every answer. Each key has up to 16 slots: a batch adds to the slot of its writer,
-- so concurrent batches do not wait on one row, and readers add the slots up. Only responses the
-- statement actually inserted are counted, so a re-send or a retried batch adds nothing.
-- POST /api/v1/campaigns/{id}/aggregates/verify recomputes them from the answers.

-- Which 5-point items each measure of a template version covers: every item alone
-- ('item:<code>'), every section that has 5-point items ('section:<code>'), and all of them ('all').
create view template_measure_item as
select t.id as template_id, i.value ->> 'code' as item, m.measure
from survey_template t
cross join lateral jsonb_array_elements(t.definition -> 'sections') s
cross join lateral jsonb_array_elements(s.value -> 'items') i
cross join lateral (values ('item:' || (i.value ->> 'code')), ('section:' || (s.value ->> 'code')),
    ('all')) m (measure)
where i.value ->> 'type' = 'scale5';

-- Responses per campaign and unit (live progress, results).
create table unit_response_count (
    campaign_id bigint not null,
    unit_id bigint not null,
    slot smallint not null check (slot between 0 and 15),
    responses bigint not null check (responses >= 0),
    primary key (campaign_id, unit_id, slot),
    foreign key (campaign_id, unit_id) references campaign_unit (campaign_id, unit_id) on delete cascade
);

-- Answers per campaign, unit, item and value, and respondents (position 0) among them (results).
create table unit_value_count (
    campaign_id bigint not null,
    unit_id bigint not null,
    item text not null,
    value text not null,
    slot smallint not null check (slot between 0 and 15),
    answers bigint not null check (answers >= 0),
    respondents bigint not null check (respondents between 0 and answers),
    primary key (campaign_id, unit_id, item, value, slot),
    foreign key (campaign_id, unit_id) references campaign_unit (campaign_id, unit_id) on delete cascade
);

-- Per campaign, unit and measure, over the respondents r who answered at least one of its items,
-- with m_r answers, a_r of them 4 or 5, s_r their sum: the sufficient statistics of every report
-- method. The respondent's own mean s_r / m_r and its square are divided once per respondent in
-- numeric (PostgreSQL's division precision, at least 16 significant digits) and summed exactly,
-- so the sums are the same whatever the order of the batches.
create table unit_measure_total (
    campaign_id bigint not null,
    unit_id bigint not null,
    measure text not null,
    slot smallint not null check (slot between 0 and 15),
    respondents bigint not null check (respondents >= 0),
    answers bigint not null,
    satisfied bigint not null,
    satisfied_squares bigint not null,
    answers_squares bigint not null,
    cross_products bigint not null,
    satisfied_respondents bigint not null,
    mean_sum numeric not null,
    mean_squares numeric not null,
    primary key (campaign_id, unit_id, measure, slot),
    foreign key (campaign_id, unit_id) references campaign_unit (campaign_id, unit_id) on delete cascade
);

-- Responses stored before this migration, counted once into slot 0 with the same expressions
-- as the intake.
insert into unit_response_count (campaign_id, unit_id, slot, responses)
select campaign_id, unit_id, 0, count(*) from response group by campaign_id, unit_id;

insert into unit_value_count (campaign_id, unit_id, item, value, slot, answers, respondents)
select campaign_id, unit_id, item, value, 0, count(*), count(*) filter (where position = 0)
from answer group by campaign_id, unit_id, item, value;

insert into unit_measure_total (campaign_id, unit_id, measure, slot, respondents, answers, satisfied,
    satisfied_squares, answers_squares, cross_products, satisfied_respondents, mean_sum, mean_squares)
select campaign_id, unit_id, measure, 0, count(*), sum(m), sum(a), sum(a * a), sum(m * m), sum(a * m),
    count(*) filter (where s >= 4 * m), sum(s::numeric / m), sum(s::numeric * s / (m * m))
from (
    select x.campaign_id, x.unit_id, x.response_id, k.measure, count(*) as m,
        count(*) filter (where x.value in ('4', '5')) as a, sum(x.value::int) as s
    from answer x
    join campaign c on c.id = x.campaign_id
    join template_measure_item k on k.template_id = c.template_id and k.item = x.item
    where x.position = 0
    group by x.campaign_id, x.unit_id, x.response_id, k.measure
) per_respondent
group by campaign_id, unit_id, measure;
