-- Schema version 2: a claim's event as a STRUCT (was the pipe-joined string
-- "triggers | entities | role"), and its interval and label stored with it
-- (computed once by tasks/claims/values.py; read by fact linking and the cross-check).

ALTER TABLE claims ALTER event TYPE STRUCT(about VARCHAR, triggers VARCHAR[], entities VARCHAR[], role VARCHAR) USING
    CASE WHEN event IS NULL THEN NULL
         WHEN starts_with(event, 'publication |') THEN {'about': 'publication', 'triggers': [], 'entities': [], 'role': ''}
         ELSE {'about': 'event',
               'triggers': list_filter(string_split(trim(split_part(event, '|', 1)), ' '), lambda x: x <> ''),
               'entities': list_filter(string_split(trim(split_part(event, '|', 2)), ' '), lambda x: x <> ''),
               'role': trim(split_part(event, '|', 3))} END;

ALTER TABLE claims ADD COLUMN base_unit VARCHAR;
ALTER TABLE claims ADD COLUMN value_base DOUBLE;
ALTER TABLE claims ADD COLUMN value_lo DOUBLE;
ALTER TABLE claims ADD COLUMN value_hi DOUBLE;
ALTER TABLE claims ADD COLUMN value_label VARCHAR;

-- Claims written before version 2: the version-1 rule, applied once to fill the new columns.
UPDATE claims SET
    base_unit = CASE WHEN kind = 'date' OR (kind = 'duration' AND unit IN ('second', 'minute', 'hour', 'day', 'week', 'month', 'year'))
                     THEN 'day' ELSE unit END,
    value_label = CASE WHEN kind = 'date' THEN left(strftime(date_value, '%Y-%m-%d'),
                                                    CASE date_precision WHEN 'day' THEN 10 WHEN 'month' THEN 7 ELSE 4 END)
        ELSE CASE hedge WHEN 'approx' THEN 'about ' WHEN 'at_least' THEN 'at least ' WHEN 'at_most' THEN 'at most ' ELSE '' END
             || CASE WHEN value_low IS NOT NULL AND value_high IS NOT NULL AND value_low < value_high
                     THEN regexp_replace(CAST(value_low AS VARCHAR), '\.0$', '') || '-' || regexp_replace(CAST(value_high AS VARCHAR), '\.0$', '')
                     ELSE regexp_replace(CAST(value_num AS VARCHAR), '\.0$', '') END
             || coalesce(' ' || unit, '') END;

UPDATE claims SET
    value_base = CASE WHEN kind = 'date' THEN CAST(date_value - DATE '1970-01-01' AS DOUBLE) ELSE value_num * f END,
    value_lo = CASE WHEN kind = 'date' THEN CAST(date_value - DATE '1970-01-01' AS DOUBLE)
                    WHEN value_low IS NOT NULL AND value_high IS NOT NULL THEN value_low * f
                    WHEN hedge = 'approx' THEN value_num * f * 0.9
                    WHEN hedge = 'at_most' THEN NULL
                    WHEN kind = 'duration' AND hedge = 'exact' THEN (value_num - 0.5) * f
                    ELSE value_num * f END,
    value_hi = CASE WHEN kind = 'date' THEN CAST(CASE date_precision WHEN 'day' THEN date_value
                                                      WHEN 'month' THEN last_day(date_value)
                                                      ELSE make_date(year(date_value), 12, 31) END - DATE '1970-01-01' AS DOUBLE)
                    WHEN value_low IS NOT NULL AND value_high IS NOT NULL THEN value_high * f
                    WHEN hedge = 'approx' THEN value_num * f * 1.1
                    WHEN hedge = 'at_least' THEN NULL
                    WHEN kind = 'duration' AND hedge = 'exact' THEN (value_num + 0.5) * f
                    ELSE value_num * f END
FROM (SELECT claim_id AS cid,
             CASE WHEN kind <> 'duration' THEN 1.0 ELSE CASE unit WHEN 'second' THEN 1.0 / 86400 WHEN 'minute' THEN 1.0 / 1440
                  WHEN 'hour' THEN 1.0 / 24 WHEN 'week' THEN 7.0 WHEN 'month' THEN 30.44 WHEN 'year' THEN 365.25 ELSE 1.0 END END AS f
      FROM claims) u
WHERE claims.claim_id = u.cid;
