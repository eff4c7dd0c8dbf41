"""``diagnose FILE --answers ANSWERS``: score the applicable modules on the answers.

The suggested findings of a trade- or region-specific module carry its trade and
region (:func:`~compagnonnage.diagnostics.finding_keys`); ``--trade`` and
``--region`` give them the trade and region of every suggested finding instead,
so that recommending support later sees them.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from compagnonnage._i18n import _p, enum_label, term
from compagnonnage._locale import format_number
from compagnonnage.cli._common import (
    OK,
    actor,
    cell,
    load_for_update,
    rewrite,
)
from compagnonnage.cli._output import emit, emit_json, table
from compagnonnage.cli._session import CliError, Session

if TYPE_CHECKING:
    from compagnonnage.diagnostics import DiagnosticModule, DiagnosticResult, Evidence
    from compagnonnage.model import Programme, RegionRef, TradeRef

    Keys = dict[str, tuple[TradeRef | None, RegionRef | None]]
    """The trade and region of each module's suggested findings, by module id."""


def _value(value: object, s: Session) -> str:
    if isinstance(value, bool):
        return s.say("yes" if value else "no")
    if isinstance(value, int | float | Decimal):
        return format_number(value, s.lang)
    return str(value)


def _evidence(e: Evidence, s: Session) -> str:
    level = "—" if e.level is None else str(e.level)
    note = " " + _p("quoted answer note", '"{note}"', note=e.note)(s.lang) if e.note else ""
    return f"{enum_label(e.group, s.lang)} {e.respondent_id}, {e.question_id} = {_value(e.value, s)} → {level}{note}"


def _keys(
    args: argparse.Namespace, programme: Programme, modules: dict[str, DiagnosticModule]
) -> Keys:
    """The trade and region of each module's findings: ``--trade``/``--region``, else the module's."""
    from compagnonnage.cli._listings import _region_option, _trade_option
    from compagnonnage.diagnostics import finding_keys

    trade = _trade_option(getattr(args, "trade", None))
    region = _region_option(getattr(args, "region", None))
    body, scope = programme.beneficiary, programme.scope
    keys: Keys = {}
    for module_id, module in modules.items():
        own_trade, own_region = finding_keys(module, body=body, scope=scope)
        keys[module_id] = (trade or own_trade, region or own_region)
    return keys


def _result_data(result: DiagnosticResult, keys: Keys, s: Session) -> dict[str, Any]:
    trade, region = keys[result.module_id]
    found = result.findings(s.lang, trade=trade, region=region)
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
            {
                "kind": f.KIND,
                "id": f.id,
                "statement": f.statement,
                "trade": None if f.trade is None else str(f.trade),
                "region": None if f.region is None else str(f.region),
            }
            for f in (*found.issues, *found.practices, *found.recommendations)
        ],
    }


def _record(
    programme: Programme, results: list[DiagnosticResult], keys: Keys, s: Session
) -> Programme:
    """``programme`` with the scores and suggested findings recorded, through the lifecycle.

    The findings carry the trade and region of :func:`_keys`.
    """
    lifecycle = s.plugins.lifecycle()
    by, at = actor(programme)
    for result in results:
        for capacity in result.scores():
            programme = lifecycle.record_score(programme, capacity, by=by, at=at)
        trade, region = keys[result.module_id]
        found = result.findings(s.lang, trade=trade, region=region)
        for finding in (*found.issues, *found.practices, *found.recommendations):
            programme = lifecycle.record_finding(programme, finding, by=by, at=at)
    return programme


def diagnose(args: argparse.Namespace, s: Session) -> int:
    """``diagnose FILE --answers ANSWERS``: score the applicable modules on the answers."""
    from compagnonnage.plugins import PluginHookError

    programme, stamp = load_for_update(args.file, s)
    collected = s.load_answers(args.answers)
    if collected.programme_id not in (None, programme.id):
        raise CliError(
            "answers_for_another_programme",
            path=args.answers,
            answered=collected.programme_id,
            programme=programme.id,
        )
    modules = {m.id: m for m in s.plugins.modules_for(programme)}
    keys = _keys(args, programme, modules)
    answered = set(collected.module_ids) | set(collected.desired)
    unknown = sorted(answered - set(modules))
    if unknown:
        raise CliError(
            "unknown_modules",
            path=args.answers,
            modules=", ".join(unknown),
            known=", ".join(modules),
        )
    results = []
    for module_id, module in modules.items():
        if module_id in collected.module_ids:
            try:
                answers = collected.answers(module_id)
                results.append(
                    s.plugins.score(module, answers, desired=collected.desired.get(module_id))
                )
            except PluginHookError:
                continue  # recorded by the manager: reported beside the others' results
    if args.write:
        rewrite(args.file, _record(programme, results, keys, s), stamp, s, force=args.force)
    data = [_result_data(r, keys, s) for r in results]
    if args.format == "json":
        emit_json({"programme_id": programme.id, "results": data, "written": args.write})
        return OK
    blocks = []
    for result, r in zip(results, data, strict=True):
        rows = [
            [
                d.dimension.title(s.lang),
                cell(d.level),
                cell(d.desired),
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
