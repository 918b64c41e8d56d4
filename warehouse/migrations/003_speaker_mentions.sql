-- Speaker mentions an article could not resolve alone (bare surnames), kept so that
-- corpus-level speaker linking can re-link them in every later run, and undo a link.
-- Columns mirror models.speaker.SpeakerMention.

CREATE TABLE IF NOT EXISTS speaker_mentions (
    quote_id      VARCHAR PRIMARY KEY,
    article_id    VARCHAR NOT NULL,
    speaker_id    VARCHAR NOT NULL,
    speaker_name  VARCHAR,
    mention       VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL
);
