-- Issue 17: the SIPAS figure "factor-mean" (per criterion the share of 4 and 5, per factor the
-- mean of its criteria, overall the mean of the factors) is a survey method of an indicator.
alter table indicator drop constraint indicator_method_check;
alter table indicator add constraint indicator_method_check
    check (method in ('satisfied-answers', 'satisfied-respondents', 'mean-index', 'factor-mean'));
