"""baselines.llm.prompt: the chat messages of a document, from the template files."""

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from baselines.document import document_from_text
from baselines.llm import prompt
from baselines.llm.answer_schema import SUBMISSION_SCHEMA, answer_schema, layer_keys
from baselines.llm.parse import parse_answer
from benchmark.dataset import inventory
from benchmark.dataset.gold import read_gold
from benchmark.dataset.text import tokenize

LAYER_KEYS = layer_keys()

ROOT = Path(__file__).resolve().parents[1]
SUBSETS = [subset for size in range(1, 6) for subset in itertools.combinations(LAYER_KEYS, size)]


@pytest.fixture(scope="module")
def document():
    return read_gold().documents[0]


def test_two_messages_system_then_user(document):
    messages = prompt.messages(document, LAYER_KEYS)
    assert [m["role"] for m in messages] == ["system", "user"]
    assert messages[0]["content"] == prompt.system_prompt(LAYER_KEYS)
    assert messages[1]["content"] == prompt.user_prompt(document, LAYER_KEYS)


def test_user_message_numbers_the_benchmark_sentences(document):
    user = prompt.user_prompt(document, ["hedges"])
    lines = user.splitlines()
    assert lines[0] == f"Document {document.doc_id}. Sentences:"
    numbered = [line for line in lines if re.match(r"\[\d+\] ", line)]
    assert len(numbered) == len(document.sentences) == 22
    for line, sentence in zip(numbered, document.sentences, strict=True):
        text = " ".join(document.text[sentence.start : sentence.end].split())
        assert line == f"[{sentence.sentence_id}] {text}"
    assert lines[-1] == 'Answer with the JSON object (keys: "hedges").'


def test_a_line_break_inside_a_sentence_is_shown_as_a_space():
    doc = document_from_text("d", "Prima riga\ncontinua qui. Seconda frase.")
    assert prompt.numbered_sentences(doc) == "[0] Prima riga continua qui.\n[1] Seconda frase."


def test_system_prompt_lists_exactly_the_asked_keys_and_their_definitions():
    system = prompt.system_prompt(["events", "hedges"])
    assert 'Its keys are exactly: "events", "hedges".' in system
    assert "## events" in system and "## hedges" in system
    assert "## casualties" not in system and "## sentences" not in system


def test_labels_are_the_inventory():
    system = prompt.system_prompt(LAYER_KEYS)
    for labels in (inventory.EVENT_TYPES, inventory.VICTIM_GROUPS, inventory.HEDGE_CUE_TYPES):
        assert " | ".join(labels) in system
    assert "$" not in system  # every placeholder filled


def test_reference_fields_are_explained_only_when_their_layer_is_asked():
    alone = prompt.system_prompt(["events"])
    both = prompt.system_prompt(["events", "attributions"])
    assert "attribution_id" not in alone
    assert "- attribution_id: the id of the innermost attribution" in both
    assert "[if" not in both


def test_field_lists_come_from_the_answer_schema():
    system = prompt.system_prompt(["hedges"])
    assert "Fields of each item: required hedge_id, sentence_id, cue, cue_type, scope." in system


def test_same_prompt_every_time(document):
    assert prompt.messages(document, LAYER_KEYS) == prompt.messages(document, LAYER_KEYS)


@pytest.mark.parametrize("layers", SUBSETS, ids="+".join)
def test_every_example_answer_is_valid_for_every_layer_set(layers):
    examples = prompt.examples(layers)
    assert len(examples) == 2
    for document, answer in examples:
        parsed = parse_answer(json.dumps(answer), document=document, layers=layers)
        assert parsed.problem is None
        assert list(answer) == list(layers)


def test_example_spans_occur_in_their_sentence_on_token_boundaries():
    checked = 0
    for document, answer in prompt.examples(LAYER_KEYS):
        starts = {s for s, _ in tokenize(document.text)}
        ends = {e for _, e in tokenize(document.text)}
        for layer, items in answer.items():
            for item in items:
                sentence = document.sentences[item.get("sentence_id", 0)]
                for value in [*item.values(), *item.get("arguments", [])]:
                    if not isinstance(value, dict) or "text" not in value:
                        continue
                    text = value["text"]
                    if layer == "attributions":  # no sentence_id: anywhere in the document
                        position = document.text.find(text)
                    else:
                        position = document.text.find(text, sentence.start, sentence.end)
                    assert position >= 0, (document.doc_id, layer, text)
                    assert position in starts and position + len(text) in ends, text
                    checked += 1
    assert checked == 34  # counted by hand in examples.yaml: 20 + 14 text spans


def test_no_four_word_run_of_the_article_in_the_prompt_files():
    article = (ROOT / "data/source/kharkiv-001.txt").read_text(encoding="utf-8")

    def runs(text):
        words = [text[s:e].lower() for s, e in tokenize(text) if text[s:e].isalnum()]
        return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}

    article_runs = runs(article)
    files = sorted(prompt.PROMPTS_DIR.rglob("*"))
    assert len([f for f in files if f.is_file()]) == 8
    for path in files:
        if path.is_file():
            shared = runs(path.read_text(encoding="utf-8")) & article_runs
            assert shared == set(), (path.name, sorted(shared)[:3])


def test_every_field_and_label_list_of_the_answer_schema_is_in_the_prompt():
    # the schema can grow (a field, a label field): the prompt must then say what it means
    system = prompt.system_prompt(LAYER_KEYS)
    schema = answer_schema(LAYER_KEYS)
    rules = (prompt.PROMPTS_DIR / "system.txt").read_text(encoding="utf-8")
    own_ids = {"events": "event_id", "casualties": "casualty_id", "attributions": "attribution_id"}
    own_ids["hedges"] = "hedge_id"  # ids are explained once, in system.txt
    for layer in LAYER_KEYS:
        item = schema["properties"][layer]["items"]
        fragment = (prompt.PROMPTS_DIR / "layers" / f"{layer}.txt").read_text(encoding="utf-8")
        unexplained = [
            field
            for field in item["properties"]
            if field != own_ids.get(layer) and field not in fragment and field not in rules
        ]
        assert unexplained == [], layer
        for field, labels in prompt.label_lists(item).items():
            assert f"${field}" in fragment, (layer, field)
            assert labels in system


def test_the_prompt_reads_only_its_templates_and_the_submission_schema():
    # held out means held out: building every prompt opens no file of data/ (no gold, no
    # Wikinews passage), only the template files and the schema the answer is checked against
    code = (
        "import json, sys\n"
        "from baselines.document import document_from_text\n"
        "from baselines.llm import prompt\n"
        "opened = set()\n"
        "sys.addaudithook(lambda event, args: opened.add(str(args[0])) if event == 'open' "
        "else None)\n"
        "document = document_from_text('inventato', 'Una frase inventata. Un\\'altra.')\n"
        f"for layers in {SUBSETS!r}:\n"
        "    prompt.messages(document, layers)\n"
        "print(json.dumps(sorted(opened)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    opened = {Path(name).resolve() for name in json.loads(done.stdout)}
    templates = {path for path in prompt.PROMPTS_DIR.rglob("*") if path.is_file()}
    assert len(templates) == 8
    assert opened == {*templates, SUBMISSION_SCHEMA}
