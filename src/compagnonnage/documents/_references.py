"""Cross-references inside a programme document, each problem located by its JSONPath.

The stage rules (REF-001, REF-002, STG-002, STG-006) say the same things about
a programme object by id; here the reader of a document learns *where* in the
file to look.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from compagnonnage.documents._problems import Problem
from compagnonnage.model import Programme

_EXPERT_FR = "expert hors de l'équipe du programme"
_EXPERT_EN = "expert not in the programme's team"


def _duplicates(items: Iterable[tuple[str, str]]) -> Iterator[Problem]:
    """A problem for every id already seen, given ``(id, path of the id)`` pairs."""
    first: dict[str, str] = {}
    for ident, path in items:
        if ident in first:
            yield Problem(
                path,
                f"identifiant {ident} en double (déjà donné en {first[ident]})",
                f"duplicate id {ident} (first given at {first[ident]})",
            )
        else:
            first[ident] = path


def _unknown(
    ids: Iterable[str], known: frozenset[str] | set[str], path: str, fr: str, en: str
) -> Iterator[Problem]:
    for j, ident in enumerate(ids):
        if ident not in known:
            yield Problem(f"{path}[{j}]", f"{fr} : {ident}", f"{en}: {ident}")


def _programme_problems(p: Programme, root: str) -> list[Problem]:
    """Every dangling or duplicate id of ``p``, a programme found at ``root``."""
    body = f"{root}.beneficiary"
    diag = f"{root}.diagnostic"
    acts = f"{root}.accompaniment.actions"
    problems = [
        *_duplicates((e.id, f"{root}.experts[{i}].id") for i, e in enumerate(p.experts)),
        *_duplicates(
            [
                *(
                    (o.id, f"{body}.officials[{i}].id")
                    for i, o in enumerate(p.beneficiary.officials)
                ),
                *((s.id, f"{body}.staff[{i}].id") for i, s in enumerate(p.beneficiary.staff)),
            ]
        ),
        *_duplicates(
            (m.id, f"{diag}.missions[{i}].id") for i, m in enumerate(p.diagnostic.missions)
        ),
        *_duplicates(
            [
                *((f.id, f"{diag}.issues[{i}].id") for i, f in enumerate(p.diagnostic.issues)),
                *(
                    (f.id, f"{diag}.practices[{i}].id")
                    for i, f in enumerate(p.diagnostic.practices)
                ),
                *(
                    (f.id, f"{diag}.recommendations[{i}].id")
                    for i, f in enumerate(p.diagnostic.recommendations)
                ),
            ]
        ),
        *_duplicates((a.id, f"{acts}[{i}].id") for i, a in enumerate(p.accompaniment.actions)),
    ]
    rp = p.reference_partner
    if rp is not None:
        if rp.body_id != p.beneficiary.id:
            problems.append(
                Problem(
                    f"{root}.reference_partner.body_id",
                    f"le partenaire de référence doit appartenir au bénéficiaire "
                    f"{p.beneficiary.id}, pas à {rp.body_id}",
                    f"the reference partner must belong to the beneficiary "
                    f"{p.beneficiary.id}, not to {rp.body_id}",
                )
            )
        if rp.id not in p.beneficiary.people_ids:
            problems.append(
                Problem(
                    f"{root}.reference_partner.id",
                    f"le partenaire de référence {rp.id} n'est ni élu ni salarié du bénéficiaire",
                    f"reference partner {rp.id} is neither an elected official nor staff "
                    f"of the beneficiary",
                )
            )
    team = set(p.experts_by_id)
    for i, m in enumerate(p.diagnostic.missions):
        problems.extend(
            _unknown(m.expert_ids, team, f"{diag}.missions[{i}].expert_ids", _EXPERT_FR, _EXPERT_EN)
        )
    recommendations = p.diagnostic.recommendation_ids
    for i, a in enumerate(p.accompaniment.actions):
        problems.extend(
            _unknown(a.expert_ids, team, f"{acts}[{i}].expert_ids", _EXPERT_FR, _EXPERT_EN)
        )
        problems.extend(
            _unknown(
                a.answers,
                recommendations,
                f"{acts}[{i}].answers",
                "préconisation inconnue",
                "unknown recommendation",
            )
        )
    return problems
