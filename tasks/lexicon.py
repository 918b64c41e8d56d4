"""Lexicons for quote attribution, kept as data: cue verbs, cue nouns and role nouns.

Everything here is lower-case lemmas (spaCy's lemmatizer output) or lower-case words. The
modules of `tasks.quotes` read their grammar words only from here, so a new reporting verb
or role is added in one place; region and corpus lists (demonyms, the speaker registry,
first names) are data files under `data/`.
"""
from __future__ import annotations

import re

# Verbs that report speech or writing: the subject is the speaker and the complement
# (a that-clause, an infinitive, a noun phrase or a quotation) is what was said.
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "tell", "add", "note", "stress", "underline", "emphasize", "emphasise",
    "vow", "urge", "express", "underscore", "write", "tweet", "ask", "confirm", "voice",
    "state", "announce", "declare", "insist", "argue", "claim", "explain", "warn",
    "suggest", "report", "reiterate", "acknowledge", "admit", "deny", "mention",
    "reply", "respond", "comment", "predict", "promise", "pledge", "assert", "contend",
    "maintain", "observe", "remark", "recall", "conclude", "complain", "propose",
    "reveal", "clarify", "repeat", "indicate", "demand", "testify", "tout", "boast",
    "concede", "charge", "accuse", "criticize", "criticise", "praise", "describe",
    "quip", "joke", "lament", "retort", "allege", "affirm", "highlight", "cite",
    "recommend", "caution", "inform", "assure", "question", "dismiss", "mock",
    "blast", "slam", "counter", "proclaim", "signal", "hint", "post", "chant",
    "continue", "speak", "brief", "answer", "elaborate", "specify", "stipulate",
    "reaffirm", "welcome", "threaten", "estimate", "forecast", "advise", "recount", "concur", "disclose", "divulge",
    "blame", "condemn", "denounce", "decry", "reject", "defend", "hail",
    "applaud", "commend", "ridicule", "rebuke", "disavow", "lambaste", "assail",
    "outline", "unveil", "fault", "endorse", "agree", "disagree", "deride", "retweet",
    "plead", "swear", "characterize", "characterise", "portray", "thank", "credit",
    "brag", "remind", "scoff", "shout", "yell", "exclaim",
})

# Cue verbs that only report speech when they take a clause or a quotation: "continue"
# and "add" are speech in '"...," he continued' but not in "he continued to fight".
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset({
    "continue", "add", "speak", "signal", "post", "answer", "recall",
    "maintain", "observe", "charge", "counter", "welcome", "threaten", "estimate",
    "forecast", "highlight", "agree", "disagree", "swear", "plead", "scoff", "shout", "yell", "exclaim",
})

# Nouns that report speech ("his claim that ...", "Trump's promise to ...", "her criticism of
# ..."): the possessor (or a "from"/"by" phrase) is the speaker, the that-clause or
# infinitive the content. Those in NOUN_ABOUT_CUES also take an "of"/"about" object.
SPEECH_NOUNS: frozenset[str] = frozenset({
    "claim", "assertion", "suggestion", "statement", "promise", "pledge", "vow", "proposal",
    "complaint", "criticism", "remark", "comment", "warning", "argument", "insistence",
    "contention", "allegation", "accusation", "threat", "call", "demand", "admission",
    "denial", "prediction", "announcement", "declaration", "insinuation", "boast", "plea",
    "appeal", "assurance", "charge", "assessment", "explanation", "testimony", "message",
    "insult", "joke", "attack", "praise", "request", "mention",
})
NOUN_ABOUT_CUES: frozenset[str] = frozenset({
    "criticism", "complaint", "joke", "praise", "warning", "mention",
})

# Phrasal cues: verb lemma + particle/preposition ("pointed out", "called on", "called for").
PHRASAL_CUES: dict[str, frozenset[str]] = {
    "point": frozenset({"out"}),
    # "CLAUSE, X was quoted as saying by RIA": the parser hangs the clause on "quoted"
    "quote": frozenset({"as"}),
    "call": frozenset({"on", "for", "upon"}),
    "shoot": frozenset({"back"}),
    "fire": frozenset({"back"}),
    "hit": frozenset({"back"}),
    "lash": frozenset({"out"}),
    "spell": frozenset({"out"}),
    "weigh": frozenset({"in"}),
    "speak": frozenset({"out", "about"}),
    "talk": frozenset({"about"}),
    "joke": frozenset({"about"}),
    "complain": frozenset({"about"}),
    "boast": frozenset({"about"}),
    "brag": frozenset({"about"}),
    "plead": frozenset({"with"}),
    "comment": frozenset({"on"}),
    "insist": frozenset({"on"}),
    "agree": frozenset({"on"}),
    "disagree": frozenset({"on", "over"}),
    "hint": frozenset({"at"}),
}
# Phrasal cues whose object is only a topic: reported speech when refused ("declined to
# comment on X", "did not comment on X"), not when done ("commented on X").
REFUSAL_ONLY_PHRASALS: frozenset[str] = frozenset({"comment"})
REFUSAL_VERBS: frozenset[str] = frozenset({"decline", "refuse"})

# Verbs that name or label rather than quote: a quotation they govern is a name or a
# title ('an operation dubbed "Iron Fist"'), unless a speech cue also governs it.
NAMING_VERBS: frozenset[str] = frozenset({
    "dub", "name", "title", "nickname", "brand", "label", "term", "entitle", "christen",
    "know", "rename", "style", "headline",
})

# Words that open a source adverbial: "according to X, ...".
ACCORDING_TO: tuple[str, str] = ("according", "to")

# Nouns that stand for a statement and so can head a speaker mention
# ("a ministry statement said", "the report added").
STATEMENT_NOUNS: frozenset[str] = frozenset({
    "statement", "communique", "communiqué", "release", "readout", "declaration",
    "letter", "post", "tweet", "message", "note", "memo", "report", "announcement",
    "notice", "briefing", "transcript", "email", "e-mail", "speech",
})

# Role nouns that refer back to a person already in the article ("the official said").
PERSON_ROLE_NOUNS: frozenset[str] = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "minister", "representative",
    "diplomat", "president", "prime", "premier", "chancellor", "secretary", "senator",
    "governor", "mayor", "candidate", "nominee", "aide", "adviser", "advisor", "leader",
    "ambassador", "envoy", "chairman", "chairwoman", "chair", "director", "head",
    "chief", "general", "commander", "congressman", "congresswoman", "lawmaker",
    "legislator", "politician", "strategist", "pollster", "analyst", "expert",
    "economist", "professor", "lawyer", "attorney", "executive", "ceo", "founder",
    "frontrunner", "front-runner", "businessman", "businesswoman", "billionaire",
    "deputy", "king", "queen", "emir", "sheikh", "pope", "foreign", "rep.", "sen.",
    "gov.", "manager", "chairperson", "negotiator", "mediator", "operative", "consultant",
    "speaker", "campaigner", "activist", "host", "commentator", "journalist", "reporter",
    "author", "researcher", "scientist", "co-chair", "vice", "counsel", "officer",
})

# Verbs whose object is a means, not who acts: "X used the comments to urge ...", "took the
# occasion to say ..." (the subject does the infinitive, as with "decided to say").
MEANS_VERBS: frozenset[str] = frozenset({"use", "take", "seize", "grab", "exploit", "employ"})

# A party's member as a description of one person ("one Ohio Democrat", "the Utah Republican");
# plural, the party's members ("Democrats said") speak for it.
PARTY_MEMBER_NOUNS: frozenset[str] = frozenset({"democrat", "republican", "tory", "libertarian"})

# Role nouns of someone who speaks on another's behalf: "a spokesman for X", "an X aide" is
# attributed to X, the principal (as PolNeAR's annotators do).
AGENT_ROLE_NOUNS: frozenset[str] = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "representative", "adviser", "advisor", "aide",
})

# Role nouns that refer back to an organisation ("the ministry said", "the Russian side").
ORG_ROLE_NOUNS: frozenset[str] = frozenset({
    "ministry", "department", "office", "government", "administration", "side",
    "agency", "committee", "commission", "council", "cabinet", "embassy", "kremlin",
    "campaign", "party", "organization", "organisation", "group", "company", "firm",
    "union", "service", "bureau", "court", "parliament", "assembly", "community",
    "foundation", "institute", "center", "centre", "coalition", "alliance", "network",
    "newspaper", "paper", "outlet", "website", "authority", "authorities", "mission",
    "delegation", "presidency", "secretariat", "state", "team", "army", "military",
    "police", "leadership", "establishment", "board",
})

# Honorifics carry gender: "Ms. Khan said".
FEMALE_TITLES: frozenset[str] = frozenset({"ms.", "ms", "mrs.", "mrs", "miss", "madam", "madame", "lady", "dame"})
MALE_TITLES: frozenset[str] = frozenset({"mr.", "mr", "sir", "lord"})
NAME_TITLES: frozenset[str] = FEMALE_TITLES | MALE_TITLES | frozenset({
    "dr.", "dr", "prof.", "sen.", "rep.", "gov.", "gen.", "col.", "lt.", "sgt.", "rev.",
    "president", "senator", "governor", "secretary", "minister", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "judge", "justice", "speaker",
    "councillor", "councilor", "councilman", "councilwoman", "mayor", "representative",
    "congressman", "congresswoman", "chairman", "chairwoman", "commissioner", "general",
    "captain", "sheriff", "rabbi", "reverend", "gov", "sen", "rep", "lt", "gen",
    "fm",  # "FM Lavrov": foreign minister
})

# Gendered role nouns, so "the spokeswoman" never resolves to a man.
FEMALE_ROLES: frozenset[str] = frozenset({"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen", "wife", "mother", "daughter", "woman"})
MALE_ROLES: frozenset[str] = frozenset({"spokesman", "chairman", "congressman", "businessman", "king", "husband", "father", "son", "man"})

PERSON_PRONOUNS: dict[str, str] = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
ORG_PRONOUNS: frozenset[str] = frozenset({"it", "they"})

# Nouns of "In his words / In her opinion / In X's view, CLAUSE" (`tasks.quotes.cues.in_words`).
IN_WORDS_NOUNS: frozenset[str] = frozenset({"words", "opinion", "view"})

# ---- words of attribution frames (tasks/quotes), kept here so each is written once ----

# Verbs whose bare noun-phrase object is what was said ("voiced concern", "pointed out X").
NP_OBJECT_CUES: frozenset[str] = frozenset({
    "express", "voice", "stress", "emphasize", "emphasise", "underline", "underscore",
    "point", "confirm", "reiterate", "announce", "deny", "propose", "reveal", "highlight",
    "demand", "pledge", "promise", "criticize", "criticise", "accuse", "note", "reaffirm",
    "acknowledge", "admit", "predict", "tout", "cite", "mention", "call", "blast", "slam",
    "recommend", "dismiss", "question", "welcome", "praise", "describe", "mock", "urge",
    "vow", "warn", "suggest", "push", "signal", "concede", "charge", "tweet", "write",
    "blame", "condemn", "denounce", "decry", "reject", "defend", "list", "hail",
    "applaud", "commend", "ridicule", "rebuke", "disavow", "lambaste", "assail", "rip",
    "outline", "unveil", "fault", "float", "endorse", "label", "deride", "retweet",
    "characterize", "characterise", "portray", "explain", "thank", "repeat", "credit",
})

# Object-taking cues whose object is the addressee, not the content ("told reporters").
ADDRESSEE_VERBS: frozenset[str] = frozenset({"tell", "ask", "urge", "inform", "assure", "advise", "brief", "remind", "warn"})

# Subject pronouns: as a cue's "object" they open a clause the parser split ("claiming he ... has").
NOMINATIVE_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "we", "i"})

# Verbs whose object in a title is what was said ("Jane Doe Said Something About X").
TITLE_OBJECT_VERBS: frozenset[str] = frozenset({"say", "tell", "reveal", "admit", "explain", "claim", "write", "tweet"})

# Sources that head a "Source: statement" headline without being a name.
HEADLINE_SOURCE_NOUNS: frozenset[str] = frozenset({"poll", "survey", "study", "report", "audit", "memo", "sources", "officials", "lawsuit"})

# Title-case headlines make the tagger run a name into its verb ("Trump Says He Never").
HEADLINE_VERBS: frozenset[str] = frozenset({
    "says", "said", "tells", "told", "calls", "vows", "warns", "claims", "slams", "urges", "asks", "blasts",
    "rips", "praises", "denies",
})

# An adverbial clause that is really the content: "calling for X to do", "asked whether ...".
CONTENT_MARKS: frozenset[str] = frozenset({"that", "for", "whether", "if", "how", "why", "what"})

# Cues that frame a whole clause with "as": "As the paper reported, ...".
AS_FRAME_VERBS: frozenset[str] = frozenset({
    "say", "report", "note", "reveal", "write", "explain", "mention", "tweet", "state",
    "announce", "indicate", "confirm", "observe", "remark", "predict", "warn", "claim",
    "point", "acknowledge", "admit", "reiterate", "stress", "emphasize", "emphasise",
})

# Particles of phrasal cues that introduce no content of their own ("shot back", "weighed in").
BARE_PARTICLES: frozenset[str] = frozenset({"back", "in"})

# Head nouns of a relative clause that are what was said ("the things he said about X").
SAID_THINGS: frozenset[str] = frozenset({
    "thing", "word", "comment", "remark", "statement", "claim", "lie", "falsehood", "insult",
    "joke", "promise", "accusation", "allegation", "attack",
})

# Records and polls as sources: "according to FEC filings", "according to a new poll" say where
# a figure is from, not who said it: no quote unless a named author stands behind them.
DOCUMENT_NOUNS: frozenset[str] = frozenset({"record", "filing", "document", "data", "statistic", "poll", "polling", "survey"})

# Shares of a polled population ("55 percent of voters say", "two-thirds said"): a poll result.
SHARE_NOUNS: frozenset[str] = frozenset({"percent", "%", "percentage", "majority", "plurality", "half", "third",
                                         "quarter", "fifth", "most"})

# Indefinite groups of people: "Some say", "Several senators said", "Others argue".
GROUP_QUANTIFIERS: frozenset[str] = frozenset({"some", "many", "several", "others", "other", "all", "both", "few"})

# Verbs of a speaker labelling something: 'X called the plan "a reckless gamble"' quotes X.
LABELLING_VERBS: frozenset[str] = frozenset({"call", "brand", "label", "term", "dub"})

# Light verbs whose speech-noun object is the cue ("made no mention of X", "gave a speech on X").
LIGHT_VERBS: frozenset[str] = frozenset({"make", "give", "deliver", "issue", "offer", "level", "lodge", "voice", "repeat"})

# Role nouns that fit any official: "the official said" picks the latest speaker, not a role match.
# A trailing headline speaker that is no one to name ("Talks to resume next month - source").
ANONYMOUS_SOURCE_NOUNS: frozenset[str] = frozenset({"source", "sources"})
GENERIC_ROLES: frozenset[str] = frozenset({"official", "representative", "diplomat", "leader", "politician", "source"})

# Organisation nouns a demonym turns into a country's voice ("the Russian side").
COUNTRY_VOICES: frozenset[str] = frozenset({"side", "government", "authorities", "leadership", "state"})

# Quotation marks after normalisation; curly and guillemets are kept for un-normalised text.
OPEN_QUOTES: frozenset[str] = frozenset({'"', "\u201c", "\u00ab", "\u201e"})
CLOSE_QUOTES: frozenset[str] = frozenset({'"', "\u201d", "\u00bb", "\u201c"})

AGENCY_LEAD = re.compile(r"/[A-Za-z -]{2,20}/\.?\s+")
# "MOSCOW, March 3. /TASS/. ", "BAKU (AA) - ", "Baku, May 12, Trend: ", "YEREVAN, JUNE 5, ARMENPRESS. ",
# "LONDON, Nov 9 (Reuters) - ", "KYIV, Ukraine (AP) — ": a place, a date and/or an agency, then the story.
DATELINE_LEAD = re.compile(
    r"(?:[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3})"
    r"(?:"
    r"(?: \([A-Za-z ]{1,20}\))? [-\u2013\u2014] "
    r"|, [A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2} \([A-Za-z ]{1,20}\) [-\u2013\u2014] "  # "KYIV, Ukraine (AP) — "
    r"|,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|[A-Z]{3,9} \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:, \d{4})?"
    r"(?:\. /[A-Za-z -]{2,20}/\.|, [A-Z][A-Za-z]+[.:]|\.| \([A-Za-z ]{1,20}\) [-\u2013\u2014])? "
    r")"
)


# -- what dates and numbers are about (tasks.linking) ---------------------------------
# General event nouns and verbs, grouped: data, not a list of seed events.
EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "agreement": ("agreement", "deal", "accord", "statement", "declaration", "pact", "treaty", "memorandum",
                  "protocol", "arrangement", "document", "agree"),
    "ceasefire": ("ceasefire", "truce", "armistice", "cessation"),
    "war": ("war", "conflict", "fighting", "fight", "hostility", "hostilities", "clash", "battle", "combat",
            "offensive", "attack", "assault", "invasion", "escalation", "warfare", "bombardment", "shelling"),
    "sign": ("sign", "reach", "conclude", "ink", "seal", "adopt", "broker", "signing"),
    "start": ("start", "begin", "erupt", "flare", "launch", "ignite", "outbreak", "beginning",
              "onset", "commence", "resume", "spark"),
    "end": ("end", "stop", "cease", "halt", "finish", "conclusion", "close"),
    "occupation": ("occupy", "occupation", "control", "seize", "annex", "annexation"),
    "liberation": ("liberate", "liberation", "recapture", "retake", "regain", "reclaim"),
    "blockade": ("block", "blockade", "blocking", "closure", "protest", "picket", "blockage", "obstruct"),
    "deploy": ("deploy", "deployment", "station", "dispatch", "peacekeeper", "peacekeeping", "contingent"),
    "death": ("kill", "die", "death", "dead", "casualty", "fatality", "toll", "victim", "life"),
    "injury": ("injure", "wound", "injury", "hurt", "wounded"),
    # ("poll" is left out: in news it is mostly a survey, not a vote)
    "election": ("election", "vote", "ballot", "referendum", "primary", "caucus"),
    "meeting": ("meet", "meeting", "talk", "summit", "visit", "negotiation", "negotiate", "round"),
    "release": ("release", "return", "exchange", "repatriate", "repatriation", "handover", "swap",
                "captive", "prisoner", "detainee", "hostage", "free"),
    "strike": ("strike", "walkout", "stoppage", "lockout"),
    "arrest": ("arrest", "detain", "detention", "jail", "sentence", "imprison"),
    "displacement": ("displace", "flee", "refugee", "evacuate", "evacuation", "displacement", "exodus"),
    "aid": ("aid", "cargo", "deliver", "delivery", "supply", "assistance", "shipment", "convoy"),
}
# Verb phrases whose verb says nothing alone: "took effect" / "came into force" is a start.
# (verb lemma, its object or into/in-object lemma) -> the trigger word they stand for.
EVENT_PHRASES: dict[tuple[str, str], str] = {
    ("take", "effect"): "begin", ("come", "force"): "begin", ("enter", "force"): "begin",
    ("go", "effect"): "begin", ("come", "effect"): "begin", ("enter", "effect"): "begin",
    # a statement someone releases or issues is something said, not a signed "statement"
    ("release", "statement"): "publish", ("issue", "statement"): "publish", ("make", "statement"): "publish",
    ("put", "statement"): "publish",
}
# Classes that say how something happened, not what ("began a campaign" / "broke a story").
MANNER_EVENT_CLASSES: frozenset[str] = frozenset({"start", "end", "sign"})
# One-off happenings: a date told differently for one of these is a contradiction. Other
# events recur (attacks, meetings, deliveries), so two different dates for them are
# usually two occurrences, never linked.
MILESTONE_EVENT_CLASSES: frozenset[str] = frozenset(
    {"agreement", "ceasefire", "sign", "start", "end", "occupation", "liberation", "blockade"})
# Verbs that tell a figure as a change of an earlier one: "the toll rose to 18".
UPDATE_VERBS: frozenset[str] = frozenset({
    "rose", "risen", "rises", "rising", "climbed", "climbs", "climbing", "increased", "increases", "jumped",
    "grew", "grown", "soared", "mounted", "went up", "gone up", "surged", "swelled", "swollen",
})

# Function words left out when articles are compared by their content words
# (tasks.linking.events); capitalised, they are not names either.
STOP_WORDS: frozenset[str] = frozenset(["a", "about", "above", "after", "again", "against", "all", "also", "among", "an", "and", "another", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "least", "less", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "near", "neither", "never", "new", "next", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "out", "over", "own", "per", "perhaps", "rather", "said", "same", "says", "say", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "according", "told", "added", "asked", "week", "weeks", "year", "years", "day", "days", "month", "months", "time", "times", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "percent", "people", "news", "report", "reported", "reports", "reporting", "statement"])

# Line labels that are no speaker ("UPDATE: ...", "Editor's note: ...", "Read more: ..."), folded.
NON_SPEECH_LABELS: frozenset[str] = frozenset({
    "update", "updated", "note", "editor's note", "editors note", "photo", "photos", "video", "watch", "read more",
    "related", "see also", "correction", "clarification", "previously", "earlier", "email", "e-mail", "transcript",
    "video transcript", "source", "sources", "title", "date", "caption", "credit", "advertisement", "disclosure",
    "q", "a", "question", "answer", "breaking", "live", "analysis", "opinion", "editorial", "tags", "topics",
})

# Verbs of expecting: "Russia expects Berlin to explain X" reports no words of Berlin's.
# Lower-case words that end a name the tagger ran on past ("American Music Awards after
# Swift", "Acme Corp at Geneva"). "of", "for", "and", "on", "de" stay: they sit inside names
# ("Council of Economic Advisers", "Club for Growth", "Bill de Blasio").
NAME_BREAKING_WORDS: frozenset[str] = frozenset({"after", "before", "since", "during", "amid", "despite",
                                                 "following", "against", "until", "at"})
EXPECTING_VERBS: frozenset[str] = frozenset({"expect", "want", "await"})

# Verbs of relaying someone's words: "X was quoted (by TASS) as saying", "the paper cited X as
# saying" - X spoke, not whoever quoted (tasks.quotes.cues.quoted_as_saying).
QUOTING_VERBS: frozenset[str] = frozenset({"quote", "cite"})

# A passive agent of these verbs got hold of a document, it did not write it: "a letter
# obtained by the Post", "a memo seen by Reuters" are not the outlet's words.
RECEIVING_VERBS: frozenset[str] = frozenset({
    "obtain", "see", "review", "receive", "acquire", "access", "view", "examine", "read",
    "hear", "leak", "quote", "cite", "analyze", "analyse",
})
