"""The committed test gold as a submission written for schema 1.x (before dataset 2.0.0)."""

import json

from support.files import write_jsonl


def write_1x_submission(gold_submission, path):
    """Write ``gold_submission`` (the 2.0 gold as a submission) the 1.x way to ``path``.

    1.x had no ``count_high``, and C1's victims ("le truppe ucraine", 2.0 ``military``) were
    ``ukrainian_military``; the label map reads them back as the gold.
    """
    line = json.loads(gold_submission.read_text(encoding="utf-8"))
    for casualty in line["casualties"]:
        del casualty["count_high"]
        if casualty["casualty_id"] == "C1":
            if casualty["victim_group"] != "military":
                raise ValueError("the gold's C1 is no longer 'military': update this helper")
            casualty["victim_group"] = "ukrainian_military"
    return write_jsonl(path, [line])
