-- Per campaign, unit and section (aspect) with at least two 5-point items, over the complete
-- cases (respondents who answered every 5-point item of the section): per item the count, sum
-- and sum of squares of its answers, and under item '' those of the total score (the sum of the
-- respondent's answers in the section). Cronbach's alpha per aspect follows from them
-- (statistics/ReliabilitySummary); kept at intake in the same statement as V9's aggregates
-- (response/SectionTotals), recomputed by the same verify and repair.

-- How many 5-point items each section of a template version has.
create view template_section_size as
select template_id, substr(measure, 9) as section, count(*) as items
from template_measure_item
where measure like 'section:%'
group by template_id, measure;

create table unit_section_total (
    campaign_id bigint not null,
    unit_id bigint not null,
    section text not null,
    item text not null,
    slot smallint not null check (slot between 0 and 15),
    respondents bigint not null check (respondents >= 0),
    value_sum bigint not null check (value_sum >= 0),
    value_squares bigint not null check (value_squares >= 0),
    primary key (campaign_id, unit_id, section, item, slot),
    foreign key (campaign_id, unit_id) references campaign_unit (campaign_id, unit_id) on delete cascade
);

-- Responses stored before this migration, counted once into slot 0 with the same expressions
-- as the intake.
insert into unit_section_total (campaign_id, unit_id, section, item, slot, respondents, value_sum, value_squares)
with section_answer as (
    select x.campaign_id, x.unit_id, x.response_id, z.section, z.items, x.item, cast(x.value as int) as v,
        count(*) over (partition by x.response_id, z.section) as answered
    from answer x
    join campaign c on c.id = x.campaign_id
    join template_measure_item k on k.template_id = c.template_id and k.item = x.item and k.measure like 'section:%'
    join template_section_size z on z.template_id = c.template_id and 'section:' || z.section = k.measure
    where x.position = 0 and z.items >= 2
), section_complete as (
    select campaign_id, unit_id, section, item, cast(v as bigint) as v from section_answer where answered = items
    union all
    select campaign_id, unit_id, section, '', sum(v) from section_answer where answered = items
    group by campaign_id, unit_id, response_id, section
)
select campaign_id, unit_id, section, item, 0, count(*), sum(v), sum(v * v)
from section_complete
group by campaign_id, unit_id, section, item;
