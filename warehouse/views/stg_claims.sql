-- Claims with a printable value and their article's outlet and date.
CREATE OR REPLACE VIEW stg_claims AS
SELECT c.*,
       CASE WHEN c.kind = 'date' THEN
                CASE c.date_precision
                    WHEN 'day' THEN strftime(c.date_value, '%Y-%m-%d')
                    WHEN 'month' THEN strftime(c.date_value, '%Y-%m')
                    ELSE strftime(c.date_value, '%Y') END
            ELSE concat(CASE c.hedge WHEN 'approx' THEN 'about ' WHEN 'at_least' THEN 'at least '
                                     WHEN 'at_most' THEN 'at most ' ELSE '' END,
                        regexp_replace(CAST(c.value_num AS VARCHAR), '\.0$', ''),
                        CASE WHEN c.unit IS NULL THEN '' ELSE ' ' || c.unit END) END AS value_text,
       a.title AS article_title, a.outlet, a.published_date
FROM claims c JOIN articles a USING (article_id);
