-- Issue 17: a survey indicator may read several templates, such as parents' satisfaction
-- measured with the questionnaires per school level (phu-huynh-mam-non, -tieu-hoc, -trung-hoc).
-- template_codes lists them all in the plan's order; template_code stays the first of them.
alter table indicator add column template_codes text[];
update indicator set template_codes = array[template_code] where template_code is not null;
alter table indicator add constraint indicator_template_codes_check
    check ((template_code is null and template_codes is null)
        or (cardinality(template_codes) between 1 and 10 and template_codes[1] = template_code
            and array_position(template_codes, null) is null));
