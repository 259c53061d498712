import json

import pytest

from baselines.cli import main

TEXT = "A Borgo Vallina sarebbero morte almeno 12 persone, secondo la prefettura."


def _predict(capsys, *argv):
    code = main(["predict", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_txt_to_stdout(tmp_path, capsys):
    source = tmp_path / "vallina.txt"
    source.write_text(TEXT, encoding="utf-8")
    code, out, err = _predict(capsys, "--baseline", "rules", str(source))
    assert (code, err) == (0, "")
    (line,) = [json.loads(row) for row in out.splitlines()]
    assert line["doc_id"] == "vallina"
    assert [h["cue"]["text"] for h in line["hedges"]] == ["sarebbero"]
    assert [(c["count"], c["count_qualifier"]) for c in line["casualties"]] == [(12, "at_least")]
    assert [a["source"]["text"] for a in line["attributions"]] == ["la prefettura"]
    assert line["sentences"] == [{"sentence_id": 0, "uncertain": True}]


def test_jsonl_to_out_file(tmp_path, capsys):
    source = tmp_path / "docs.jsonl"
    rows = [{"doc_id": "a", "text": TEXT}, {"doc_id": "b", "text": "Piove a Roma."}]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    code, stdout, err = _predict(capsys, "--baseline", "empty", str(source), "--out", str(out))
    assert (code, stdout, err) == (0, "", "")
    lines = [json.loads(row) for row in out.read_text(encoding="utf-8").splitlines()]
    assert [line["doc_id"] for line in lines] == ["a", "b"]
    assert lines[1] == {
        "doc_id": "b",
        "events": [],
        "casualties": [],
        "attributions": [],
        "hedges": [],
        "sentences": [{"sentence_id": 0, "uncertain": False}],
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl", "pred.jsonl"]


def _bad(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.txt", b"caff\xe8", "bad.txt: not valid UTF-8 (byte 4)"),
        (
            "bad.jsonl",
            b'{"doc_id": "a", "text": "x"}\n{nope\n',
            "bad.jsonl:2: malformed JSON: Expecting property name enclosed in double quotes "
            "(column 2)",
        ),
        ("bad.jsonl", b'{"doc_id": "a"}\n', "bad.jsonl:1: field text: missing field"),
        (
            "bad.jsonl",
            b'{"doc_id": 3, "text": "x"}\n',
            "bad.jsonl:1: field doc_id: must be a string",
        ),
        (
            "bad.jsonl",
            b'{"doc_id": "a", "text": "x"}\n{"doc_id": "a", "text": "y"}\n',
            "bad.jsonl:2: item a, field doc_id: duplicate doc_id",
        ),
        ("bad.jsonl", b"[1, 2]\n", "bad.jsonl:1: expected a JSON object"),
        ("bad.jsonl", b"\n", "bad.jsonl: no documents in the file"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path, capsys, name, content, message
):
    source = _bad(tmp_path, name, content)
    out = tmp_path / "pred.jsonl"
    code, stdout, err = _predict(capsys, "--baseline", "rules", str(source), "--out", str(out))
    assert code == 2 and stdout == ""
    assert err.count("\n") == 1 and err.startswith("kharkiv-ie predict: error: ")
    assert err.strip().endswith(message) and str(tmp_path) in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_missing_file_and_unknown_baseline(tmp_path, capsys):
    code, stdout, err = _predict(capsys, "--baseline", "rules", str(tmp_path / "nope.txt"))
    assert (code, stdout) == (2, "") and err.strip().endswith(
        "nope.txt: cannot read the input file: No such file or directory"
    )
    source = _bad(tmp_path, "ok.txt", b"Piove.")
    out = tmp_path / "pred.jsonl"
    code, stdout, err = _predict(capsys, "--baseline", "oracolo", str(source), "--out", str(out))
    assert (code, stdout) == (2, "")
    assert err.startswith("kharkiv-ie predict: error: unknown baseline 'oracolo'; choose one of [")
    assert err.count("\n") == 1
    assert not out.exists()


def test_missing_output_folder(tmp_path, capsys):
    source = _bad(tmp_path, "ok.txt", b"Piove.")
    code, _, err = _predict(
        capsys, "--baseline", "empty", str(source), "--out", str(tmp_path / "no" / "p.jsonl")
    )
    assert code == 2 and err.strip().endswith("p.jsonl: output folder does not exist")
