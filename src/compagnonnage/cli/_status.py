"""``status FILE``: the stage, what the next transition needs, and what blocks it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from compagnonnage._i18n import (
    stage_label,
)
from compagnonnage.cli._common import (
    OK,
    VIOLATED,
    actor,
    violation_data,
    violation_line,
)
from compagnonnage.cli._output import emit, emit_json
from compagnonnage.cli._session import Session
from compagnonnage.model import Stage

if TYPE_CHECKING:
    from compagnonnage.model import Programme
    from compagnonnage.rules import Violation


_NEXT: dict[Stage, tuple[str, tuple[str, ...]]] = {
    Stage.DRAFT: ("open", ("STG-002",)),
    Stage.PREPARATION: ("close_preparation", ("STG-003",)),
    Stage.DIAGNOSTIC: ("close_diagnostic", ("STG-004",)),
    Stage.ACCOMPANIMENT: ("close", ()),
}


def _blocking(programme: Programme, operation: str, s: Session) -> list[Violation]:
    """What the lifecycle would refuse if the transition were tried now (tried on a copy)."""
    from compagnonnage.errors import TransitionRefused

    by, at = actor(programme)
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
        "warnings": [violation_data(v, s) for v in report.warnings],
    }
    if programme.stage in _NEXT:
        operation, codes = _NEXT[programme.stage]
        core = RuleSet.core()
        blocking = [violation_data(v, s) for v in _blocking(programme, operation, s)]
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
            lines += [violation_line(v, s) for v in nxt["blocked_by"]]
    if data["warnings"]:
        lines.append(s.say("warnings", count=len(data["warnings"])))
        lines += [violation_line(v, s) for v in data["warnings"]]
    emit("\n".join(lines))
    return code
