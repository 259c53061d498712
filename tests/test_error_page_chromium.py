"""End to end: the page loads in headless Chromium without console errors (skipped without it)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support.report_case import ATTEMPTED, GOLD, PRED

from benchmark.presentation.error_page.html import render
from benchmark.presentation.error_page.model import build_model
from benchmark.scoring.run import score


def _chromium():
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def _load(page_path: Path, profile: Path) -> tuple[str, list[str]]:
    """Return (DOM after scripts ran, console error lines) of the page."""
    completed = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page_path.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(profile)},
    )
    errors = [
        line
        for line in completed.stderr.splitlines()
        if "Uncaught" in line or re.search(r"CONSOLE.*(error|Error)", line)
    ]
    return completed.stdout, errors


def test_the_report_page_loads_without_console_errors(tmp_path):
    page = render(
        build_model(GOLD, PRED, score(GOLD, PRED, attempted=ATTEMPTED)),
        provenance={"system": "hand-made"},
    )
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    dom, errors = _load(path, tmp_path / "profile")
    assert errors == []
    assert re.search(r'<html lang="en" class="js">', dom)  # the script ran
    assert re.search(r'<section id="scores" class="tab active"', dom)
    assert len(re.findall(r'<section id="layer-\w+" class="tab"', dom)) == 4
    assert 'data-gold="E1" data-pred="p1"' in dom


def test_a_script_error_would_be_caught(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<!DOCTYPE html><p>x</p><script>missing();</script>", encoding="utf-8")
    _, errors = _load(path, tmp_path / "profile")
    assert len(errors) == 1 and "missing is not defined" in errors[0]
