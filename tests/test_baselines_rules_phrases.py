from baselines.document import document_from_text
from baselines.rules import phrases
from baselines.tokens import sentence_views


def _view(text):
    return sentence_views(document_from_text("p", text))[0]


def _words(view, bounds):
    return (
        None if bounds is None else " ".join(t.text for t in view.tokens[bounds[0] : bounds[1] + 1])
    )


def test_np_right_with_di_complements_and_apposition():
    view = _view("Ha parlato il capo della polizia di Trento, Luca Neri, ieri.")
    assert _words(view, phrases.np_right(view, 2)) == "il capo della polizia di Trento"
    assert (
        _words(view, phrases.np_right(view, 2, apposition=True))
        == "il capo della polizia di Trento , Luca Neri"
    )


def test_np_left_stops_at_article_and_rejects_prepositional_phrases():
    view = _view("Ieri i soldati hanno sparato a Trento i colpi.")
    assert _words(view, phrases.np_left(view, 3)) == "i soldati"
    assert phrases.np_left(view, 7) is None


def test_clause_end_stops_at_a_comma_before_a_participle():
    view = _view("Le truppe sarebbero arrivate a Trento, accolte dalla folla.")
    assert _words(view, (0, phrases.clause_end(view, 2))) == "Le truppe sarebbero arrivate a Trento"


def test_find_time_and_place():
    view = _view("Nelle ultime 48 ore sono caduti missili sulla città di Odessa.")
    assert _words(view, phrases.find_time(view, 0, 20)) == "ultime 48 ore"
    assert _words(view, phrases.find_place(view, 0, 20)) == "città di Odessa"
