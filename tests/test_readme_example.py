"""The worked example of README.md validates and scores as the README says."""

import json
import re
from pathlib import Path

from benchmark.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def _example() -> dict:
    text = README.read_text(encoding="utf-8")
    block = re.search(r'```json\n(\{"doc_id": "kharkiv-001",.*?)\n```', text, re.S).group(1)
    return json.loads(block)


def test_readme_example_scores_as_described(tmp_path, capsys):
    submission = tmp_path / "example.jsonl"
    submission.write_text(json.dumps(_example(), ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["validate", str(submission)]) == 0
    out = tmp_path / "scores.json"
    code = main(["score", str(submission), "--bootstrap", "0", "--out", str(out)])
    assert code == 0
    results = json.loads(out.read_text(encoding="utf-8"))
    for task in ("events", "casualties", "attributions"):
        assert results["tasks"][task] == {"attempted": False}
    cue = results["tasks"]["hedges"]["cue_typed"]["exact"]
    # 2 of the 8 gold cues predicted, both right: P = 1, R = 2/8
    assert (cue["tp"], cue["fp"], cue["fn"]) == (2, 0, 6)
    scope = results["tasks"]["hedges"]["scope"]["exact"]
    assert (scope["tp"], scope["fp"], scope["fn"]) == (2, 0, 6)
    uncertain = results["tasks"]["hedges"]["uncertain"]["exact"]
    # 7 uncertain gold sentences; 2 predicted, both right
    assert (uncertain["tp"], uncertain["fp"], uncertain["fn"]) == (2, 0, 5)
