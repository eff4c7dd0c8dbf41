"""Cross-references inside a programme document, each problem located by its JSONPath.

The stage rules (REF-001, REF-002, STG-002, STG-006) say the same things about
a programme object by id; here the reader of a document learns *where* in the
file to look.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain, islice
from operator import attrgetter
from typing import Any

from compagnonnage._i18n import Message, _, _n
from compagnonnage.documents._problems import (
    MAX_PROBLEMS,
    Problem,
    _capped,
    _Omitted,
    _with_value,
)
from compagnonnage.model import Programme

_NOT_IN_TEAM = _("expert not in the programme's team")
_UNKNOWN_RECOMMENDATION = _("unknown recommendation")
_ID = attrgetter("id")
_EXPERT_IDS = attrgetter("expert_ids")
_ANSWERS = attrgetter("answers")


def _duplicates(*lists: tuple[str, Sequence[Any]]) -> Iterator[Problem]:
    """A problem for every id given twice among ``(path of the list, records)`` pairs."""
    first: dict[str, str] = {}
    for where, records in lists:
        for i, r in enumerate(records):
            path = f"{where}[{i}].id"
            if r.id in first:
                yield Problem(
                    path,
                    _("duplicate id {id} (first given at {first})", id=r.id, first=first[r.id]),
                )
            else:
                first[r.id] = path


def _unknown(
    ids: Sequence[str], known: frozenset[str] | set[str], path: str, problem: Message
) -> Iterator[Problem]:
    """A problem for each of the first unknown ``ids``, then how many more (counted in C)."""
    shown = 0
    for j, ident in enumerate(ids):
        if ident not in known:
            yield Problem(f"{path}[{j}]", _with_value(problem, ident))
            shown += 1
            if shown == MAX_PROBLEMS:
                rest = len(ids) - j - 1
                more = rest - sum(map(known.__contains__, islice(ids, j + 1, None)))
                if more:
                    text = _n(
                        "… and {count} more unknown id, from here on ({problem})",
                        "… and {count} more unknown ids, from here on ({problem})",
                        more,
                        count=more,
                        problem=problem,
                    )
                    yield _Omitted(f"{path}[{j + 1}]", text, more)
                return


def _unique_ids(*groups: Sequence[Any]) -> set[str] | None:
    """The ids of the records of ``groups``, or ``None`` if one repeats."""
    ids = set(chain.from_iterable(map(_ID, g) for g in groups))
    return ids if len(ids) == sum(map(len, groups)) else None


def _is_clean(p: Programme) -> bool:
    """Whether ``p`` has no dangling or duplicate id: one pass, no path spelled."""
    body, diagnostic, actions = p.beneficiary, p.diagnostic, p.accompaniment.actions
    team = _unique_ids(p.experts)
    people = _unique_ids(body.officials, body.staff)
    recommendations = _unique_ids(diagnostic.recommendations)
    rp = p.reference_partner
    return (
        team is not None
        and people is not None
        and recommendations is not None
        and _unique_ids(diagnostic.missions) is not None
        and _unique_ids(diagnostic.issues, diagnostic.practices, diagnostic.recommendations)
        is not None
        and _unique_ids(actions) is not None
        and (rp is None or (rp.body_id == body.id and rp.id in people))
        and team.issuperset(
            chain.from_iterable(map(_EXPERT_IDS, chain(diagnostic.missions, actions)))
        )
        and recommendations.issuperset(chain.from_iterable(map(_ANSWERS, actions)))
    )


def _programme_problems(p: Programme, root: str) -> list[Problem]:
    """Every dangling or duplicate id of ``p``, a programme found at ``root`` (capped)."""
    return [] if _is_clean(p) else list(_capped(_every_problem(p, root)))


def _every_problem(p: Programme, root: str) -> Iterator[Problem]:
    """Every dangling or duplicate id of ``p``, one at a time (there may be millions)."""
    body = f"{root}.beneficiary"
    diag = f"{root}.diagnostic"
    acts = f"{root}.accompaniment.actions"
    yield from _duplicates((f"{root}.experts", p.experts))
    yield from _duplicates(
        (f"{body}.officials", p.beneficiary.officials), (f"{body}.staff", p.beneficiary.staff)
    )
    yield from _duplicates((f"{diag}.missions", p.diagnostic.missions))
    yield from _duplicates(
        (f"{diag}.issues", p.diagnostic.issues),
        (f"{diag}.practices", p.diagnostic.practices),
        (f"{diag}.recommendations", p.diagnostic.recommendations),
    )
    yield from _duplicates((acts, p.accompaniment.actions))
    rp = p.reference_partner
    if rp is not None:
        if rp.body_id != p.beneficiary.id:
            yield Problem(
                f"{root}.reference_partner.body_id",
                _(
                    "the reference partner must belong to the beneficiary {body}, not to {other}",
                    body=p.beneficiary.id,
                    other=rp.body_id,
                ),
            )
        if rp.id not in p.beneficiary.people_ids:
            yield Problem(
                f"{root}.reference_partner.id",
                _(
                    "reference partner {id} is neither an elected official nor staff of the beneficiary",
                    id=rp.id,
                ),
            )
    team = set(p.experts_by_id)
    missions, actions = p.diagnostic.missions, p.accompaniment.actions
    recommendations = p.diagnostic.recommendation_ids
    for i, m in enumerate(missions):
        yield from _unknown(m.expert_ids, team, f"{diag}.missions[{i}].expert_ids", _NOT_IN_TEAM)
    for i, a in enumerate(actions):
        yield from _unknown(a.expert_ids, team, f"{acts}[{i}].expert_ids", _NOT_IN_TEAM)
        yield from _unknown(
            a.answers, recommendations, f"{acts}[{i}].answers", _UNKNOWN_RECOMMENDATION
        )
