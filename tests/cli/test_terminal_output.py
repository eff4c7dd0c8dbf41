"""What a document holds reaches the terminal as text: escape sequences are shown, never obeyed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest
from cli_support import Run
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage.cli._output import emit_json, safe
from compagnonnage.documents import dump
from compagnonnage.model import Programme

EVIL = "Togo\x1b[2J\x1b]0;pwned\x07\r\x9b31m\u202etxt.exe"
_OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@given(st.text().filter(lambda t: "\\" not in t))
def test_safe_text_has_no_control_character_and_keeps_the_rest(text: str) -> None:
    shown = safe(text)
    assert not _OBEYED.search(shown)
    escapes = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|r)")
    assert escapes.sub("", shown) == _OBEYED.sub("", text)
    assert len(escapes.findall(shown)) == len(_OBEYED.findall(text))


def test_status_shows_escape_sequences_of_a_title_instead_of_obeying_them(
    run: Run, example: Programme, tmp_path: Path
) -> None:
    path = tmp_path / "evil.json"
    dump(attrs.evolve(example, title=EVIL), path)
    result = run("status", str(path))
    assert result.code == 0
    assert not _OBEYED.search(result.out)
    assert "Togo\\x1b[2J\\x1b]0;pwned\\x07\\r\\x9b31m\\u202etxt.exe" in result.out


def test_json_output_escapes_them_and_still_gives_the_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    emit_json({"title": EVIL})
    out = capsys.readouterr().out
    assert not _OBEYED.search(out)
    assert json.loads(out) == {"title": EVIL}


def test_check_reports_lone_surrogates_without_a_traceback(run: Run) -> None:
    bad = Path(__file__).parent.parent / "documents" / "bad" / "surrogate_in_key.json"
    result = run("check", str(bad))
    assert result.code == 2
    assert '["ti\\ud800tle"]: unknown field' in result.out + result.err
    assert "Traceback" not in result.err
