"""The error-analysis page of ``kharkiv-ie report``: one self-contained HTML file.

Modules: :mod:`.elements` (which spans each layer highlights, and which subtask colours
them), :mod:`.describe` (one-line item descriptions), :mod:`.model` (gold + prediction +
scores -> marks with status tp/fp/fn, error lists, relation tables), :mod:`.segments` (cutting
the text at mark boundaries), :mod:`.style` (inline CSS and script), :mod:`.html` (the HTML),
:mod:`.build` (from an evaluation to the page).
"""

from benchmark.presentation.error_page.build import error_page
from benchmark.presentation.error_page.html import render
from benchmark.presentation.error_page.model import PageModel, build_model

__all__ = ["PageModel", "build_model", "error_page", "render"]
