"""``compagnonnage check``: documents errors and rule violations, exit codes, text and JSON."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import Run, violating

from compagnonnage.documents import dump
from compagnonnage.model import Programme

CORPUS = Path(__file__).parents[1] / "documents" / "bad"
# A body document is checked as a body (see the test below), not as the programme the
# library's ``load`` expects by default.
BAD = sorted(p.stem for p in CORPUS.glob("*.json") if p.stem != "wrong_document_type")


def test_a_clean_document_exits_0(run: Run, example_file: Path) -> None:
    result = run("check", str(example_file))
    assert result.code == 0
    assert result.out == f"{example_file}: clean\n"
    assert result.err == ""


def test_an_error_level_violation_exits_1_with_code_ids_and_message(
    run: Run, example: Programme, tmp_path: Path
) -> None:
    path = tmp_path / "violating.json"
    dump(violating(example), path)
    result = run("check", str(path), "--lang", "fr")
    assert result.code == 1
    assert f"{path}\u00a0: 1 erreur, 0 avertissement" in result.out
    assert (
        "[erreur] STG-008 (act-training-elus)\u00a0: La formation act-training-elus" in result.out
    )


def test_json_output_parses_back_with_every_violation(
    run: Run, example: Programme, tmp_path: Path
) -> None:
    dump(example, tmp_path / "a.json")
    dump(violating(example), tmp_path / "b.json")
    result = run("check", str(tmp_path), "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["exit_code"] == 1
    assert data["summary"] == {
        "documents": 2,
        "clean": 1,
        "with_errors": 1,
        "with_warnings": 0,
        "invalid": 0,
    }
    a, b = data["documents"]
    assert (a["status"], a["violations"], a["stage"]) == ("clean", [], "accompaniment")
    assert b["status"] == "errors"
    assert b["violations"] == [
        {
            "code": "STG-008",
            "severity": "error",
            "subjects": [{"kind": "action", "id": "act-training-elus"}],
            "message": b["violations"][0]["message"],
            "origin": "core",
        }
    ]
    assert b["violations"][0]["message"].startswith("Training act-training-elus addresses")


@pytest.mark.parametrize("name", BAD)
def test_every_kind_of_bad_document_exits_2_with_its_located_problems(run: Run, name: str) -> None:
    path = CORPUS / f"{name}.json"
    result = run("check", str(path), "--format", "json")
    assert result.code == 2
    (entry,) = json.loads(result.out)["documents"]
    assert entry["status"] == "invalid"
    expected = (CORPUS / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    assert [f"{p['path']}: {p['message']}" for p in entry["problems"]] == expected


def test_a_bad_document_in_text_names_the_file_and_the_place(run: Run) -> None:
    path = CORPUS / "action_unknown_expert.json"
    result = run("check", str(path), "--lang", "fr")
    assert result.code == 2
    assert result.out.startswith(f"{path}: document invalide, 1 problème :")
    assert "  $.programme.accompaniment.actions[2].expert_ids[0]: expert hors de" in result.out
    assert "Traceback" not in result.out + result.err


def test_a_missing_file_exits_2_and_the_others_are_still_checked(
    run: Run, example_file: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.json"
    result = run("check", str(missing), str(example_file))
    assert result.code == 2
    assert f"{missing}: no such file" in result.out
    assert f"{example_file}: clean" in result.out
    assert "Unreadable or invalid" in result.out


def test_a_folder_without_documents_is_a_misuse(run: Run, tmp_path: Path) -> None:
    result = run("check", str(tmp_path))
    assert result.code == 2
    assert result.err.startswith(f"compagnonnage: {tmp_path}: no JSON document in this folder")


def test_a_folder_prints_only_problems_then_a_summary_table(
    run: Run, example: Programme, tmp_path: Path
) -> None:
    for i in range(3):
        dump(example, tmp_path / f"p{i}.json")
    (tmp_path / "sub").mkdir()
    dump(violating(example), tmp_path / "sub" / "bad.json")
    result = run("check", str(tmp_path), "--lang", "fr")
    assert result.code == 1
    lines = result.out.splitlines()
    assert not any(line.endswith(": conforme") for line in lines)
    assert "Résumé" in lines
    header = lines[lines.index("Résumé") + 1]
    assert header.split("  ")[0] == "Documents"
    assert lines[lines.index("Résumé") + 3].split() == ["4", "3", "1", "0", "0"]
    assert any(line.split()[:4] == ["STG-008", "erreur", "1", "1"] for line in lines)


def _check_on_a_terminal(folder: Path, env: dict[str, str]) -> tuple[int, str, str]:
    """Run ``check folder`` with standard error on a pseudo-terminal; return code, out, err."""
    primary, secondary = pty.openpty()
    done = subprocess.Popen(
        [sys.executable, "-m", "compagnonnage", "check", str(folder)],
        stdout=subprocess.PIPE,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closes when the child exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    out = done.stdout.read().decode() if done.stdout else ""
    code = done.wait()
    os.close(primary)
    return code, out, b"".join(chunks).decode()


def test_a_progress_bar_is_drawn_on_a_terminal_only(
    example: Programme, tmp_path: Path, module_env: dict[str, str]
) -> None:
    for i in range(5):
        dump(example, tmp_path / f"p{i}.json")
    code, out, err = _check_on_a_terminal(tmp_path, module_env)
    assert code == 0
    assert "5/5 (100%)" in err
    assert "█" * 30 in err
    assert "Summary" in out
    _, _, french = _check_on_a_terminal(tmp_path, {**module_env, "LANG": "fr_FR.UTF-8"})
    assert "5/5 (100\u00a0%)" in french  # the percentage written the language's way
    piped = subprocess.run(
        [sys.executable, "-m", "compagnonnage", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        env=module_env,
        check=False,
    )
    assert piped.returncode == 0
    assert piped.stderr == ""


def test_check_is_not_clean_when_no_plugin_provides_the_nomenclature(
    run: Run, env: pytest.MonkeyPatch, example_file: Path
) -> None:
    env.setenv("COMPAGNONNAGE_PLUGINS", "fkae")  # misspelled: only the built-in plugin loads
    result = run("check", str(example_file))
    assert result.code == 0
    assert ": 0 errors, 1 warning\n" in result.out
    assert (
        "[warning] STG-011 (cma-ucrm-2021, uemoa): No loaded plugin provides nomenclature uemoa"
        in result.out
    )


def test_each_document_is_checked_as_the_kind_its_envelope_names(run: Run, tmp_path: Path) -> None:
    assert run("demo", str(tmp_path)).code == 0
    result = run("check", str(tmp_path), "--format", "json")
    assert result.code == 0
    kinds = {
        Path(e["path"]).name: (e["kind"], e["status"]) for e in json.loads(result.out)["documents"]
    }
    assert kinds == {
        "cma-ucrm-2021.json": ("programme", "clean"),
        "cma-ucrm-2021.answers.json": ("answers", "clean"),
    }
    body = CORPUS / "wrong_document_type.json"
    result = run("check", str(body), "--format", "json")
    assert result.code == 2
    (entry,) = json.loads(result.out)["documents"]
    problems = [p["path"] for p in entry["problems"]]
    assert "$.body.name" in problems
    assert "$.programme" not in problems


def test_an_answers_document_is_checked_against_the_installed_modules(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 2,
                "answers": {
                    "respondents": [
                        {
                            "id": "r1",
                            "group": "staff",
                            "answers": {
                                "consular-chamber": [{"question": "gov-minutes", "value": 1}]
                            },
                        }
                    ]
                },
            }
        ),
        encoding="utf-8",
    )
    result = run("check", str(path), "--lang", "fr")
    assert result.code == 2
    assert result.out.splitlines() == [
        f"{path}: document invalide, 1 problème :",
        '  $.answers.respondents[0].answers["consular-chamber"][0].value: attendu : '
        "true (oui) ou false (non), reçu 1",
    ]
