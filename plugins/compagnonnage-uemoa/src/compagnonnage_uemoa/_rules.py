"""Rules for programmes in UEMOA states.

* ``UEMOA-001`` (warning): the beneficiary's current term lasts no longer than
  the national term (Togo: four years).
* ``UEMOA-002`` (warning): the scope's trades are coded in the community
  nomenclature, so that findings compare across the eight states.

Their words come from the plugin's own catalogue (``locale/<lang>/LC_MESSAGES/
compagnonnage_uemoa.po``), marked with ``_`` like the library's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from compagnonnage.i18n import Catalogue
from compagnonnage.model import Programme
from compagnonnage.rules import Breach, RuleContext, Severity, rule
from compagnonnage_uemoa._nomenclature import NOMENCLATURE_ID
from compagnonnage_uemoa._regions import UEMOA_STATES, region_profiles

_TERM_YEARS = {
    p.region.country: p.term_years for p in region_profiles() if p.term_years is not None
}
_GRACE = dt.timedelta(days=31)

CATALOGUE = Catalogue("compagnonnage_uemoa", "compagnonnage_uemoa")
"""The plugin's own catalogue, for the words of its rules."""
_ = CATALOGUE.message


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@rule(
    "UEMOA-001",
    title=_("The current term does not exceed the national term length"),
    severity=Severity.WARNING,
    origin="uemoa",
)
def term_length(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    """Warn when the beneficiary's current term outlasts its country's term (plus a month)."""
    body = p.beneficiary
    years = _TERM_YEARS.get(body.country)
    if years is None or body.current_term is None:
        return
    period = body.current_term.period
    if period.end > _years_later(period.start, years) + _GRACE:
        yield Breach(
            (body.id,),
            _(
                "The current term of {body} ({start} – {end}) exceeds the {years}-year term "
                "in force ({country}).",
                body=body.id,
                start=period.start,
                end=period.end,
                years=years,
                country=body.country,
            ),
        )


@rule(
    "UEMOA-002",
    title=_("Scope trades follow the community nomenclature"),
    severity=Severity.WARNING,
    origin="uemoa",
)
def community_nomenclature(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    """Warn for each scope trade of a programme in a UEMOA state coded in another nomenclature."""
    if p.beneficiary.country not in UEMOA_STATES:
        return
    for trade in p.scope.trades:
        if trade.nomenclature != NOMENCLATURE_ID:
            yield Breach(
                (p.id, str(trade)),
                _(
                    "Trade {trade} is not coded in the {nomenclature} nomenclature "
                    "(regulation 04/2018/COM/UEMOA).",
                    trade=str(trade),
                    nomenclature=NOMENCLATURE_ID,
                ),
            )
