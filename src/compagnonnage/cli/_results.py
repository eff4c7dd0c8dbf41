"""``results FILE``: the indicator table, capacity progress and the membership key figures."""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from compagnonnage._i18n import enum_label
from compagnonnage._locale import format_date, format_number, format_percent
from compagnonnage.cli._common import OK, VIOLATED, cell
from compagnonnage.cli._output import emit, emit_json, table
from compagnonnage.cli._session import CliError, Session

if TYPE_CHECKING:
    from compagnonnage.model import Programme


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _ratio(value: Decimal | None) -> str | None:
    return None if value is None else str(round(value, 4))


def results_data(programme: Programme) -> dict[str, Any]:
    """What ``results --format json`` prints: indicators, capacity and membership."""
    from compagnonnage.results import capacity_progress, key_figures, progress

    indicators = []
    for ind in programme.results.indicators:
        pr = progress(ind, programme.results)
        latest = ind.latest
        indicators.append(
            {
                "id": ind.id,
                "title": ind.title,
                "level": ind.level.value,
                "measure": ind.measure.value,
                "direction": ind.direction.value,
                "unit": ind.unit,
                "baseline": _number(pr.baseline),
                "target": _number(pr.target),
                "target_period": pr.target_period_id,
                "latest": None
                if latest is None
                else {"value": _number(latest.value), "on": latest.on.isoformat()},
                "achieved": _number(pr.achieved),
                "share": _ratio(pr.share),
                "reached": pr.reached,
                "on_track": pr.on_track,
                "not_measured": None if ind.not_measured is None else ind.not_measured.reason,
            }
        )
    capacity = [
        {
            "module": d.module_id,
            "version": d.module_version,
            "dimension": d.dimension_id,
            "diagnostic": d.baseline,
            "follow_up": d.follow_up,
            "desired": d.desired,
        }
        for d in capacity_progress(programme)
    ]
    ledger = programme.beneficiary.ledger
    membership = [
        {
            "as_of": f.as_of.isoformat() if f.as_of else None,
            "registered": f.registered,
            "paying_members": m.paying_members,
            "paying_share": _ratio(f.paying_share),
            "service_uptake": _ratio(f.service_uptake),
            "services_revenue_share": _ratio(f.services_revenue_share),
            "growth": _ratio(f.growth),
            "illustrative": f.illustrative,
        }
        for m, f in zip(ledger, key_figures(ledger), strict=True)
    ]
    return {
        "programme_id": programme.id,
        "indicators": indicators,
        "capacity": capacity,
        "membership": membership,
    }


def _percent(text: str | None, s: Session) -> str:
    return "—" if text is None else format_percent(Decimal(text), s.lang)


def _day(text: str | None, s: Session) -> str:
    return "—" if text is None else format_date(dt.date.fromisoformat(text), s.lang)


def _value(text: str | None, s: Session) -> str:
    return "—" if text is None else format_number(Decimal(text), s.lang)


def _text(programme: Programme, data: dict[str, Any], s: Session) -> str:
    colon = s.say("colon")
    lines = [f"{s.say('programme')}{colon}{programme.title} ({programme.id})", ""]
    lines.append(s.say("res_indicators"))
    if not data["indicators"]:
        lines.append(s.say("res_no_indicator"))
    else:
        rows = []
        for ind, i in zip(data["indicators"], programme.results.indicators, strict=True):
            track = "—" if ind["on_track"] is None else s.say("yes" if ind["on_track"] else "no")
            latest = ind["latest"]
            rows.append(
                [
                    ind["id"],
                    f"{ind['title']} ({enum_label(i.level, s.lang)})",
                    _value(ind["baseline"], s),
                    _value(ind["target"], s),
                    s.say("res_not_measured")
                    if latest is None and ind["not_measured"]
                    else ("—" if latest is None else _value(latest["value"], s)),
                    _percent(ind["share"], s),
                    track,
                ]
            )
        keys = ("id", "title", "baseline", "target", "latest", "progress", "on_track")
        lines.append(table([s.say(f"res_{k}") for k in keys], rows))
    if data["capacity"]:
        lines += ["", s.say("res_capacity")]
        rows = [
            [c["dimension"], cell(c["diagnostic"], s.lang), cell(c["follow_up"], s.lang)]
            for c in data["capacity"]
        ]
        headers = [s.say("res_dimension"), s.say("res_baseline"), s.say("res_follow_up")]
        lines.append(table(headers, rows))
    lines += ["", s.say("res_membership")]
    if not data["membership"]:
        lines.append(s.say("res_no_membership"))
    else:
        rows = [
            [
                _day(m["as_of"], s) + (" *" if m["illustrative"] else ""),
                format_number(m["registered"], s.lang),
                "—" if m["paying_members"] is None else format_number(m["paying_members"], s.lang),
                _percent(m["paying_share"], s),
                _percent(m["service_uptake"], s),
                _percent(m["growth"], s),
            ]
            for m in data["membership"]
        ]
        columns = ("date", "registered", "paying", "paying_share", "uptake", "growth")
        lines.append(table([s.say(f"res_{k}") for k in columns], rows))
        if any(m["illustrative"] for m in data["membership"]):
            lines.append(s.say("res_illustrative"))
    return "\n".join(lines)


def results(args: argparse.Namespace, s: Session) -> int:
    """``results FILE``: the indicator table and membership key figures (text, JSON, xlsx)."""
    programme = s.load(args.file)
    report = s.plugins.check(programme)
    code = OK if report.ok else VIOLATED
    data = results_data(programme)
    if args.format == "xlsx":
        if not args.output:
            raise CliError("xlsx_needs_output")
        from compagnonnage.results._xlsx import write_workbook

        write_workbook(programme, args.output, s.lang)
        emit(s.say("written", path=args.output))
        return code
    if args.format == "json":
        emit_json(data)
        return code
    text = _text(programme, data, s)
    if args.output:
        from pathlib import Path

        from compagnonnage.cli._common import write_text

        write_text(Path(args.output), text + "\n")
        emit(s.say("written", path=args.output))
    else:
        emit(text)
    return code
