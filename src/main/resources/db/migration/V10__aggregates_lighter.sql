-- Lighter aggregates at intake (issue 11, performance).
--
-- 1. unit_measure_total keeps only the measures that span several items: each section
--    ('section:<code>') and all 5-point items ('all'). A single item's measure ('item:<code>')
--    has one answer per respondent (m_r = 1), so all its sums follow from the counts per value
--    that unit_value_count already keeps (respondents = answers = Σ count, satisfied = Σ count of
--    4 and 5, s_r = the value, mean sums = Σ count·value and Σ count·value²); the report reads
--    them there. This saves two thirds of the rows every intake statement upserts into
--    unit_measure_total (23 measures per respondent of the SIPAS template, now 7).
create or replace view template_measure_item as
select t.id as template_id, i.value ->> 'code' as item, m.measure
from survey_template t
cross join lateral jsonb_array_elements(t.definition -> 'sections') s
cross join lateral jsonb_array_elements(s.value -> 'items') i
cross join lateral (values ('section:' || (s.value ->> 'code')), ('all')) m (measure)
where i.value ->> 'type' = 'scale5';

delete from unit_measure_total where measure like 'item:%';

-- 2. Room on each page for the updated row versions, so that the upserts of the intake stay
--    heap-only (HOT) updates: the primary key is the only index and the updated columns are not
--    in it, so a new version on the same page needs no index entry.
alter table unit_response_count set (fillfactor = 50);
alter table unit_value_count set (fillfactor = 50);
alter table unit_measure_total set (fillfactor = 50);
