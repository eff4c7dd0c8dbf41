"""``status FILE``: the stage, what the next transition needs, and what blocks it."""

from __future__ import annotations

import argparse
from typing import Any

from compagnonnage._i18n import stage_label
from compagnonnage.cli._common import OK, VIOLATED, violation_data, violation_line
from compagnonnage.cli._output import emit, emit_json
from compagnonnage.cli._session import Session
from compagnonnage.model import Stage


def status(args: argparse.Namespace, s: Session) -> int:
    """``status FILE``: the stage, what the next transition needs, and what blocks it."""
    programme = s.load(args.file)
    report = s.plugins.check(programme)
    data: dict[str, Any] = {
        "path": args.file,
        "programme_id": programme.id,
        "stage": programme.stage.value,
        "next": None,
        "warnings": [violation_data(v, s) for v in report.warnings],
    }
    step = s.plugins.lifecycle().next_step(programme)
    if step is not None:
        titles = {r.code: r.title(s.lang) for r in step.blocking_rules}
        data["next"] = {
            "operation": step.operation.value,
            "stage": step.stage.value,
            "needs": [{"code": r.code, "rule": r.title(s.lang)} for r in step.needs],
            "ready": step.ready,
            "blocked_by": [
                {**violation_data(v, s), "rule": titles.get(v.code)} for v in step.blocked_by
            ],
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
            lines += [violation_line(v, s) for v in nxt["blocked_by"]]
            # The titles of the other rules that block it (a plugin's rule included).
            guards = {n["code"] for n in nxt["needs"]}
            others = {v["code"]: v["rule"] for v in nxt["blocked_by"] if v["code"] not in guards}
            if others:
                lines.append(s.say("blocking_rules"))
                lines += [f"  {c}{colon}{title}" for c, title in others.items()]
    if data["warnings"]:
        lines.append(s.say("warnings", count=len(data["warnings"])))
        lines += [violation_line(v, s) for v in data["warnings"]]
    emit("\n".join(lines))
    return code
