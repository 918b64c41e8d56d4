"""Grouping articles into events, on made-up articles (tasks.linking.events)."""
import datetime as dt

from tasks.linking.events import ArticleText, group_events

D = dt.date
BOMB = ("A car bomb exploded at the Karvel market in Norland, killing twelve shoppers. Interior Minister "
        "Halvard Brenn said the bomb was hidden in a van near the market gate. The Karvel market stays closed.")
BOMB_2 = ("Police in Norland said the car bomb at the Karvel market was hidden in a delivery van. Minister "
          "Halvard Brenn visited the market, where the bomb killed shoppers near the gate.")
FLOOD = ("Floods swept through Ostrava Lind after heavy rain. Mayor Inge Solvik said the river Amsel burst "
         "its banks and rescue teams searched the streets of Ostrava Lind by boat.")


def grouping(articles):
    _events, members = group_events(articles)
    return {m.article_id: m.event_id for m in members}


def test_reports_of_one_event_group_and_another_event_the_same_day_does_not():
    g = grouping([ArticleText("a", "Bomb at Karvel market", BOMB, D(2024, 3, 13)),
                  ArticleText("b", "Karvel market bomb", BOMB_2, D(2024, 3, 14)),
                  ArticleText("c", "Floods in Ostrava Lind", FLOOD, D(2024, 3, 13))])
    assert g["a"] == g["b"] != g["c"]


def test_the_same_story_weeks_apart_is_another_event():
    g = grouping([ArticleText("a", "Bomb at Karvel market", BOMB, D(2024, 3, 13)),
                  ArticleText("b", "Karvel market bomb", BOMB_2, D(2024, 5, 14))])
    assert g["a"] != g["b"]


def test_grouping_does_not_depend_on_order_and_labels_name_the_event():
    arts = [ArticleText("a", "Bomb at Karvel market", BOMB, D(2024, 3, 13)),
            ArticleText("b", "Karvel market bomb", BOMB_2, D(2024, 3, 14)),
            ArticleText("c", "Floods in Ostrava Lind", FLOOD, D(2024, 3, 13))]
    assert grouping(arts) == grouping(list(reversed(arts)))
    events, _ = group_events(arts)
    (bombing,) = [e for e in events if e.n_articles == 2]
    assert "Karvel" in bombing.label and bombing.first_published == D(2024, 3, 13)
    assert bombing.last_published == D(2024, 3, 14)


def test_an_article_alone_is_an_event_of_one():
    events, members = group_events([ArticleText("a", None, "Nothing much happened here today.", None)])
    assert len(events) == 1 and events[0].n_articles == 1 and members[0].article_id == "a"


def test_articles_may_come_as_an_iterator_and_profiles_share_their_words():
    from tasks.linking.events import Vocabulary, profile

    articles = [ArticleText("a", "Bomb at Karvel market", BOMB, D(2025, 3, 1)),
                ArticleText("b", None, BOMB_2, D(2025, 3, 2)), ArticleText("c", None, FLOOD, D(2025, 3, 1))]
    assert group_events(iter(articles)) == group_events(articles)
    vocabulary = Vocabulary()
    p, q = profile(articles[0], vocabulary), profile(articles[1], vocabulary)
    word = next(w for w in p.weights if w in q.weights)
    assert next(w for w in q.weights if w == word) is word
    assert p.weights == profile(articles[0]).weights
