-- One person, one speaker (issue 13 part V): a speaker that is a name variant of another
-- ("Paul D. Ryan" of "Paul Ryan") points at it. Recomputed by corpus-level speaker linking
-- in every run (tasks.linking.name_variants); NULL for a speaker that is its own.
-- speaker_mentions now also keeps the article's own speaker of quotes credited to a
-- variant (mention = the folded full name), so a link can be undone in a later run.

ALTER TABLE speakers ADD COLUMN IF NOT EXISTS same_as VARCHAR;
