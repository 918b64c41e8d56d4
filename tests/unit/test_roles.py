"""Role nouns, institutions, places, headlines and datelines (`tasks.quotes.roles` and the
subject patterns that use it), on made-up agency-style sentences: the speaker each quote gets
(None: no speaker)."""
from __future__ import annotations

import hashlib

import pytest

from models import Article
from tasks.ingest.textnorm import normalise_text
from tasks.quotes.extract import extract_article_quotes
from tasks.quotes.registry import SpeakerRegistry
from tasks.quotes.roles import ROLE_FITS, compatible, demonym_country, demonym_of, role_fits


@pytest.fixture(scope="module")
def nlp():
    from tasks.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def speaker_of(nlp):
    registry = SpeakerRegistry.load()

    def _speaker_of(text: str, contains: str, title: str | None = None):
        body = normalise_text(f"{title}\n\n{text}" if title else text)
        article = Article(article_id="r1", source_path="r1.txt", title=title,
                          content_sha256=hashlib.sha256(body.encode()).hexdigest(), body=body)
        quotes = extract_article_quotes(nlp(body), article, registry).quotes
        hits = [q for q in quotes if contains in q.text]
        assert hits, [(q.kind, q.text) for q in quotes]
        return hits[0]
    return _speaker_of


@pytest.mark.parametrize("text,contains,speaker", [
    # the police of the dateline's country, not the city
    ("PARIS, France (AP) — A fire broke out at a warehouse near the port of Le Havre on Monday, police said.",
     "A fire broke out", "French police"),
    # no country anywhere: the institution itself, never the city named before it
    ("Officers were called to a bar in Lyon late on Friday. Police said two men had been arrested.",
     "two men had been arrested", "police"),
    # a demonym in the phrase names the country
    ("Georgian prosecutors said the case against the former mayor would go to court in May.",
     "the case against the former mayor", "Georgian prosecutors"),
    ("Ukraine's navy said it had destroyed two unmanned boats near the coast.",
     "it had destroyed two unmanned boats", "Ukrainian navy"),
    # an office named with the institution's word speaks for "prosecutors"
    (("The Ankara Chief Prosecutor's Office opened an inquiry into the tender on Monday. Prosecutors said "
      "four officials had been questioned."), "four officials had been questioned", "Ankara Chief Prosecutor's Office"),
    # a city's own police is an organisation of its own, not the city
    ("Moscow police said three people had been detained near the stadium.", "three people had been detained",
     "Moscow police"),
    # "an army of ..." is no institution
    ("An army of volunteers said the clean-up would take a week.", "the clean-up would take a week", None),
])
def test_institutions(speaker_of, text, contains, speaker):
    assert speaker_of(text, contains).speaker_name == speaker


@pytest.mark.parametrize("text,contains,speaker", [
    # a demonym in the role phrase is the holder's country
    (("President Vladimir Putin met Kazakh President Kassym-Jomart Tokayev in Sochi. Tokayev said the talks "
      "were useful. The Russian leader said trade had doubled."), "trade had doubled", "Vladimir Putin"),
    (("Economy Minister Oleg Petrov met Armenian Economy Minister Aram Sarkis in Moscow. Petrov said the "
      "roadmap was ready. The Armenian minister said exports would grow."), "exports would grow", "Aram Sarkis"),
    # a listed role noun fits by data: an envoy is an ambassador, never the mayor named since
    (("Ambassador Lena Varga arrived in Vienna on Monday. Mayor Tom Briggs welcomed her at the station. "
      "The envoy said the talks would start soon."), "the talks would start soon", "Lena Varga"),
    # no holder before: the one the story names later (the registry's Kremlin spokesman)
    ("The Kremlin spokesman said the meeting had been useful. Peskov added that no date had been set.",
     "the meeting had been useful", "Dmitry Peskov"),
    # a rank the phrase lacks: the foreign minister is no deputy foreign minister
    (("Foreign Minister Sergey Lavrov met his Chinese counterpart. Deputy Foreign Minister Sergei Ryabkov said "
      "the talks were useful. The foreign minister said the visit would go ahead."), "the visit would go ahead",
      "Sergey Lavrov"),
    # ... while a vice president may still be "the governor" he once was
    ("Vice President Mike Pence campaigned in Indianapolis. The governor said the state would vote Republican.",
     "the state would vote Republican", "Mike Pence"),
    # idioms as data: a top diplomat is a foreign minister
    (("Deputy Foreign Minister Sergei Ryabkov spoke first. Foreign Minister Sergey Lavrov spoke next. Russia's "
      "top diplomat said new talks were possible."), "new talks were possible", "Sergey Lavrov"),
    (("Foreign Minister Sergey Lavrov met Wang Yi. Deputy Foreign Minister Andrei Rudenko also attended. "
      "The head of Russian diplomacy said the sides shared a common view."), "shared a common view", "Sergey Lavrov"),
    # a generic role's other words still tell: the ministry's representative is no Kremlin spokesman
    (("Maria Zakharova, the official representative of the Russian Foreign Ministry, spoke first. Dmitry Peskov "
      "also commented. The Foreign Ministry's official representative said Moscow would respond."),
     "Moscow would respond", "Maria Zakharova"),
    # an indefinite role noun is no speaker
    ("A senior diplomat said the talks had stalled.", "the talks had stalled", None),
    # a possessor is the principal, never the holder of the possessed role
    ("Senator Jane Okoro toured the port. Okoro's campaign manager said she expected a close race.",
     "she expected a close race", None),
    # a UN secretary general is a diplomat; a chancellor is not
    (("U.N. Secretary-General Antonio Guterres arrived in Berlin on Monday. Chancellor Olaf Scholz received him "
      "at the chancellery. The veteran diplomat said the talks were useful."), "the talks were useful", "Antonio Guterres"),
    # the holder's name run into a "to" phrase by the tagger
    ("Russia's Permanent Representative to the United Nations Vasily Nebenzya said the draft was unbalanced.",
     "the draft was unbalanced", "Vasily Nebenzya"),
])
def test_role_compatibility(speaker_of, text, contains, speaker):
    assert speaker_of(text, contains).speaker_name == speaker


@pytest.mark.parametrize("title,text,contains,speaker", [
    ("Russian diplomat: sanctions will not change our course",
     ("MOSCOW, May 3. /TASS/. Deputy Foreign Minister Sergei Ryabkov said on Monday that new sanctions "
     "would not change Moscow's course."), "sanctions will not change our course", "Sergei Ryabkov"),
    ("Talks postponed until autumn, foreign ministry says",
     "YEREVAN, June 5. The Armenian Foreign Ministry said on Tuesday that the talks had been postponed.",
     "Talks postponed until autumn", "Armenian Foreign Ministry"),
    ("Grain exports will stay at last year's level - Orlova",
     "Agriculture Minister Nina Orlova told reporters that the harvest had been good.",
     "Grain exports will stay at last year's level", "Nina Orlova"),
    ("Contacts with Ankara will continue — Kremlin",
     "MOSCOW, May 3. /TASS/. Contacts with Turkey will continue, Kremlin spokesman Dmitry Peskov said.",
     "Contacts with Ankara will continue", "Kremlin"),
    ("Sanctions only harm Europe itself — Russian diplomat",
     "MOSCOW, May 3. /TASS/. New sanctions only harm Europe, Deputy Foreign Minister Alexander Grushko said.",
     "Sanctions only harm Europe itself", "Alexander Grushko"),
    ("Twelve drones downed over Bryansk Region — Defence Ministry",
     "MOSCOW, May 3. /TASS/. Air defences downed twelve drones overnight, the Russian Defence Ministry said.",
     "Twelve drones downed over Bryansk Region", "Russian Defence Ministry"),
    ("Moscow is open to new talks — senior Russian diplomat",
     "MOSCOW, May 3. /TASS/. Moscow is open to new talks, Deputy Foreign Minister Sergei Ryabkov said.",
     "Moscow is open to new talks", "Sergei Ryabkov"),
    ("Russian FM Lavrov: the summit will take place in June",
     "MOSCOW, May 3. /TASS/. The summit will take place in June, Foreign Minister Sergey Lavrov said.",
     "the summit will take place in June", "Sergey Lavrov"),
    # a role phrase whose holder the story never names is no speaker
    ("Prices will rise further, analysts say", "Food prices rose 3% in March.", "Prices will rise further", None),
])
def test_headlines(speaker_of, title, text, contains, speaker):
    q = speaker_of(text, contains, title=title)
    assert q.kind == "headline"
    assert q.speaker_name == speaker


@pytest.mark.parametrize("title", [
    "Parliament elections in Armenia — live updates",  # a label, not a speaker
    "Talks on the Black Sea grain deal — Russia",  # a state after the dash is a topic as often as a voice
    "Ceasefire holds along the border — correspondent",  # a role nobody in the story holds
])
def test_trailing_labels_are_no_headline_quotes(nlp, title):
    body = normalise_text(f"{title}\n\nVoters queued from early morning in the capital.")
    article = Article(article_id="r2", source_path="r2.txt", title=title,
                      content_sha256=hashlib.sha256(body.encode()).hexdigest(), body=body)
    quotes = extract_article_quotes(nlp(body), article, SpeakerRegistry.load()).quotes
    assert not [q for q in quotes if q.kind == "headline" and q.speaker_name], quotes


@pytest.mark.parametrize("text,contains,speaker", [
    # a place run into a capitalised organisation name is part of it, even a registry capital
    ("The Minsk City Court said the hearing would resume on Friday.", "the hearing would resume", "Minsk City Court"),
    # a definite common noun ending an organisation's name named before
    ("The Baltic Shipping Exchange published its weekly index. The exchange said volumes had risen by 4%.",
     "volumes had risen", "Baltic Shipping Exchange"),
    ("The exchange said volumes had risen by 4%.", "volumes had risen", None),
    # a country's own ministry is never another's named before it
    ("Foreign Minister Sergey Lavrov arrived in Tokyo. Japan's Foreign Ministry said the talks would last two days.",
     "the talks would last two days", "Japan's Foreign Ministry"),
    # a dateline's place heading the subject gives way to the name in apposition
    (("UNITED NATIONS (AP) — Ireland's U.N. Ambassador Fergal Byrne told the Security Council on Monday that "
      "aid convoys were being blocked."), "aid convoys were being blocked", "Fergal Byrne"),
])
def test_places_and_organisations(speaker_of, text, contains, speaker):
    assert speaker_of(text, contains).speaker_name == speaker


@pytest.mark.parametrize("text,starts", [
    ("TBILISI, Georgia (AP) — The border crossing will reopen on Friday, officials said.", "The border crossing"),
    ("MOSCOW, March 3. /TASS/. Russia will respond to the new sanctions, the ministry said.", "Russia will respond"),
    ("LONDON, Nov 9 (Reuters) - Oil prices fell for a third day, traders said.", "Oil prices fell"),
])
def test_datelines_stay_out_of_reported_clauses(speaker_of, text, starts):
    assert speaker_of(text, starts).text.startswith(starts)


@pytest.mark.parametrize("word,role_words,fits", [
    ("envoy", {"ambassador", "to", "the", "united", "nations"}, True),
    ("diplomat", {"deputy", "foreign", "minister"}, True),
    ("leader", {"prime", "minister"}, True),
    ("envoy", {"mayor"}, False),
    ("minister", {"deputy", "foreign", "minister"}, True),
    ("minister", {"president"}, False),
])
def test_role_fits(word, role_words, fits):
    assert role_fits(word, role_words) is fits


def test_role_fits_are_data():
    assert {"envoy", "diplomat", "leader"} <= ROLE_FITS.keys()


class _Person:
    def __init__(self, country=None, roles=(), words=()):
        self.country, self.roles, self._words = country, list(roles), set(words)

    def role_words(self):
        return self._words


@pytest.mark.parametrize("person,words,country,ok", [
    (_Person("Kazakhstan", words={"president"}), {"leader"}, "Russia", False),
    (_Person("Russia", words={"president"}), {"leader"}, "Russia", True),
    (_Person(roles=["Armenian Economy Minister"], words={"armenian", "economy", "minister"}), {"minister"}, "Russia", False),
    (_Person(), {"envoy"}, None, True),  # no known role or country: may be anyone
    (_Person(words={"mayor"}), {"envoy"}, None, False),
])
def test_compatible(person, words, country, ok):
    assert compatible(person, words, country) is ok


@pytest.mark.parametrize("words,country", [
    (["Russian"], "Russia"), (["Ukraine's"], "Ukraine"), (["the", "Kazakh"], "Kazakhstan"), (["Lyon"], None),
])
def test_demonym_country(words, country):
    assert demonym_country(words) == country


def test_demonym_of():
    assert demonym_of("Russia") == "Russian"
    assert demonym_of("Atlantis") == "Atlantis"


@pytest.mark.parametrize("mention,canonical", [
    ("Iran's Foreign Ministry", "Iranian Foreign Ministry"),  # an alias
    ("Iran's Foreign Minstry", "Iranian Foreign Ministry"),  # a misspelling
    ("Japan's Foreign Ministry", None),  # another country is another ministry
    ("Russian Foreign Minister", None),  # a role is not the ministry
])
def test_registry_fuzzy_names_are_spellings(mention, canonical):
    found = SpeakerRegistry.load().resolve(mention)
    assert (found.canonical_name if found is not None else None) == canonical
