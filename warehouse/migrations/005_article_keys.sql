-- Issue 16: the key each source file's article ids are built from (the stem, or the
-- relative path when another file has the same stem). Existing rows get their stems, the
-- ids they were loaded under, so no existing article id changes.
ALTER TABLE source_files ADD COLUMN article_key VARCHAR;

UPDATE source_files
SET article_key = regexp_replace(
    regexp_extract(source_path, '[^/]*$'),
    '\.(html\.gz|htm\.gz|jsonl\.gz|html|htm|jsonl|txt)$', '', 'i');
