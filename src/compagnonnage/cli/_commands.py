"""The commands. Each takes the parsed arguments and a session, prints, and returns an exit code.

Exit codes: 0 all is well; 1 an error-level rule is violated; 2 the input could
not be read or is invalid, or the command was misused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compagnonnage._files import write_atomically
from compagnonnage._i18n import (
    LANGUAGES,
    Lang,
    enum_label,
    format_number,
    format_period,
    stage_label,
    term,
)
from compagnonnage.cli._output import Progress, emit, emit_json, table
from compagnonnage.cli._session import CliError, Session
from compagnonnage.model import PricingMode, RegionRef, Stage, TradeRef

if TYPE_CHECKING:
    from compagnonnage.catalogue import Service
    from compagnonnage.diagnostics import DiagnosticResult, Evidence
    from compagnonnage.model import Programme
    from compagnonnage.rules import Violation

OK, VIOLATED, INVALID = 0, 1, 2

Command = Callable[[argparse.Namespace, Session], int]


# -- shared pieces ----------------------------------------------------------------


def _violation(v: Violation, s: Session) -> dict[str, Any]:
    return {
        "code": v.code,
        "severity": v.severity.value,
        "subjects": list(v.subjects),
        "message": v.message(s.lang),
        "origin": v.origin,
    }


def _violation_line(v: dict[str, Any], s: Session) -> str:
    subjects = f" ({', '.join(v['subjects'])})" if v["subjects"] else ""
    return (
        f"  [{s.say('severity_' + v['severity'])}] {v['code']}{subjects}"
        f"{s.say('colon')}{v['message']}"
    )


def _counts(violations: list[dict[str, Any]], s: Session) -> str:
    if not violations:
        return s.say("clean")
    errors = sum(1 for v in violations if v["severity"] == "error")
    return s.say("counts", errors=errors, warnings=len(violations) - errors)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`~compagnonnage._files.write_atomically`)."""
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"))


# -- check -----------------------------------------------------------------------


def _documents(paths: Iterable[str]) -> tuple[list[Path], bool]:
    """The files to check (folders searched for ``*.json``), and whether a folder was given."""
    files: list[Path] = []
    folder = False
    for name in paths:
        path = Path(name)
        if path.is_dir():
            folder = True
            found = sorted(p for p in path.rglob("*.json") if p.is_file())
            if not found:
                raise CliError("empty_folder", path=name)
            files += found
        else:
            files.append(path)
    return files, folder


def _check_one(path: Path, s: Session) -> dict[str, Any]:
    from compagnonnage.documents import DocumentError

    entry: dict[str, Any] = {"path": str(path)}
    try:
        programme = s.load(path)
    except DocumentError as err:
        entry.update(
            status="invalid",
            problems=[{"path": p.path, "message": p.message(s.lang)} for p in err.problems],
        )
        entry["text"] = err.message(s.lang)
        return entry
    except OSError as err:
        entry.update(status="unreadable", problems=[{"path": "$", "message": os_message(err, s)}])
        entry["text"] = os_message(err, s)
        return entry
    report = s.plugins.check(programme)
    entry.update(
        status="clean" if not report.violations else ("errors" if report.errors else "warnings"),
        programme_id=programme.id,
        stage=programme.stage.value,
        violations=[_violation(v, s) for v in report.violations],
    )
    return entry


def os_message(err: OSError, s: Session) -> str:
    """An operating-system error on a file, in the session's language, naming the file."""
    name = err.filename if err.filename is not None else "?"
    if isinstance(err, FileNotFoundError):
        return s.say("no_such_file", path=name)
    if isinstance(err, IsADirectoryError):
        return s.say("is_a_directory", path=name)
    if isinstance(err, PermissionError):
        return s.say("permission_denied", path=name)
    return s.say("os_error", path=name, reason=err.strerror or err)


def _summary(entries: list[dict[str, Any]], s: Session) -> tuple[dict[str, int], list[list[str]]]:
    status = Counter(e["status"] for e in entries)
    totals = {
        "documents": len(entries),
        "clean": status["clean"],
        "with_errors": status["errors"],
        "with_warnings": status["warnings"],
        "invalid": status["invalid"] + status["unreadable"],
    }
    by_code: Counter[tuple[str, str]] = Counter()
    files: dict[tuple[str, str], set[str]] = {}
    for e in entries:
        for v in e.get("violations", ()):
            key = (v["code"], v["severity"])
            by_code[key] += 1
            files.setdefault(key, set()).add(e["path"])
    rows = [
        [code, s.say(f"severity_{severity}"), str(n), str(len(files[(code, severity)]))]
        for (code, severity), n in sorted(by_code.items())
    ]
    return totals, rows


def check(args: argparse.Namespace, s: Session) -> int:
    """``check PATH…``: document errors and rule violations of every programme document."""
    files, folder = _documents(args.paths)
    progress = Progress(len(files), enabled=folder)
    entries: list[dict[str, Any]] = []
    for i, path in enumerate(files, 1):
        entries.append(_check_one(path, s))
        progress.advance(i)
    progress.close()
    totals, by_code = _summary(entries, s)
    code = INVALID if totals["invalid"] else (VIOLATED if totals["with_errors"] else OK)
    if args.format == "json":
        for e in entries:
            e.pop("text", None)
        emit_json({"documents": entries, "summary": totals, "exit_code": code})
        return code
    lines: list[str] = []
    for e in entries:
        if "text" in e:
            lines.append(e["text"])
        elif e["violations"] or not folder:
            lines.append(f"{e['path']}{s.say('colon')}{_counts(e['violations'], s)}")
            lines += [_violation_line(v, s) for v in e["violations"]]
    if folder or len(entries) > 1:
        lines += ["", s.say("summary")]
        lines.append(
            table(
                [s.say("total_" + k) for k in totals],
                [[str(v) for v in totals.values()]],
            )
        )
        if by_code:
            lines += [
                "",
                table([s.say(h) for h in ("code", "severity", "violations", "documents")], by_code),
            ]
    emit("\n".join(lines))
    return code


# -- status ----------------------------------------------------------------------

_NEXT: dict[Stage, tuple[str, tuple[str, ...]]] = {
    Stage.DRAFT: ("open", ("STG-002",)),
    Stage.PREPARATION: ("close_preparation", ("STG-003",)),
    Stage.DIAGNOSTIC: ("close_diagnostic", ("STG-004",)),
    Stage.ACCOMPANIMENT: ("close", ()),
}


def _actor(programme: Programme) -> tuple[str, dt.datetime]:
    """Who records an operation from the command line, and when: the reference partner, now.

    "Now" is never before the programme's last history entry.
    """
    now = dt.datetime.now(dt.timezone.utc)
    if programme.history:
        now = max(now, programme.history[-1].at)
    by = programme.reference_partner.id if programme.reference_partner else "compagnonnage"
    return by, now


def _blocking(programme: Programme, operation: str, s: Session) -> list[Violation]:
    """What the lifecycle would refuse if the transition were tried now (tried on a copy)."""
    from compagnonnage.errors import TransitionRefused

    by, at = _actor(programme)
    try:
        getattr(s.plugins.lifecycle(), operation)(programme, by=by, at=at)
    except TransitionRefused as refused:
        return list(refused.violations)
    return []


def status(args: argparse.Namespace, s: Session) -> int:
    """``status FILE``: the stage, what the next transition needs, and what blocks it."""
    from compagnonnage.rules import RuleSet

    programme = s.load(args.file)
    report = s.plugins.check(programme)
    data: dict[str, Any] = {
        "path": args.file,
        "programme_id": programme.id,
        "stage": programme.stage.value,
        "next": None,
        "warnings": [_violation(v, s) for v in report.warnings],
    }
    if programme.stage in _NEXT:
        operation, codes = _NEXT[programme.stage]
        core = RuleSet.core()
        blocking = [_violation(v, s) for v in _blocking(programme, operation, s)]
        data["next"] = {
            "operation": operation,
            "stage": programme.stage.next().value,
            "needs": [{"code": c, "rule": core[c].title(s.lang)} for c in codes],
            "ready": not blocking,
            "blocked_by": blocking,
        }
    code = OK if report.ok else VIOLATED
    if args.format == "json":
        emit_json(data)
        return code
    colon = s.say("colon")
    lines = [
        f"{s.say('programme')}{colon}{programme.title} ({programme.id})",
        f"{s.say('stage')}{colon}{stage_label(programme.stage, s.lang)}",
    ]
    nxt = data["next"]
    if nxt is None:
        lines.append(s.say("no_next"))
    else:
        lines.append(
            s.say(
                "next_transition",
                operation=s.say("op_" + nxt["operation"]),
                stage=stage_label(Stage(nxt["stage"]), s.lang),
            )
        )
        if nxt["needs"]:
            lines.append(s.say("it_needs"))
            lines += [f"  {n['code']}{colon}{n['rule']}" for n in nxt["needs"]]
            lines.append("  " + s.say("needs_all"))
        else:
            lines.append(s.say("needs_only_rules"))
        if nxt["ready"]:
            lines.append(s.say("ready"))
        else:
            lines.append(s.say("blocked_by", count=len(nxt["blocked_by"])))
            lines += [_violation_line(v, s) for v in nxt["blocked_by"]]
    if data["warnings"]:
        lines.append(s.say("warnings", count=len(data["warnings"])))
        lines += [_violation_line(v, s) for v in data["warnings"]]
    emit("\n".join(lines))
    return code


# -- report and schema -----------------------------------------------------------


def render_report(
    programme: Programme,
    fmt: str,
    s: Session,
    *,
    lang: Lang | None = None,
    results: Iterable[DiagnosticResult] = (),
) -> str:
    """The report of ``programme`` as ``html`` or ``md``, in ``lang`` (the session's by default).

    The plugins name the trades and the diagnostic dimensions, and their rules
    take part in the rule report.
    """
    from compagnonnage.reports import build_report, to_html, to_markdown

    pm = s.plugins
    lang = s.lang if lang is None else lang
    document = build_report(
        programme,
        lang=lang,
        rule_report=pm.check(programme),
        modules=pm.modules(),
        results=results,
        trade_names={ref: trade.title(lang) for ref, trade in pm.trades().items()},
    )
    return to_html(document) if fmt == "html" else to_markdown(document)


def report(args: argparse.Namespace, s: Session) -> int:
    """``report FILE``: the programme report, HTML or Markdown, French or English."""
    text = render_report(s.load(args.file), args.format, s)
    if args.output is None or args.output == "-":
        emit(text)
    else:
        write_text(Path(args.output), text)
        print(s.say("written", path=args.output), file=sys.stderr)
    return OK


def schema(args: argparse.Namespace, s: Session) -> int:
    """``schema``: the JSON Schema of programme documents."""
    from compagnonnage.documents import json_schema

    emit_json(json_schema())
    return OK


# -- what the plugins provide ------------------------------------------------------


def _listing(
    args: argparse.Namespace, s: Session, headers: tuple[str, ...], rows: list[dict[str, Any]]
) -> int:
    """Print ``rows`` as JSON, or as a table of the ``headers`` keys; a note when empty."""
    if args.format == "json":
        emit_json(rows)
    elif not rows:
        emit(s.say("nothing_found"))
    else:
        emit(
            table(
                [s.say("col_" + h) for h in headers], [[_cell(r[h]) for h in headers] for r in rows]
            )
        )
    return OK


def _cell(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return "—" if value is None else str(value)


def plugins(args: argparse.Namespace, s: Session) -> int:
    """``plugins``: installed plugins, version, hooks, what each registered, load errors."""
    rows: list[dict[str, Any]] = [
        {
            "name": info.name,
            "distribution": info.distribution,
            "version": info.version,
            "hooks": list(info.hooks),
            "registered": {kind: list(ids) for kind, ids in info.registered.items()},
            "error": None if info.error is None else info.error.problem_in(s.lang),
        }
        for info in s.plugins.list_plugins()
    ]
    if args.format == "json" or not rows:
        return _listing(args, s, (), rows)
    blocks = []
    colon = s.say("colon")
    for r in rows:
        version = f" {r['version']}" if r["version"] else ""
        dist = f" ({r['distribution']}{version})" if r["distribution"] else ""
        lines = [f"{r['name']}{dist}"]
        if r["error"] is not None:
            lines.append(f"  {s.say('load_error')}{colon}{r['error']}")
        lines.append(f"  {s.say('col_hooks')}{colon}{_cell(r['hooks'])}")
        lines += [
            f"  {s.say('registered', kind=s.say('kind_' + kind))}{colon}{_cell(ids)}"
            for kind, ids in r["registered"].items()
        ]
        blocks.append("\n".join(lines))
    emit("\n\n".join(blocks))
    return OK


def trades(args: argparse.Namespace, s: Session) -> int:
    """``trades``: every trade of the registered nomenclatures."""
    rows = [
        {
            "trade": str(ref),
            "title": trade.title(s.lang),
            "group": group.title(s.lang),
            "branch": branch.title(s.lang),
            "plugin": s.plugins.origin("nomenclature", n.id),
        }
        for n in s.plugins.nomenclatures()
        for ref, trade, group, branch in n.trades()
    ]
    return _listing(args, s, ("trade", "title", "group", "branch"), rows)


def regions(args: argparse.Namespace, s: Session) -> int:
    """``regions``: the registered regions and their parameters."""
    rows = [
        {
            "region": str(ref),
            "title": profile.title(s.lang),
            "term_years": profile.term_years,
            "renewals": profile.renewals,
            "nomenclature": profile.nomenclature,
            "legal_basis": [m(s.lang) for m in profile.legal_basis],
        }
        for ref, profile in sorted(s.plugins.regions().items())
    ]
    return _listing(args, s, ("region", "title", "term_years", "renewals", "nomenclature"), rows)


def modules(args: argparse.Namespace, s: Session) -> int:
    """``modules``: the diagnostic modules, their scope and dimensions."""
    rows = [
        {
            "module": m.id,
            "version": m.version,
            "title": m.title(s.lang),
            "scale": f"{m.scale.low}–{m.scale.high}",
            "dimensions": len(m.dimensions),
            "questions": len(m.questions),
            "trades": sorted(str(t) for t in m.trades),
            "regions": sorted(str(r) for r in m.regions),
            "plugin": s.plugins.origin("module", m.id),
        }
        for m in s.plugins.modules()
    ]
    headers = ("module", "version", "title", "dimensions", "questions", "trades", "regions")
    return _listing(args, s, headers, rows)


def _trade_option(value: str | None) -> TradeRef | None:
    from compagnonnage.errors import InvalidValueError

    if value is None:
        return None
    nomenclature, sep, code = value.partition(":")
    try:
        if not sep:
            raise InvalidValueError("--trade", "value", "nomenclature:code", value)
        return TradeRef(nomenclature, code)
    except InvalidValueError:
        raise CliError("bad_trade", value=value) from None


def _region_option(value: str | None) -> RegionRef | None:
    from compagnonnage.errors import InvalidValueError

    if value is None:
        return None
    country = value.split("-")[0].upper()
    try:
        return RegionRef(country, value.upper() if "-" in value else None)
    except InvalidValueError:
        raise CliError("bad_region", value=value) from None


def services(args: argparse.Namespace, s: Session) -> int:
    """``services``: catalogue services, narrowed by ``--trade`` and ``--region``."""

    def price(service: Service) -> str:
        p = service.pricing
        if p.mode is PricingMode.INCLUDED_IN_DUES:
            return enum_label(p.mode, s.lang)
        amounts = [
            format_number(x, s.lang) for x in (p.member_price, p.non_member_price) if x is not None
        ]
        if not amounts:
            return enum_label(p.mode, s.lang)
        return " / ".join(amounts) + (f" {p.currency}" if p.currency else "")

    found = s.plugins.services_for(_trade_option(args.trade), _region_option(args.region))
    rows = [
        {
            "catalogue": catalogue.id,
            "service": service.id,
            "label": service.label(s.lang),
            "domain": term(f"domain.{service.domain.code}", s.lang),
            "modality": enum_label(service.modality, s.lang),
            "pricing": price(service),
            "trades": sorted(str(t) for t in service.trades),
            "regions": sorted(str(r) for r in service.regions),
        }
        for catalogue, service in found
    ]
    headers = ("service", "label", "domain", "modality", "pricing", "trades", "regions")
    return _listing(args, s, headers, rows)


# -- recommend ---------------------------------------------------------------------


def recommend(args: argparse.Namespace, s: Session) -> int:
    """``recommend FILE``: ranked support and catalogue services for each recommendation."""
    programme = s.load(args.file)
    catalogue_services = {
        service.id: service for c in s.plugins.catalogues() for service in c.services
    }
    entries: list[dict[str, Any]] = []
    for rec in programme.diagnostic.recommendations:
        found = s.plugins.recommend(programme, rec.id)
        entries.append(
            {
                "recommendation": rec.id,
                "statement": rec.statement,
                "trade": None if found.trade is None else str(found.trade),
                "region": None if found.region is None else str(found.region),
                "candidates": [
                    {
                        "rank": c.rank,
                        "plugin": c.plugin,
                        "kind": c.candidate.kind,
                        "title": c.candidate.title(s.lang),
                        "score": c.candidate.score,
                        "rationale": c.candidate.rationale(s.lang),
                        "services": [
                            {
                                "id": sid,
                                "label": catalogue_services[sid].label(s.lang)
                                if sid in catalogue_services
                                else sid,
                            }
                            for sid in c.candidate.service_ids
                        ],
                    }
                    for c in found.candidates
                ],
                "failures": [f.problem_in(s.lang) for f in found.failures],
            }
        )
    if args.format == "json":
        emit_json(entries)
        return OK
    if not entries:
        emit(s.say("no_recommendations"))
        return OK
    colon = s.say("colon")
    blocks = []
    for e in entries:
        where = ", ".join(x for x in (e["trade"], e["region"]) if x)
        lines = [f"{e['recommendation']} — {e['statement']}" + (f" [{where}]" if where else "")]
        if not e["candidates"]:
            lines.append("  " + s.say("no_candidates"))
        for c in e["candidates"]:
            lines.append(
                f"  {c['rank']}. {c['title']} ({term('kind.' + c['kind'], s.lang)}, "
                f"{_percent(c['score'], s)}, {c['plugin']})"
            )
            lines.append(f"     {c['rationale']}")
            if c["services"]:
                services_text = ", ".join(x["label"] for x in c["services"])
                lines.append(f"     {s.say('col_services')}{colon}{services_text}")
        lines += [f"  {s.say('hook_failure')}{colon}{f}" for f in e["failures"]]
        blocks.append("\n".join(lines))
    emit("\n\n".join(blocks))
    return OK


def _percent(score: float, s: Session) -> str:
    """A fit score in [0, 1] as a percentage, written the language's way."""
    return s.say("percent", value=round(score * 100))


# -- diagnose ----------------------------------------------------------------------


def _value(value: object, s: Session) -> str:
    if isinstance(value, bool):
        return s.say("yes" if value else "no")
    if isinstance(value, int | float | Decimal):
        return format_number(value, s.lang)
    return str(value)


def _evidence(e: Evidence, s: Session) -> str:
    level = "—" if e.level is None else str(e.level)
    note = f" « {e.note} »" if s.lang == "fr" and e.note else (f' "{e.note}"' if e.note else "")
    return f"{enum_label(e.group, s.lang)} {e.respondent_id}, {e.question_id} = {_value(e.value, s)} → {level}{note}"


def _result_data(result: DiagnosticResult, s: Session) -> dict[str, Any]:
    found = result.findings(s.lang)
    return {
        "module": result.module_id,
        "version": result.module_version,
        "dimensions": [
            {
                "dimension": d.dimension.id,
                "title": d.dimension.title(s.lang),
                "level": d.level,
                "desired": d.desired,
                "gap": d.gap,
                "by_group": {g.value: level for g, level in d.by_group.items()},
                "divergence": d.divergence,
                "divergent": d.divergent,
                "evidence": [_evidence(e, s) for e in d.evidence],
            }
            for d in result.dimensions
        ],
        "suggested": [
            {"kind": f.KIND, "id": f.id, "statement": f.statement}
            for f in (*found.issues, *found.practices, *found.recommendations)
        ],
    }


def _record(programme: Programme, results: list[DiagnosticResult], s: Session) -> Programme:
    """``programme`` with the scores and suggested findings recorded, through the lifecycle."""
    lifecycle = s.plugins.lifecycle()
    by, at = _actor(programme)
    for result in results:
        for capacity in result.scores():
            programme = lifecycle.record_score(programme, capacity, by=by, at=at)
        found = result.findings(s.lang)
        for finding in (*found.issues, *found.practices, *found.recommendations):
            programme = lifecycle.record_finding(programme, finding, by=by, at=at)
    return programme


def diagnose(args: argparse.Namespace, s: Session) -> int:
    """``diagnose FILE --answers ANSWERS``: score the applicable modules on the answers."""
    from compagnonnage.cli import _answers
    from compagnonnage.diagnostics import score
    from compagnonnage.documents import dump

    programme = s.load(args.file)
    collected = _answers.load(args.answers)
    modules = {m.id: m for m in s.plugins.modules_for(programme)}
    unknown = sorted(set(collected.answers) - set(modules))
    if unknown:
        raise CliError(
            "unknown_modules",
            path=args.answers,
            modules=", ".join(unknown),
            known=", ".join(modules),
        )
    results = [
        score(module, collected.answers[module_id], desired=collected.desired.get(module_id))
        for module_id, module in modules.items()
        if module_id in collected.answers
    ]
    if args.write:
        dump(_record(programme, results, s), args.file, converter=s.converter)
    data = [_result_data(r, s) for r in results]
    if args.format == "json":
        emit_json({"programme_id": programme.id, "results": data, "written": args.write})
        return OK
    blocks = []
    for result, r in zip(results, data, strict=True):
        rows = [
            [
                d.dimension.title(s.lang),
                _cell(d.level),
                _cell(d.desired),
                "—" if d.gap is None else f"{d.gap:+d}",
                ", ".join(f"{enum_label(g, s.lang)} {v}" for g, v in d.by_group.items()) or "—",
                str(d.divergence) + (f" ({s.say('divergent')})" if d.divergent else ""),
            ]
            for d in result.dimensions
        ]
        headers = ["dimension", "level", "desired", "gap", "by_group", "divergence"]
        module = modules[result.module_id]
        lines = [f"{module.title(s.lang)} ({result.module_id} {result.module_version})", ""]
        lines.append(table([s.say("col_" + h) for h in headers], rows))
        lines += ["", s.say("evidence")]
        for d in r["dimensions"]:
            if d["evidence"]:
                lines += [f"  {d['title']}", *(f"    {e}" for e in d["evidence"])]
        lines += ["", s.say("suggested", count=len(r["suggested"]))]
        lines += [
            f"  [{term('kind.' + f['kind'], s.lang)}] {f['id']} — {f['statement']}"
            for f in r["suggested"]
        ]
        blocks.append("\n".join(lines))
    if not blocks:
        blocks.append(s.say("no_answers"))
    if args.write:
        blocks.append(s.say("recorded", path=args.file))
    emit("\n\n".join(blocks))
    return OK


# -- demo --------------------------------------------------------------------------


def demo(args: argparse.Namespace, s: Session) -> int:
    """``demo [DIR]``: the Togo example, its answers and four reports, and a summary."""
    from compagnonnage.cli import _answers
    from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE, score
    from compagnonnage.documents import dump
    from compagnonnage.example import TOGO_DESIRED, togo_answers, togo_programme

    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise CliError("not_a_folder", path=args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    programme = togo_programme()
    module = CONSULAR_CHAMBER_MODULE
    collected = _answers.CollectedAnswers(
        answers={module.id: togo_answers()}, desired={module.id: TOGO_DESIRED}
    )
    results = [score(module, collected.answers[module.id], desired=TOGO_DESIRED)]
    written = [folder / f"{programme.id}.json", folder / f"{programme.id}.answers.json"]
    dump(programme, written[0], converter=s.converter)
    write_text(written[1], _answers.dumps(collected))
    for lang in LANGUAGES:
        for fmt in ("html", "md"):
            path = folder / f"{programme.id}.report.{lang}.{fmt}"
            write_text(path, render_report(programme, fmt, s, lang=lang, results=results))
            written.append(path)
    violations = [_violation(v, s) for v in s.plugins.check(programme).violations]
    colon = s.say("colon")
    lines = [s.say("demo_written", path=args.dir), *(f"  {p}" for p in written), ""]
    lines += [
        f"{s.say('programme')}{colon}{programme.title} ({programme.id})",
        f"{s.say('stage')}{colon}{stage_label(programme.stage, s.lang)}",
        f"{s.say('rules')}{colon}{_counts(violations, s)}",
        *(_violation_line(v, s) for v in violations),
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
                    str(c.level),
                    _cell(c.desired),
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
    lines += ["", s.say("demo_next", document=written[0], report=written[2])]
    emit("\n".join(lines))
    return OK
