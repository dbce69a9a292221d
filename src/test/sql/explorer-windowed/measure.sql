-- The windowed questions view's SQL before (valueCounts, sectionCounts, sectionTotals, responses) and
-- after (aspects, one pass) side by side with the plain scan, two rounds, on the data of load.sql.
\ir params.sql
\set places '''{0,1,2,3,0,1,2,3,0,1,2,3,0,1,2,0,1}''::int[]'
\pset footer off
\timing on
\echo === plain scan
explain (analyze, buffers) select unit_id, item, value, count(*) from answer group by 1, 2, 3;
\echo === before: valueCounts (unchanged)
explain (analyze, buffers) select 0 as unit_id, x.item, x.value, count(*) as answers,
    count(*) filter (where x.position = 0) as respondents
from answer x join response r on r.id = x.response_id
where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and r.received_at >= :since and r.received_at < :until
group by 1, x.item, x.value;
\echo === before: sectionCounts
explain (analyze, buffers) select 0 as unit_id, measure, count(*) as respondents, sum(m) as answers, sum(a) as satisfied,
    sum(a * a) as aa, sum(m * m) as mm, sum(a * m) as am,
    count(*) filter (where s >= 4 * m) as satisfied_respondents, sum(s::numeric / m) as mean_sum,
    sum(s::numeric * s / (m * m)) as mean_squares
from (
    select x.unit_id, x.response_id, k.measure, count(*) as m,
        count(*) filter (where x.value in ('4', '5')) as a, sum(x.value::int) as s
    from answer x
    join response r on r.id = x.response_id
    join unnest(cast(:items as text[]), cast(:measures as text[]), cast(:sizes as int[]))
        as k (item, measure, size) on k.item = x.item
    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
        and x.value <> 'na' and r.received_at >= :since and r.received_at < :until
    group by x.unit_id, x.response_id, k.measure
) per_respondent
group by 1, measure;
\echo === before: sectionTotals
explain (analyze, buffers) with section_answer as (
    select x.campaign_id, x.response_id, substr(k.measure, 9) as section, k.size as items, x.item,
        cast(x.value as int) as v, count(*) over (partition by x.response_id, k.measure) as answered
    from answer x
    join response r on r.id = x.response_id
    join unnest(cast(:items as text[]), cast(:measures as text[]), cast(:sizes as int[]))
        as k (item, measure, size) on k.item = x.item
    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
        and x.value <> 'na' and k.size >= 2 and r.received_at >= :since and r.received_at < :until
), section_complete as (
    select campaign_id, section, item, cast(v as bigint) as v from section_answer
    where answered = items
    union all
    select campaign_id, section, '', sum(v) from section_answer where answered = items
    group by campaign_id, response_id, section
)
select campaign_id, 0 as unit_id, section, item, count(*) as respondents, sum(v) as value_sum,
    sum(v * v) as value_squares
from section_complete
group by campaign_id, section, item;
\echo === responses (unchanged)
explain (analyze, buffers) select count(*) as responses from response r where r.campaign_id = any(:campaigns) and r.unit_id = any(:units) and r.received_at >= :since and r.received_at < :until;
\echo === after: aspects
explain (analyze, buffers) with per_respondent as (
    select x.campaign_id, k.measure, count(*) as m, count(*) filter (where x.value in ('4', '5')) as a,
        sum(cast(x.value as int)) as s, max(k.size) as size, max(cast(x.value as int)) filter (where k.place = 0) as v0, max(cast(x.value as int)) filter (where k.place = 1) as v1, max(cast(x.value as int)) filter (where k.place = 2) as v2, max(cast(x.value as int)) filter (where k.place = 3) as v3
    from answer x
    join response r on r.id = x.response_id
    join unnest(cast(:items as text[]), cast(:measures as text[]), cast(:sizes as int[]),
        cast(:places as int[])) as k (item, measure, size, place) on k.item = x.item
    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
        and x.value <> 'na' and r.received_at >= :since and r.received_at < :until
    group by x.campaign_id, k.measure, x.response_id
), per_campaign as (
    select campaign_id, measure, count(*) as respondents, sum(m) as answers, sum(a) as satisfied,
        sum(a * a) as aa, sum(m * m) as mm, sum(a * m) as am,
        count(*) filter (where s >= 4 * m) as satisfied_respondents, sum(s::numeric / m) as mean_sum,
        sum(s::numeric * s / (m * m)) as mean_squares, count(*) filter (where size >= 2 and m = size) as complete,
        sum(s) filter (where size >= 2 and m = size) as s_sum, sum(s * s) filter (where size >= 2 and m = size) as s_squares, sum(v0) filter (where size >= 2 and m = size) as v0_sum, sum(v0 * v0) filter (where size >= 2 and m = size) as v0_squares, sum(v1) filter (where size >= 2 and m = size) as v1_sum, sum(v1 * v1) filter (where size >= 2 and m = size) as v1_squares, sum(v2) filter (where size >= 2 and m = size) as v2_sum, sum(v2 * v2) filter (where size >= 2 and m = size) as v2_squares, sum(v3) filter (where size >= 2 and m = size) as v3_sum, sum(v3 * v3) filter (where size >= 2 and m = size) as v3_squares
    from per_respondent
    group by campaign_id, measure
)
select 0 as per_section, campaign_id, measure, respondents, answers, satisfied, aa, mm, am, satisfied_respondents, mean_sum, mean_squares, complete, s_sum, s_squares, v0_sum, v0_squares, v1_sum, v1_squares, v2_sum, v2_squares, v3_sum, v3_squares from per_campaign
union all
select 1, 0, measure, sum(respondents), sum(answers), sum(satisfied), sum(aa), sum(mm), sum(am), sum(satisfied_respondents), sum(mean_sum), sum(mean_squares), sum(complete), sum(s_sum), sum(s_squares), sum(v0_sum), sum(v0_squares), sum(v1_sum), sum(v1_squares), sum(v2_sum), sum(v2_squares), sum(v3_sum), sum(v3_squares) from per_campaign group by measure
;
\echo === plain scan
explain (analyze, buffers) select unit_id, item, value, count(*) from answer group by 1, 2, 3;
\echo === before: valueCounts (unchanged)
explain (analyze, buffers) select 0 as unit_id, x.item, x.value, count(*) as answers,
    count(*) filter (where x.position = 0) as respondents
from answer x join response r on r.id = x.response_id
where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and r.received_at >= :since and r.received_at < :until
group by 1, x.item, x.value;
\echo === before: sectionCounts
explain (analyze, buffers) select 0 as unit_id, measure, count(*) as respondents, sum(m) as answers, sum(a) as satisfied,
    sum(a * a) as aa, sum(m * m) as mm, sum(a * m) as am,
    count(*) filter (where s >= 4 * m) as satisfied_respondents, sum(s::numeric / m) as mean_sum,
    sum(s::numeric * s / (m * m)) as mean_squares
from (
    select x.unit_id, x.response_id, k.measure, count(*) as m,
        count(*) filter (where x.value in ('4', '5')) as a, sum(x.value::int) as s
    from answer x
    join response r on r.id = x.response_id
    join unnest(cast(:items as text[]), cast(:measures as text[]), cast(:sizes as int[]))
        as k (item, measure, size) on k.item = x.item
    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
        and x.value <> 'na' and r.received_at >= :since and r.received_at < :until
    group by x.unit_id, x.response_id, k.measure
) per_respondent
group by 1, measure;
\echo === before: sectionTotals
explain (analyze, buffers) with section_answer as (
    select x.campaign_id, x.response_id, substr(k.measure, 9) as section, k.size as items, x.item,
        cast(x.value as int) as v, count(*) over (partition by x.response_id, k.measure) as answered
    from answer x
    join response r on r.id = x.response_id
    join unnest(cast(:items as text[]), cast(:measures as text[]), cast(:sizes as int[]))
        as k (item, measure, size) on k.item = x.item
    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
        and x.value <> 'na' and k.size >= 2 and r.received_at >= :since and r.received_at < :until
), section_complete as (
    select campaign_id, section, item, cast(v as bigint) as v from section_answer
    where answered = items
    union all
    select campaign_id, section, '', sum(v) from section_answer where answered = items
    group by campaign_id, response_id, section
)
select campaign_id, 0 as unit_id, section, item, count(*) as respondents, sum(v) as value_sum,
    sum(v * v) as value_squares
from section_complete
group by campaign_id, section, item;
\echo === responses (unchanged)
explain (analyze, buffers) select count(*) as responses from response r where r.campaign_id = any(:campaigns) and r.unit_id = any(:units) and r.received_at >= :since and r.received_at < :until;
\echo === after: aspects
explain (analyze, buffers) with per_respondent as (
    select x.campaign_id, k.measure, count(*) as m, count(*) filter (where x.value in ('4', '5')) as a,
        sum(cast(x.value as int)) as s, max(k.size) as size, max(cast(x.value as int)) filter (where k.place = 0) as v0, max(cast(x.value as int)) filter (where k.place = 1) as v1, max(cast(x.value as int)) filter (where k.place = 2) as v2, max(cast(x.value as int)) filter (where k.place = 3) as v3
    from answer x
    join response r on r.id = x.response_id
    join unnest(cast(:items as text[]), cast(:measures as text[]), cast(:sizes as int[]),
        cast(:places as int[])) as k (item, measure, size, place) on k.item = x.item
    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
        and x.value <> 'na' and r.received_at >= :since and r.received_at < :until
    group by x.campaign_id, k.measure, x.response_id
), per_campaign as (
    select campaign_id, measure, count(*) as respondents, sum(m) as answers, sum(a) as satisfied,
        sum(a * a) as aa, sum(m * m) as mm, sum(a * m) as am,
        count(*) filter (where s >= 4 * m) as satisfied_respondents, sum(s::numeric / m) as mean_sum,
        sum(s::numeric * s / (m * m)) as mean_squares, count(*) filter (where size >= 2 and m = size) as complete,
        sum(s) filter (where size >= 2 and m = size) as s_sum, sum(s * s) filter (where size >= 2 and m = size) as s_squares, sum(v0) filter (where size >= 2 and m = size) as v0_sum, sum(v0 * v0) filter (where size >= 2 and m = size) as v0_squares, sum(v1) filter (where size >= 2 and m = size) as v1_sum, sum(v1 * v1) filter (where size >= 2 and m = size) as v1_squares, sum(v2) filter (where size >= 2 and m = size) as v2_sum, sum(v2 * v2) filter (where size >= 2 and m = size) as v2_squares, sum(v3) filter (where size >= 2 and m = size) as v3_sum, sum(v3 * v3) filter (where size >= 2 and m = size) as v3_squares
    from per_respondent
    group by campaign_id, measure
)
select 0 as per_section, campaign_id, measure, respondents, answers, satisfied, aa, mm, am, satisfied_respondents, mean_sum, mean_squares, complete, s_sum, s_squares, v0_sum, v0_squares, v1_sum, v1_squares, v2_sum, v2_squares, v3_sum, v3_squares from per_campaign
union all
select 1, 0, measure, sum(respondents), sum(answers), sum(satisfied), sum(aa), sum(mm), sum(am), sum(satisfied_respondents), sum(mean_sum), sum(mean_squares), sum(complete), sum(s_sum), sum(s_squares), sum(v0_sum), sum(v0_squares), sum(v1_sum), sum(v1_squares), sum(v2_sum), sum(v2_squares), sum(v3_sum), sum(v3_squares) from per_campaign group by measure
;
