"""Turning a module's remedies into support candidates for a recommendation.

Suggested findings carry ids ``"<module>/<dimension>/<kind>"``
(:func:`compagnonnage.diagnostics.finding_id`); a recommendation that cites them
points back to the dimension, whose remedies become candidates. Plugins call
:func:`remedy_candidates` from their ``compagnonnage_recommend_support`` hook.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from compagnonnage._i18n import _
from compagnonnage.catalogue import ServiceCatalogue
from compagnonnage.diagnostics import DiagnosticModule, Dimension
from compagnonnage.model import Programme, Recommendation, RegionRef
from compagnonnage.plugins._candidates import SupportCandidate

_BASE = {"issue": 0.7, "recommendation": 0.7, "divergence": 0.5}
_TRADE_BONUS = 0.2
_GAP_BONUS = 0.1


def _cited(
    recommendation: Recommendation, modules: Iterable[DiagnosticModule]
) -> Iterator[tuple[DiagnosticModule, Dimension, str]]:
    by_id = {m.id: m for m in modules}
    seen: set[tuple[str, str]] = set()
    for ident in (*recommendation.cites, recommendation.id):
        parts = ident.split("/")
        if len(parts) != 3 or parts[2] not in _BASE or parts[0] not in by_id:
            continue
        module = by_id[parts[0]]
        for dim in module.dimensions:
            if dim.id == parts[1] and (module.id, dim.id) not in seen:
                seen.add((module.id, dim.id))
                yield module, dim, parts[2]


def remedy_candidates(
    programme: Programme,
    recommendation: Recommendation,
    *,
    modules: Iterable[DiagnosticModule],
    catalogues: Iterable[ServiceCatalogue] = (),
    region: RegionRef | None = None,
) -> tuple[SupportCandidate, ...]:
    """The remedies of the dimensions ``recommendation`` cites, as scored candidates.

    The score is 0.7 for a cited major issue (0.5 for a divergence), plus 0.2
    when the module is specific to the recommendation's trade, plus 0.1 when the
    programme records a gap of two levels or more on that dimension. Service ids
    of a remedy are kept when a catalogue holds them and they fit the trade and
    ``region`` (the recommendation's region by default).

    :param programme: the programme whose diagnostic holds the recommendation.
    :param recommendation: the recommendation to answer.
    :param modules: the modules whose remedies may answer it (the plugin's own).
    :param catalogues: the catalogues to draw services from (the plugin's own).
    :param region: where the support would take place.
    """
    trade = recommendation.trade
    where = region if region is not None else recommendation.region
    services = {s.id: s for c in catalogues for s in c.services}
    gaps = {(s.module_id, s.dimension_id): s.gap for s in programme.diagnostic.scores}
    found: list[SupportCandidate] = []
    for module, dim, kind in _cited(recommendation, modules):
        score = _BASE[kind]
        if trade is not None and trade in module.trades:
            score += _TRADE_BONUS
        gap = gaps.get((module.id, dim.id))
        if gap is not None and gap >= 2:
            score += _GAP_BONUS
        rationale = _("Answers '{dimension}' ({module}).", dimension=dim.title, module=module.title)
        for remedy in dim.remedies:
            fitting = tuple(
                sid
                for sid in remedy.service_ids
                if sid in services and services[sid].fits(trade, where)
            )
            found.append(
                SupportCandidate(
                    kind=remedy.kind,
                    title=remedy.title,
                    score=round(min(score, 1.0), 2),
                    rationale=rationale,
                    domain=remedy.domain,
                    service_ids=fitting,
                    module_id=module.id,
                    dimension_id=dim.id,
                )
            )
    return tuple(found)
