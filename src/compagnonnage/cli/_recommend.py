"""``recommend FILE``: ranked support and catalogue services for each recommendation."""

from __future__ import annotations

import argparse
from typing import Any

from compagnonnage._i18n import term
from compagnonnage.cli._common import OK
from compagnonnage.cli._output import emit, emit_json
from compagnonnage.cli._session import Session


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
                "failures": [f.message(s.lang) for f in found.failures],
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
    """A fit score in [0, 1] as a percentage, written the language's way (``75 %`` in French)."""
    from compagnonnage._locale import format_percent

    return format_percent(score, s.lang)
