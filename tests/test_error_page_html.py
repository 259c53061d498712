import re
from html.parser import HTMLParser

import pytest
from support.report_case import ATTEMPTED, EXPECTED_EXACT, GOLD, PRED, TEXT

from benchmark.dataset.layers import LAYER_NAMES as LAYERS
from benchmark.dataset.schema import Annotations
from benchmark.presentation.error_page.elements import ELEMENTS
from benchmark.presentation.error_page.html import render
from benchmark.presentation.error_page.model import build_model
from benchmark.scoring.run import score

PROVENANCE = {
    "system": "hand <made>",
    "dataset sha256": "abc123",
    "scorer version": "9.9.9",
    "split": "test",
    "created": "2026-01-01T00:00:00+00:00",
}


class _Page(HTMLParser):
    """Collects the marks, the article texts, every attribute and the tags seen."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks = {}  # (layer, element, side, id) -> set of statuses over its fragments
        self.articles = []  # (lang, text)
        self.attributes = []  # (tag, name, value)
        self.tags = []
        self._article_depth = 0
        self._stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self.attributes.extend((tag, k, v) for k, v in attrs.items())
        classes = (attrs.get("class") or "").split()
        if tag == "div" and "article" in classes:
            self.articles.append([attrs.get("lang"), ""])
            self._article_depth = 1
        elif self._article_depth:
            self._article_depth += 1
        if tag == "span" and "m" in classes and "data-layer" in attrs:
            status, element = classes[1], classes[2]
            for side in ("gold", "pred"):
                if attrs.get(f"data-{side}"):
                    key = (attrs["data-layer"], element, side, attrs[f"data-{side}"])
                    self.marks.setdefault(key, set()).add(status)

    def handle_endtag(self, tag):
        if self._article_depth:
            self._article_depth -= 1

    def handle_data(self, data):
        if self._article_depth:
            self.articles[-1][1] += data


def _parse(page):
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _page(gold, pred, **options):
    report = score(gold, pred, **options)
    return render(build_model(gold, pred, report), provenance=PROVENANCE)


@pytest.fixture(scope="module")
def hand_page():
    return _page(GOLD, PRED, attempted=ATTEMPTED)


def test_every_hand_made_item_has_its_worked_out_class(hand_page):
    parsed = _parse(hand_page)
    assert parsed.marks == {key: {status} for key, status in EXPECTED_EXACT.items()}


def test_article_text_is_unchanged_and_marked_italian(hand_page):
    articles = _parse(hand_page).articles
    assert articles == [["it", TEXT]] * 4  # one article per layer


def test_header_sections_and_legend(hand_page):
    parsed = _parse(hand_page)
    assert "hand &lt;made&gt;" in hand_page and "9.9.9" in hand_page and "abc123" in hand_page
    ids = {v for t, k, v in parsed.attributes if k == "id"}
    assert {"scores", "legend", "unaligned", *(f"layer-{layer}" for layer in LAYERS)} <= ids
    hrefs = [v for t, k, v in parsed.attributes if k == "href"]
    assert hrefs == ["#scores", *(f"#layer-{layer}" for layer in LAYERS), "#unaligned"]
    assert parsed.tags.count("h2") == 7  # legend + scores + 4 layers + unaligned
    assert '<html lang="en">' in hand_page


def test_labels_show_on_hover_and_in_print(hand_page):
    fragment = re.search(r'<span class="m tp trigger[^>]*>', hand_page).group(0)
    assert 'data-label="Conflict:Attack"' in fragment
    assert 'title="TP (matched) · trigger: Conflict:Attack · gold E1 · predicted p1"' in fragment
    assert re.search(r"@media print\{.*attr\(data-label\)", hand_page, re.S)


def test_relation_partners_share_number_and_table_rows(hand_page):
    cue = re.search(r'<span class="m tp cue [^>]*>', hand_page).group(0)
    assert 'data-rel="r1 r2"' in cue and 'data-badge="1/2"' in cue
    assert re.search(r'<tr class="rc1" data-rel="r1"', hand_page)
    assert re.search(r'<tr class="rc2" data-rel="r2"', hand_page)


def test_page_references_nothing_outside_itself(hand_page):
    _assert_self_contained(hand_page)


def _assert_self_contained(page):
    lowered = page.lower()
    for needle in ("http:", "https:", "//", "@import", "url(", "<link", "<iframe", "<img"):
        assert needle not in lowered, needle
    for tag, name, value in _parse(page).attributes:
        assert name != "src", (tag, value)
        if name == "href":
            assert value.startswith("#"), value


@pytest.fixture(scope="module")
def real_gold():
    from benchmark.dataset.loading import load_gold

    return load_gold()


def _gold_keys(gold):
    return {
        (layer, spec.name, s.item_id)
        for layer in LAYERS
        for spec in ELEMENTS[layer]
        for s in spec.spans(gold)
    }


def test_real_gold_against_an_empty_prediction_is_all_fn(real_gold):
    empty = Annotations(documents=real_gold.documents)
    parsed = _parse(_page(real_gold, empty))
    keys = _gold_keys(real_gold)
    assert len(keys) > 100
    assert parsed.marks == {(layer, el, "gold", i): {"fn"} for layer, el, i in keys}
    assert [text for _, text in parsed.articles] == [real_gold.documents[0].text] * 4


def test_real_gold_as_prediction_is_all_tp(real_gold):
    page = _page(real_gold, real_gold)
    parsed = _parse(page)
    keys = _gold_keys(real_gold)
    expected = {(layer, el, side, i): {"tp"} for layer, el, i in keys for side in ("gold", "pred")}
    assert parsed.marks == expected
    assert "Missed items (false negatives): none" in page
    _assert_self_contained(page)


def test_multi_document_split_is_one_collapsible_block_per_document():
    from dataclasses import replace

    from benchmark.dataset.loading import load_gold

    contrast = load_gold(split="contrast")
    wrong = "kharkiv-001-c01-e1"  # paragraph 0: it has gold events, all missed below
    pred = replace(
        contrast,
        **{
            layer: tuple(i for i in getattr(contrast, layer) if i.doc_id != wrong)
            for layer in ("events", "casualties", "attributions", "hedges")
        },
    )
    page = _page(contrast, pred)
    events = page[page.index('<section id="layer-events"') : page.index('id="layer-casualties"')]
    blocks = re.findall(r'<details class="doc" data-doc="([^"]+)"( open)?>', events)
    assert [doc_id for doc_id, _ in blocks] == [d.doc_id for d in contrast.documents]
    assert [doc_id for doc_id, opened in blocks if opened] == [wrong]
    assert "Text of" not in page  # the single-document heading is not used
    assert len(re.findall(r'class="tab"', page)) == 6  # scores, 4 layers, unaligned


def test_scores_have_one_row_per_mode_with_fractional_credits(hand_page):
    rows = re.findall(r"<tr(?: class=\"shown\")?>(.*?)</tr>", hand_page)
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in rows]
    # hedges/scope: gold (cue "sarebbero", scope "dieci civili sarebbero morti"), predicted
    # (the same cue, scope "sarebbero morti"): exact and normalised miss; partial credits
    # cue F1 1 x scope F1 2 * 2 / (4 + 2) = 2/3: tp 0.67, fp 0.33, fn 0.33; overlap 1
    partial = next(c for c in cells if c[:1] == ["partial"] and c[6:9] == ["0.67", "0.33", "0.33"])
    assert partial[1:4] == ["66.7", "66.7", "66.7"]
    # the mode that colours the text (exact) is the highlighted row
    assert '<tr class="shown"><th scope="rowgroup" rowspan="4">trigger_identification</th>' in (
        hand_page
    )


def test_rejected_items_are_listed_on_the_page():
    from benchmark.submission import RejectedItem

    rejected = (RejectedItem("d1", "hedges", "h9", 1, "$.hedges[4]", ("$.hedges[4].cue: bad",)),)
    report = score(GOLD, PRED, attempted=ATTEMPTED, rejected=rejected)
    page = render(build_model(GOLD, PRED, report), provenance=PROVENANCE)
    assert "<h3>Rejected items (1)</h3>" in page
    assert "<td>$.hedges[4] (h9)</td><td>$.hedges[4].cue: bad</td>" in page
