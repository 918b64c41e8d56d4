-- Claims with a printable value (`value_label`, computed with the claim) and their article's outlet and date.
CREATE OR REPLACE VIEW stg_claims AS
SELECT c.*, c.value_label AS value_text,
       a.title AS article_title, a.outlet, a.published_date
FROM claims c JOIN articles a USING (article_id);
