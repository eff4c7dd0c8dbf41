"""Commands that write: a document rewritten by two runs at once loses nothing, and
``-o`` lands where it should (through links, never over a device, in an existing folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from cli_support import Run
from test_diagnose import _collected

from compagnonnage.cli import _diagnose
from compagnonnage.documents import dump, load
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme, Stage


@pytest.fixture
def documents(tmp_path: Path) -> tuple[Path, Path]:
    """A programme in its diagnostic stage, and answers that diagnose records into it."""
    programme, answers = tmp_path / "togo-diagnostic.json", tmp_path / "answers.json"
    dump(togo_programme(stage=Stage.DIAGNOSTIC), programme)
    dump(_collected(), answers)
    return programme, answers


def test_a_document_changed_while_diagnose_ran_is_not_overwritten(
    run: Run, documents: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    diagnostic_file, answers_file = documents
    record = _diagnose._record
    meanwhile = attrs.evolve(togo_programme(stage=Stage.DIAGNOSTIC), title="Changed by another run")

    def record_while_another_writes(*args: object) -> Programme:
        recorded = record(*args)  # type: ignore[arg-type]
        dump(meanwhile, diagnostic_file)  # the other run commits between read and write
        return recorded

    monkeypatch.setattr(_diagnose, "_record", record_while_another_writes)
    result = run("diagnose", str(diagnostic_file), "--answers", str(answers_file), "--write")
    assert result.code == 2
    assert f"{diagnostic_file}: the file changed since it was read" in result.err
    assert "recorded" not in result.out
    assert load(diagnostic_file) == meanwhile
    assert list(diagnostic_file.parent.glob(".*.tmp")) == []


def _history_after(runs: int, diagnostic_file: Path, answers_file: Path, run: Run) -> int:
    for _ in range(runs):
        assert (
            run("diagnose", str(diagnostic_file), "--answers", str(answers_file), "--write").code
            == 0
        )
    return len(load(diagnostic_file).history)


def test_two_concurrent_diagnose_write_are_serialized_or_one_is_refused_never_lost(
    run: Run,
    documents: tuple[Path, Path],
    module_env: dict[str, str],
    tmp_path: Path,
) -> None:
    diagnostic_file, answers_file = documents
    start = diagnostic_file.read_bytes()
    serial = dict.fromkeys((1, 2), 0)
    for n in serial:
        diagnostic_file.write_bytes(start)
        serial[n] = _history_after(n, diagnostic_file, answers_file, run)
    assert serial[1] < serial[2]
    for _ in range(3):
        diagnostic_file.write_bytes(start)
        argv = [sys.executable, "-m", "compagnonnage", "diagnose", str(diagnostic_file)]
        argv += ["--answers", str(answers_file), "--write"]
        both = [
            subprocess.Popen(
                argv, env=module_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        outcomes = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in both]
        for p in both:
            for stream in (p.stdout, p.stderr):
                if stream:
                    stream.close()
        codes = sorted(code for code, _ in outcomes)
        entries = len(load(diagnostic_file).history)
        if codes == [0, 0]:
            assert entries == serial[2]  # one after the other: both updates kept
        else:
            assert codes == [0, 2], outcomes
            assert entries == serial[1]  # one kept, the other refused, and it said so
            refused = next(err for code, err in outcomes if code == 2)
            assert "changed since it was read" in refused
        assert list(tmp_path.glob(".*.tmp")) == []


def test_diagnose_write_through_a_link_updates_the_linked_document(
    run: Run, documents: tuple[Path, Path], tmp_path: Path
) -> None:
    diagnostic_file, answers_file = documents
    link = tmp_path / "current.json"
    link.symlink_to(diagnostic_file)
    before = len(load(diagnostic_file).history)
    assert run("diagnose", str(link), "--answers", str(answers_file), "--write").code == 0
    assert link.is_symlink()
    assert len(load(diagnostic_file).history) > before


def test_report_output_in_a_missing_folder_is_refused_not_created(
    run: Run, example_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "typo" / "report.html"
    result = run("report", str(example_file), "-o", str(out))
    assert result.code == 2
    assert (
        f"{tmp_path / 'typo'}: no such folder (create it first: nothing is written)" in result.err
    )
    assert not out.parent.exists()
    fr = run("report", str(example_file), "-o", str(out), "--lang", "fr")
    assert "dossier introuvable" in fr.err


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_report_output_onto_a_device_is_refused(run: Run, example_file: Path) -> None:
    result = run("report", str(example_file), "-o", "/dev/null")
    assert result.code == 2
    assert "/dev/null: not a regular file" in result.err
    assert Path("/dev/null").is_char_device()


def test_report_output_onto_a_read_only_file_needs_force(
    run: Run, example_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o444)
    refused = run("report", str(example_file), "--format", "md", "-o", str(out))
    assert refused.code == 2
    assert "read-only file" in refused.err
    assert out.read_text(encoding="utf-8") == "old"
    forced = run("report", str(example_file), "--format", "md", "-o", str(out), "--force")
    assert forced.code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_diagnose_write_refuses_a_document_beyond_the_size_limit(
    run: Run, documents: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from compagnonnage.documents import _io

    diagnostic_file, answers_file = documents
    before = diagnostic_file.read_bytes()
    monkeypatch.setattr(_io, "MAX_DOCUMENT_SIZE", len(before))  # what diagnose adds goes beyond
    result = run("diagnose", str(diagnostic_file), "--answers", str(answers_file), "--write")
    assert result.code == 2
    assert f"{diagnostic_file}: invalid document, 1 problem:" in result.err
    assert "$: document too large (" in result.err
    assert diagnostic_file.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_check_refuses_a_named_pipe_instead_of_waiting(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = run("check", str(fifo))
    assert result.code == 2
    assert "$: not a regular file: a named pipe (FIFO)" in result.out + result.err
