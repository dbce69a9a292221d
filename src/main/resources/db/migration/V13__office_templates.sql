-- Templates made by offices (issue 15). A version is a draft until it is published; only a
-- published version can be used by a campaign, and a published version never changes: an edit
-- is a new version. Official templates, read from survey-templates/ at start-up, belong to no
-- unit; an office's template belongs to its unit and is seen by that unit's subtree.
alter table survey_template
    add column owner_unit_id bigint references unit (id),
    add column state text not null default 'published' check (state in ('draft', 'published')),
    -- the official version an office's template was adapted from; its items keep their codes
    -- and wording, and count toward the indicators that measure them
    add column based_on_id bigint references survey_template (id),
    add column published_at timestamptz,
    add check (based_on_id is null or owner_unit_id is not null),
    add check ((state = 'published') = (published_at is not null) or owner_unit_id is null);
create index survey_template_owner_unit_id_idx on survey_template (owner_unit_id);
create index survey_template_based_on_id_idx on survey_template (based_on_id);
-- at most one draft per template
create unique index survey_template_draft_idx on survey_template (code) where state = 'draft';

-- A campaign may use only a published version.
create function campaign_template_published() returns trigger language plpgsql as $$
begin
    if (select state from survey_template where id = new.template_id) <> 'published' then
        raise exception 'template version % is a draft; publish it before launching a campaign', new.template_id
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger campaign_template_published before insert or update of template_id on campaign
    for each row execute function campaign_template_published();

-- Which 5-point items each measure of a template version covers. In a template adapted from an
-- official one, the sections and the whole ('section:<code>', 'all') cover only the items it
-- shares with the official version, so that an indicator on the official template counts the
-- same items in both. As since V10, single items have no measure rows: their sums follow from
-- the counts per value.
create or replace view template_measure_item as
select t.id as template_id, i.value ->> 'code' as item, m.measure
from survey_template t
left join survey_template b on b.id = t.based_on_id
cross join lateral jsonb_array_elements(t.definition -> 'sections') s
cross join lateral jsonb_array_elements(s.value -> 'items') i
cross join lateral (values ('section:' || (s.value ->> 'code')), ('all')) m (measure)
where i.value ->> 'type' = 'scale5'
    and (b.id is null
        or jsonb_path_exists(b.definition, '$.sections[*].items[*] ? (@.code == $c)',
            jsonb_build_object('c', i.value ->> 'code')));
