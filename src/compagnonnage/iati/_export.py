"""Programmes as an ``iati-activities`` 2.03 document, built with lxml in the schema's order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs
from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage._i18n import SOURCE_LANGUAGE, Lang, Message, _, languages
from compagnonnage.iati._problems import IatiProblem
from compagnonnage.iati._results import add_results, number, results_final
from compagnonnage.model import (
    BudgetKind,
    BudgetStatus,
    Money,
    Organisation,
    OrganisationRole,
    Programme,
    Stage,
    TransactionKind,
)
from compagnonnage.rules import RuleContext, RuleSet, check
from compagnonnage.rules._funding import activity_identifier, actual_dates

if TYPE_CHECKING:
    from lxml import etree

IATI_VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

ROLE_CODES = {
    OrganisationRole.FUNDING: "1",
    OrganisationRole.ACCOUNTABLE: "2",
    OrganisationRole.EXTENDING: "3",
    OrganisationRole.IMPLEMENTING: "4",
}
BUDGET_KIND_CODES = {BudgetKind.ORIGINAL: "1", BudgetKind.REVISED: "2"}
BUDGET_STATUS_CODES = {BudgetStatus.INDICATIVE: "1", BudgetStatus.COMMITTED: "2"}
TRANSACTION_CODES = {
    TransactionKind.INCOMING_FUNDS: "1",
    TransactionKind.COMMITMENT: "2",
    TransactionKind.DISBURSEMENT: "3",
    TransactionKind.EXPENDITURE: "4",
}


@frozen(kw_only=True)
class ReportingOrg:
    """The organisation that publishes: configuration, never invented by the library."""

    ref: str = field(validator=v.text)
    """Its IATI organisation identifier (``"FR-RCS-123456789"``)."""
    type: str = field(validator=v.text)
    """Its IATI organisation type code (``"15"`` other public sector …)."""
    name: str = field(validator=v.text)
    """Its name."""


def activity_status(programme: Programme, results_final: bool) -> str:
    """IATI's activity status of ``programme``: draft and preparation are 1 (pipeline),
    diagnostic and accompaniment 2 (implementation), closed 4 when its results are
    final and 3 (finalisation) while they are not."""
    if programme.stage.rank <= Stage.PREPARATION.rank:
        return "1"
    if programme.stage is not Stage.CLOSED:
        return "2"
    return "4" if results_final else "3"


def _description(p: Programme) -> Message | str:
    """The activity's description: the user's own, as written, else one the library words."""
    if p.funding.description is not None:
        return p.funding.description
    body = p.beneficiary
    return _(
        "Institutional mentoring (compagnonnage consulaire) for: {name}, {country}. Three stages: preparation, field diagnostic, accompaniment.",
        name=body.name,
        country=body.country,
    )


def narrative_languages(text: Message, default: Lang) -> tuple[Lang, ...]:
    """The languages a message of the library is published in: the activity's ``default``
    first, then every other language whose catalogue translates it (a language that
    would repeat the English words is left out; English is always there).
    """
    source = text(SOURCE_LANGUAGE)
    found = [lang for lang in languages() if lang == SOURCE_LANGUAGE or text(lang) != source]
    return tuple(sorted(found, key=lambda lang: lang != default))


class _Builder:
    def __init__(self, lang: Lang) -> None:
        from lxml import etree

        self.etree = etree
        self.lang = lang
        """The activity's default language (``xml:lang``)."""

    def sub(self, parent: etree._Element, tag: str, **attributes: str | None) -> etree._Element:
        el = self.etree.SubElement(parent, tag)
        for name, value in attributes.items():
            if value is not None:
                el.set(name.replace("_", "-"), value)
        return el

    def narratives(self, parent: etree._Element, text: Message | str) -> None:
        """What a user wrote (a string): one narrative, in the activity's language (no
        ``xml:lang`` of its own). What the library says (a message): one per language
        whose catalogue translates it, each with its ``xml:lang``."""
        if isinstance(text, str):
            self.sub(parent, "narrative").text = text
            return
        for lang in narrative_languages(text, self.lang):
            n = self.sub(parent, "narrative")
            n.set(XML_LANG, lang)
            n.text = text(lang)

    def organisation(
        self, parent: etree._Element, tag: str, org: Organisation, **extra: str
    ) -> None:
        el = self.sub(parent, tag, ref=org.ref, type=org.type, **extra)
        self.narratives(el, org.name)

    def value(self, parent: etree._Element, money: Money) -> None:
        el = self.sub(
            parent, "value", currency=money.currency, value_date=money.value_date.isoformat()
        )
        el.text = number(money.amount)


def _iso(day: dt.date) -> str:
    return day.isoformat()


def activity(
    b: _Builder,
    parent: etree._Element,
    p: Programme,
    org: ReportingOrg,
    *,
    updated: dt.datetime,
    lang: Lang,
) -> None:
    f = p.funding
    el = b.sub(
        parent,
        "iati-activity",
        last_updated_datetime=updated.isoformat(timespec="seconds"),
        default_currency=f.default_currency,
    )
    el.set(XML_LANG, lang)
    b.sub(el, "iati-identifier").text = activity_identifier(p, org.ref)
    reporting = b.sub(el, "reporting-org", ref=org.ref, type=org.type)
    b.narratives(reporting, org.name)
    b.narratives(b.sub(el, "title"), p.title)
    b.narratives(b.sub(el, "description", type="1"), _description(p))
    for participant in f.participants:
        b.organisation(
            el, "participating-org", participant.organisation, role=ROLE_CODES[participant.role]
        )
    status = activity_status(p, results_final(p))
    b.sub(el, "activity-status", code=status)
    if p.planned is not None:
        b.sub(el, "activity-date", type="1", iso_date=_iso(p.planned.start))
        b.sub(el, "activity-date", type="3", iso_date=_iso(p.planned.end))
    start, end = actual_dates(p)
    if start is not None and status != "1":
        b.sub(el, "activity-date", type="2", iso_date=_iso(start))
    if end is not None and status in ("3", "4"):
        b.sub(el, "activity-date", type="4", iso_date=_iso(end))
    b.sub(el, "recipient-country", code=p.beneficiary.country, percentage="100")
    for s in f.sectors:
        b.sub(el, "sector", vocabulary="1", code=s.code, percentage=number(s.percentage))
    for budget in sorted(f.budgets, key=lambda x: (x.period.start, x.period.end)):
        be = b.sub(
            el,
            "budget",
            type=BUDGET_KIND_CODES[budget.kind],
            status=BUDGET_STATUS_CODES[budget.status],
        )
        b.sub(be, "period-start", iso_date=_iso(budget.period.start))
        b.sub(be, "period-end", iso_date=_iso(budget.period.end))
        b.value(be, budget.value)
    for t in sorted(f.transactions, key=lambda x: x.date):
        te = b.sub(el, "transaction", ref=t.ref)
        b.sub(te, "transaction-type", code=TRANSACTION_CODES[t.kind])
        b.sub(te, "transaction-date", iso_date=_iso(t.date))
        b.value(te, t.value)
        if t.description is not None:
            b.narratives(b.sub(te, "description"), t.description)
        if t.provider is not None:
            b.organisation(te, "provider-org", t.provider)
        if t.receiver is not None:
            b.organisation(te, "receiver-org", t.receiver)
    add_results(b, el, p)


def build(
    programmes: Iterable[Programme],
    reporting_org: ReportingOrg,
    *,
    now: dt.datetime,
    lang: Lang,
) -> etree._Element:
    """The ``iati-activities`` element of ``programmes`` (not checked)."""
    b = _Builder(lang)
    stamp = now.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    root: etree._Element = b.etree.Element("iati-activities", version=IATI_VERSION)
    root.set("generated-datetime", stamp)
    for p in programmes:
        activity(
            b,
            root,
            p,
            reporting_org,
            updated=now.astimezone(dt.timezone.utc),
            lang=lang,
        )
    return root


def rule_problems(
    programmes: Sequence[Programme],
    reporting_org: ReportingOrg,
    *,
    rules: RuleSet | None,
    context: RuleContext | None,
    today: dt.date,
) -> list[IatiProblem]:
    """Every error-level violation of the programmes, checked for publication, at model paths."""
    context = attrs.evolve(
        context or RuleContext(), clock=lambda: today, reporting_org=reporting_org.ref
    )
    found = []
    seen: set[str] = set()
    for p in programmes:
        if p.id in seen:
            found.append(IatiProblem(p.id, "IATI-ID", _("Programme {id} is given twice.", id=p.id)))
        seen.add(p.id)
        for violation in check(p, rules=rules, context=context).errors:
            where = f"{p.id}: {', '.join(violation.subjects)}"
            found.append(IatiProblem(where, violation.code, violation.text))
    return found
