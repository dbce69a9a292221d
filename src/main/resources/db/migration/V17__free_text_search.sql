-- Accent-insensitive search of free-text answers (issue 12): "hoc phi" finds "Học phí".
-- fold_vi(text) decomposes (NFD), drops the combining marks (U+0300-U+036F: Vietnamese
-- tones and the circumflex, breve and horn), folds đ/Đ (a letter of its own, not a mark) to
-- d, lower-cases and collapses runs of white space. After the marks are gone every
-- Vietnamese letter is ASCII, so lower() gives the same result whatever the collation.
-- It needs no extension (normalize() is core PostgreSQL 13+ on a UTF-8 database) and is
-- immutable, so it can define a stored column and its index; the service folds search
-- terms with the same function, so stored texts and queries always agree.
create function fold_vi(value text) returns text
    language sql immutable strict parallel safe
    return btrim(regexp_replace(lower(translate(regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g'),
        'đĐ', 'dD')), '\s+', ' ', 'g'));

-- Written by PostgreSQL itself at intake, and filled here for the answers already stored.
alter table free_text_answer add column text_folded text generated always as (fold_vi(text)) stored;

-- A trigram index answers "contains" (like '%…%') and word-boundary (~ '\m…\M') searches
-- without reading every text. pg_trgm ships with PostgreSQL (Debian's postgresql-15
-- package, the official Docker image); where it cannot be created, searches still work,
-- reading the selection's texts instead.
do $$
begin
    create extension if not exists pg_trgm;
    create index free_text_answer_folded_trgm_idx on free_text_answer using gin (text_folded gin_trgm_ops);
exception
    when undefined_file or insufficient_privilege or feature_not_supported then
        raise notice 'pg_trgm is not available (%): free-text search reads every text of a selection', sqlerrm;
end
$$;
