"""The traceability rows: finding → recommendation → action → indicator → latest value."""

from __future__ import annotations

from attrs import frozen

from compagnonnage.model import Measurement, Programme


@frozen(kw_only=True)
class IndicatorTrace:
    """An indicator tracking a recommendation, with its latest measured value (if any)."""

    indicator_id: str
    title: str
    latest: Measurement | None


@frozen(kw_only=True)
class TraceRow:
    """One recommendation and what hangs on it, in the order the programme holds them."""

    recommendation_id: str
    statement: str
    finding_ids: tuple[str, ...]
    action_ids: tuple[str, ...]
    indicators: tuple[IndicatorTrace, ...]


def traceability(programme: Programme) -> tuple[TraceRow, ...]:
    """One row per recommendation of the diagnostic.

    >>> from compagnonnage.example import togo_programme
    >>> row = traceability(togo_programme())[0]
    >>> row.recommendation_id, row.finding_ids, row.action_ids
    ('rec-register', ('pb-register-coverage', 'bp-digital-register'), ('act-register',))
    >>> [(t.indicator_id, t.latest.value) for t in row.indicators]
    [('ind-register', Decimal('21300')), ('ind-register-capacity', Decimal('4'))]
    """
    actions = programme.accompaniment.actions
    indicators = programme.results.indicators
    return tuple(
        TraceRow(
            recommendation_id=rec.id,
            statement=rec.statement,
            finding_ids=rec.cites,
            action_ids=tuple(a.id for a in actions if rec.id in a.answers),
            indicators=tuple(
                IndicatorTrace(indicator_id=i.id, title=i.title, latest=i.latest)
                for i in indicators
                if rec.id in i.recommendation_ids
            ),
        )
        for rec in programme.diagnostic.recommendations
    )
