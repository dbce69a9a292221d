-- Where to act first (issue 12, the results explorer): per campaign, unit and aspect (a
-- section with 5-point items), the sums from which each aspect's performance (the mean of the
-- respondents' aspect means) and its importance (the Pearson correlation of the respondents'
-- aspect mean with the overall-satisfaction item) follow without reading the answers. Kept at
-- intake in the same statement as V9's aggregates (response/AspectTotals), recomputed by the same
-- verify and repair, backfilled here.

-- 1. The overall-satisfaction item of a template version: the 5-point item marked
--    "overall": true (at most one per template; the parser checks it). The official templates
--    shipped before the mark existed ask it as hl_chung; their stored versions gain the mark here,
--    as the files now carry it (the catalogue lets a version in use gain only this mark).
update survey_template t
set definition = jsonb_set(t.definition, '{sections}', (
    select jsonb_agg(jsonb_set(s.value, '{items}', (
        select jsonb_agg(case when i.value ->> 'code' = 'hl_chung' then i.value || '{"overall": true}'::jsonb
            else i.value end order by i.ordinality)
        from jsonb_array_elements(s.value -> 'items') with ordinality i)) order by s.ordinality)
    from jsonb_array_elements(t.definition -> 'sections') with ordinality s))
where t.owner_unit_id is null
    and t.code in ('hai-long-co-quan-giao-duc', 'phu-huynh-mam-non', 'phu-huynh-tieu-hoc', 'phu-huynh-trung-hoc',
        'phu-huynh-truong-cong-lap', 'sipas-tthc-giao-duc')
    and jsonb_path_exists(t.definition, '$.sections[*].items[*] ? (@.code == "hl_chung" && @.type == "scale5")')
    and not jsonb_path_exists(t.definition, '$.sections[*].items[*] ? (@.overall == true)');

create view template_overall_item as
select t.id as template_id, s.value ->> 'code' as section, i.value ->> 'code' as item
from survey_template t
cross join lateral jsonb_array_elements(t.definition -> 'sections') s
cross join lateral jsonb_array_elements(s.value -> 'items') i
where i.value ->> 'type' = 'scale5' and i.value -> 'overall' = 'true'::jsonb;

-- 2. Per campaign, unit and section of a template that marks an overall item: over the
--    respondents r with an aspect mean x_r (the mean of their answers to the section's 5-point
--    items, as in template_measure_item, without the overall item and without "không áp dụng"):
--    respondents, Σx, Σx²; and over those of them who also rated the overall item (y_r, 1 to 5):
--    pairs, Σx, Σx², Σy, Σy², Σxy. Each respondent's x_r, x_r² and x_r·y_r are divided once in
--    numeric (at least 16 significant digits) and summed exactly, so the sums are the same in
--    any order of batches.
create table unit_aspect_total (
    campaign_id bigint not null,
    unit_id bigint not null,
    section text not null,
    slot smallint not null check (slot between 0 and 15),
    respondents bigint not null check (respondents >= 0),
    mean_sum numeric not null,
    mean_squares numeric not null,
    pairs bigint not null check (pairs between 0 and respondents),
    pair_mean_sum numeric not null,
    pair_mean_squares numeric not null,
    overall_sum numeric not null,
    overall_squares numeric not null,
    cross_products numeric not null,
    primary key (campaign_id, unit_id, section, slot),
    foreign key (campaign_id, unit_id) references campaign_unit (campaign_id, unit_id) on delete cascade
) with (fillfactor = 50);

-- Responses stored before this migration, counted once into slot 0 with the same expressions
-- as the intake.
insert into unit_aspect_total (campaign_id, unit_id, section, slot, respondents, mean_sum, mean_squares, pairs,
    pair_mean_sum, pair_mean_squares, overall_sum, overall_squares, cross_products)
with per_respondent as materialized (
    select x.campaign_id, x.unit_id, x.response_id, substr(k.measure, 9) as section, count(*) as m,
        sum(x.value::int) as s
    from answer x
    join campaign c on c.id = x.campaign_id
    join template_measure_item k on k.template_id = c.template_id and k.item = x.item
        and k.measure like 'section:%'
    join template_overall_item o on o.template_id = c.template_id and o.item <> x.item
    where x.position = 0 and x.value <> 'na'
    group by x.campaign_id, x.unit_id, x.response_id, k.measure
), overall_answer as materialized (
    select x.response_id, x.value::int as y
    from answer x
    join campaign c on c.id = x.campaign_id
    join template_overall_item o on o.template_id = c.template_id and o.item = x.item
    where x.position = 0 and x.value <> 'na'
)
select p.campaign_id, p.unit_id, p.section, 0, count(*), sum(p.s::numeric / p.m),
    sum(p.s::numeric * p.s / (p.m * p.m)), count(y.y),
    coalesce(sum(p.s::numeric / p.m) filter (where y.y is not null), 0),
    coalesce(sum(p.s::numeric * p.s / (p.m * p.m)) filter (where y.y is not null), 0),
    coalesce(sum(y.y), 0), coalesce(sum(y.y * y.y), 0), coalesce(sum(p.s::numeric * y.y / p.m), 0)
from per_respondent p
left join overall_answer y on y.response_id = p.response_id
group by p.campaign_id, p.unit_id, p.section;
