"""``demo [DIR]``: the Togo example, its answers, its report in every language, and a summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from compagnonnage._i18n import enum_label, languages, stage_label, term
from compagnonnage._locale import format_period
from compagnonnage.cli._common import (
    OK,
    cell,
    counts_line,
    violation_data,
    violation_line,
    write_text,
)
from compagnonnage.cli._output import emit, table
from compagnonnage.cli._report import render_report
from compagnonnage.cli._session import CliError, Session


def demo(args: argparse.Namespace, s: Session) -> int:
    """``demo [DIR]``: the Togo example, its answers, its report in every language, and a summary.

    The report is written in HTML and Markdown in each language the library speaks
    (:func:`~compagnonnage.i18n.languages`); the summary is in the session's.
    """
    from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE, CollectedAnswers, score
    from compagnonnage.documents import dump
    from compagnonnage.example import TOGO_DESIRED, togo_answers, togo_programme

    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise CliError("not_a_folder", path=args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    programme = togo_programme()
    module = CONSULAR_CHAMBER_MODULE
    collected = CollectedAnswers.of(
        {module.id: togo_answers()},
        desired={module.id: TOGO_DESIRED},
        versions={module.id: module.version},
        programme_id=programme.id,
    )
    results = [score(module, collected.answers(module.id), desired=TOGO_DESIRED)]
    written = [folder / f"{programme.id}.json", folder / f"{programme.id}.answers.json"]
    dump(programme, written[0], converter=s.converter)
    dump(collected, written[1], converter=s.converter)
    for lang in languages():
        for fmt in ("html", "md"):
            path = folder / f"{programme.id}.report.{lang}.{fmt}"
            write_text(path, render_report(programme, fmt, s, lang=lang, results=results))
            written.append(path)
    report = folder / f"{programme.id}.report.{s.lang}.html"
    violations = [violation_data(v, s) for v in s.plugins.check(programme).violations]
    colon = s.say("colon")
    lines = [s.say("demo_written", path=args.dir), *(f"  {p}" for p in written), ""]
    lines += [
        f"{s.say('programme')}{colon}{programme.title} ({programme.id})",
        f"{s.say('stage')}{colon}{stage_label(programme.stage, s.lang)}",
        f"{s.say('rules')}{colon}{counts_line(violations, s)}",
        *(violation_line(v, s) for v in violations),
        "",
        s.say("demo_scores"),
    ]
    # The example's diagnostic scores the consular-chamber module (the built-in one).
    lines.append(
        table(
            [s.say(f"col_{h}") for h in ("dimension", "level", "desired", "gap")],
            [
                [
                    module.dimension(c.dimension_id).title(s.lang),
                    cell(c.level, s.lang),
                    cell(c.desired, s.lang),
                    "—" if c.gap is None else f"{c.gap:+d}",
                ]
                for c in programme.diagnostic.scores
            ],
        )
    )
    lines += ["", s.say("demo_support")]
    lines.append(
        table(
            [s.say(f"col_{h}") for h in ("action", "kind", "title", "period", "status")],
            [
                [
                    a.id,
                    term(f"kind.{a.KIND}", s.lang),
                    a.title,
                    "—"
                    if a.period is None
                    else format_period(a.period.start, a.period.end, s.lang),
                    enum_label(a.status, s.lang),
                ]
                for a in programme.accompaniment.actions
            ],
        )
    )
    lines += ["", s.say("demo_next", document=written[0], report=report)]
    emit("\n".join(lines))
    return OK
