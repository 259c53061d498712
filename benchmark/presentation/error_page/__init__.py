"""The error-analysis page of ``kharkiv-ie report``: one self-contained HTML file.

Modules: :mod:`.elements` (which spans each layer highlights, and which subtask colours
them), :mod:`.describe` (one-line item descriptions), :mod:`.model` (gold + prediction + score
report -> marks with status tp/fp/fn, error lists, relation tables), :mod:`.segments` (cutting
the text at mark boundaries), :mod:`.style` (inline CSS and script), :mod:`.page` (the HTML),
:mod:`.build` (from an evaluation to the page).
"""

from benchmark.report.model import ReportModel, build_model
from benchmark.report.page import render

__all__ = ["ReportModel", "build_model", "render"]
