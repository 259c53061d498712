import pytest

from baselines.document import document_from_text
from baselines.rules.groups import classes_in, is_armed, victim_group
from baselines.tokens import sentence_views


def _view(text):
    return sentence_views(document_from_text("g", text))[0]


def _bounds(view, words):
    lows = [token.low for token in view.tokens]
    first = lows.index(words[0])
    return first, first + len(words) - 1


def test_longest_token_sequences_win():
    view = _view("Le forze dell'ordine, le forze armate e le forze.")
    assert classes_in(view, 0, len(view.tokens) - 1) == ["police", "military", "military"]
    view = _view("I non combattenti e i combattenti.")
    assert classes_in(view, 0, len(view.tokens) - 1) == ["civilians", "military"]


@pytest.mark.parametrize(
    ("text", "victim", "trigger", "group"),
    [
        ("Morti tre bambini e due adulti.", ("bambini",), ("morti",), "children"),
        ("Uccisi i jihadisti.", ("jihadisti",), ("uccisi",), "armed_group"),
        ("Feriti i soldati.", ("soldati",), ("feriti",), "military"),
        ("Feriti gli agenti di polizia.", ("agenti", "di", "polizia"), ("feriti",), "police"),
        ("Morti i volontari dell'Onu.", ("volontari", "dell'", "onu"), ("morti",),
         "international_staff"),
        ("Vittime tra i civili.", ("civili",), ("vittime",), "civilians"),
        ("Feriti due fotografi.", ("fotografi",), ("feriti",), "other"),
        ("Morti i vigili del fuoco.", ("vigili", "del", "fuoco"), ("morti",), "people"),
        # 4.8: the first row wins ("bambini soldato": children)
        ("Uccisi i bambini soldato.", ("bambini", "soldato"), ("uccisi",), "children"),
        # a demonym is military only in a statement of losses
        ("Pesanti perdite per i russi.", ("russi",), ("perdite",), "military"),
        ("Caduti i russi.", ("russi",), ("caduti",), "military"),
        ("Morti i russi.", ("russi",), ("morti",), "people"),
        ("Perdite tra i turisti russi.", ("turisti", "russi"), ("perdite",), "people"),
    ],
)  # fmt: skip
def test_victim_group_follows_the_order_of_section_4_8(text, victim, trigger, group):
    view = _view(text)
    assert victim_group(view, _bounds(view, victim), _bounds(view, trigger)) == group


def test_armed_actors():
    view = _view("L'attacco dei ribelli contro la scuola dei bambini dei russi.")
    assert is_armed(view, *_bounds(view, ("ribelli",)))
    assert not is_armed(view, *_bounds(view, ("scuola",)))
    assert not is_armed(view, *_bounds(view, ("bambini",)))
    assert is_armed(view, *_bounds(view, ("russi",)))
