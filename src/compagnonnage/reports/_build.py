"""Build the report model of a programme, in one language."""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache

from compagnonnage import __version__
from compagnonnage._i18n import Lang, enum_label, stage_label, term
from compagnonnage._locale import (
    format_date,
    format_money,
    format_number,
    format_percent,
    format_period,
)
from compagnonnage._validators import iso_names, pycountry_folder
from compagnonnage.diagnostics import DiagnosticModule, DiagnosticResult
from compagnonnage.model import (
    ActionStatus,
    Body,
    Diagnostic,
    Finding,
    Period,
    Pricing,
    PricingMode,
    Programme,
    RegionRef,
    ServiceOfferDesign,
    Stage,
    SupportAction,
    TradeRef,
)
from compagnonnage.reports._model import (
    Block,
    CapacityChart,
    CapacityLevel,
    Facts,
    LedgerChart,
    LedgerPoint,
    Paragraph,
    ReportDocument,
    Section,
    Span,
    Table,
    Timeline,
)
from compagnonnage.reports._text import TEXT
from compagnonnage.rules import Report, check

_DEFAULT_SCALE_MAX = 4


class _Writer:
    """The report's language, and the lookups every section needs."""

    def __init__(
        self,
        programme: Programme,
        lang: Lang,
        trade_names: Mapping[TradeRef, str],
        modules: Iterable[DiagnosticModule],
    ):
        self.p = programme
        self.lang = lang
        self._trade_names = trade_names
        self.modules = {m.id: m for m in modules}
        body = programme.beneficiary
        people: dict[str, str] = {e.id: e.name for e in programme.experts}
        people.update({o.id: o.name for o in body.officials})
        people.update({s.id: s.name for s in body.staff})
        if programme.reference_partner is not None:
            people.setdefault(programme.reference_partner.id, programme.reference_partner.name)
        self._people = people
        d = programme.diagnostic
        self._findings: dict[str, Finding] = {f.id: f for f in d.findings()}

    def t(self, key: str, **values: object) -> str:
        """The report's word ``key``, its placeholders filled with ``values``."""
        message = TEXT[key]
        return message.bind(**values)(self.lang) if values else message(self.lang)

    def n(self, key: str, count: int, **values: object) -> str:
        """The plural message ``key`` for ``count`` things (``{count}`` spelt as a number)."""
        return TEXT[key].bind(count, count=self.number(count), **values)(self.lang)

    def counts(self, *counted: tuple[str, int]) -> str:
        """Several counts, each with its own plural: ``3 stages, 1 mission``."""
        return ", ".join(self.n(key, count) for key, count in counted)

    def date(self, day: dt.date | None) -> str:
        return self.t("not_set") if day is None else format_date(day, self.lang)

    def period(self, period: Period | None) -> str:
        if period is None:
            return self.t("not_set")
        return format_period(period.start, period.end, self.lang)

    def number(self, value: int | Decimal | None) -> str:
        if value is None:
            return self.t("not_set")
        return format_number(value, self.lang)

    def person(self, ident: str) -> str:
        name = self._people.get(ident)
        return ident if name is None else f"{name} ({ident})"

    def people(self, idents: Iterable[str]) -> str:
        return ", ".join(self.person(i) for i in idents) or self.t("none")

    def trade(self, trade: TradeRef | None) -> str:
        if trade is None:
            return "—"
        name = self._trade_names.get(trade)
        return str(trade) if name is None else f"{name} ({trade})"

    def region(self, region: RegionRef | None) -> str:
        return "—" if region is None else _region_name(region, self.lang)

    def finding(self, ident: str) -> str:
        found = self._findings.get(ident)
        return ident if found is None else f"{ident} — {found.statement}"

    def listing(self, items: Iterable[str]) -> str:
        """Items joined by semicolons (with the French space before them), or a dash."""
        return self.t("list_separator").join(items) or "—"

    def dimension(self, module_id: str, dimension_id: str) -> str:
        """The dimension's title, as its module words it; the ids when the module is unknown."""
        module = self.modules.get(module_id)
        if module is not None:
            for d in module.dimensions:
                if d.id == dimension_id:
                    return d.title(self.lang)
        return f"{module_id} / {dimension_id}"

    def scale_max(self, module_ids: Iterable[str]) -> int:
        """The top of the scale of these modules (4 when none is known)."""
        tops = [self.modules[m].scale.high for m in module_ids if m in self.modules]
        return max(tops, default=_DEFAULT_SCALE_MAX)

    def optional(self, value: str | None) -> str:
        return "—" if value is None else value


@cache
def _place_names(table: str, lang: Lang) -> Mapping[str, str]:
    """The names of ISO ``table`` by code in ``lang``, through pycountry's own catalogue.

    Translated once per catalogue file and kept beside the library's bytecode
    (:func:`~compagnonnage._code_cache.derived`): reading ISO 3166-2's catalogue
    to name one region was a sixth of building a report.
    """
    import os

    from compagnonnage._code_cache import derived

    names = iso_names(table)
    folder = pycountry_folder()
    found = (
        None
        if folder is None
        else gettext.find(f"iso{table}", os.path.join(folder, "locales"), languages=[lang])
    )
    if found is None:  # no catalogue: pycountry's (English) names
        return names

    def translated() -> dict[str, str]:
        with open(found, "rb") as f:
            catalogue = gettext.GNUTranslations(f)
        return {code: catalogue.gettext(name) for code, name in names.items()}

    return derived(f"iso{table}.{lang}", found, translated)


def _place_name(code: str, table: str, lang: Lang) -> str:
    """The name of the place ``code`` in ``lang`` (the code itself when ISO has none)."""
    return _place_names(table, lang).get(code, code)


def _region_name(region: RegionRef, lang: Lang) -> str:
    country = _place_name(region.country, "3166-1", lang)
    if region.subdivision is None:
        return country
    return f"{_place_name(region.subdivision, '3166-2', lang)}, {country}"


def _table(
    w: _Writer,
    caption: str,
    headers: Iterable[str],
    rows: Iterable[Iterable[str]],
    empty: str,
    **values: object,
) -> Table:
    return Table(
        caption=w.t(caption, **values),
        headers=tuple(w.t(h) for h in headers),
        rows=tuple(tuple(r) for r in rows),
        empty=w.t(empty),
    )


# -- sections ---------------------------------------------------------------------


def _summary(w: _Writer, report: Report) -> Section:
    p = w.p
    network = sum(1 for e in p.experts if e.is_network)
    d, actions = p.diagnostic, p.accompaniment.actions
    rp = p.reference_partner
    completed = sum(1 for a in actions if a.status is ActionStatus.COMPLETED)
    rules = w.t("rules_clean") if not report.violations else _rule_counts(w, report)
    facts = (
        (w.t("programme"), f"{p.title} ({p.id})"),
        (w.t("stage"), stage_label(p.stage, w.lang)),
        (w.t("planned"), w.period(p.planned)),
        (w.t("beneficiary"), p.beneficiary.name),
        (w.t("reference_partner"), w.t("none") if rp is None else w.person(rp.id)),
        (
            w.t("experts"),
            w.counts(("network_experts", network), ("local_experts", len(p.experts) - network)),
        ),
        (
            w.t("findings"),
            w.counts(
                ("issues_count", len(d.issues)),
                ("practices_count", len(d.practices)),
                ("recommendations_count", len(d.recommendations)),
            ),
        ),
        (
            w.t("actions"),
            w.counts(("actions_count", len(actions)), ("completed_count", completed)),
        ),
        (w.t("rules_summary"), rules),
    )
    return Section(anchor="summary", title=w.t("summary"), blocks=(Facts(items=facts),))


def _rule_counts(w: _Writer, report: Report) -> str:
    return w.counts(("errors_count", len(report.errors)), ("warnings_count", len(report.warnings)))


def _membership(w: _Writer, body: Body) -> tuple[tuple[str, str], ...]:
    m = body.membership
    if m is None:
        return ((w.t("membership"), w.t("not_set")),)
    figures = (
        ("registered", m.registered),
        ("card_holders", m.card_holders),
        ("paying_members", m.paying_members),
        ("service_users", m.service_users),
    )
    items = tuple((w.t(key), w.number(value)) for key, value in figures if value is not None)
    return (*items, (w.t("as_of"), w.date(m.as_of))) if m.as_of is not None else items


def _body(w: _Writer) -> Section:
    body = w.p.beneficiary
    term_text = w.t("not_set")
    if body.current_term is not None:
        term_text = w.period(body.current_term.period)
        if body.current_term.number is not None:
            term_text += f" ({w.t('term_number', number=body.current_term.number)})"
    plan = body.mandate_plan
    plan_text = w.t("not_set")
    if plan is not None:
        plan_text = (
            w.n("plan_adopted", len(plan.axes), date=w.date(plan.adopted_on))
            if plan.adopted_on is not None
            else w.t("plan_not_adopted")
        )
    facts = Facts(
        items=(
            (w.t("name"), f"{body.name} ({body.id})"),
            (w.t("kind"), enum_label(body.kind, w.lang)),
            (w.t("level"), enum_label(body.level, w.lang)),
            (w.t("region"), w.region(body.region)),
            (w.t("parent"), w.optional(body.parent_id)),
            (w.t("trades"), ", ".join(w.trade(t) for t in body.trades) or w.t("none")),
            (w.t("term"), term_text),
            (w.t("mandate_plan"), plan_text),
            *_membership(w, body),
        )
    )
    governing = _table(
        w,
        "governing_bodies",
        ("name", "kind", "members"),
        (
            (g.name, enum_label(g.kind, w.lang), w.people(g.member_ids))
            for g in body.governing_bodies
        ),
        "no_governing_bodies",
    )
    officials = _table(
        w,
        "officials",
        ("name", "role", "trade"),
        ((o.name, w.optional(o.role), w.trade(o.trade)) for o in body.officials),
        "no_officials",
    )
    staff = _table(
        w,
        "staff",
        ("name", "position"),
        ((s.name, w.optional(s.position)) for s in body.staff),
        "no_staff",
    )
    return Section(anchor="body", title=w.t("body"), blocks=(facts, governing, officials, staff))


def _team(w: _Writer) -> Section:
    rp = w.p.reference_partner
    partner: Block = (
        Paragraph(text=w.t("no_partner"))
        if rp is None
        else Facts(
            items=(
                (w.t("reference_partner"), f"{rp.name} ({rp.id})"),
                (w.t("position"), w.optional(rp.position)),
                (w.t("beneficiary"), rp.body_id),
            )
        )
    )
    experts = _table(
        w,
        "experts",
        ("name", "affiliation", "home_chamber", "competences", "languages"),
        (
            (
                f"{e.name} ({e.id})",
                enum_label(e.affiliation, w.lang),
                w.optional(e.home_chamber),
                ", ".join(sorted(enum_label(c, w.lang) for c in e.competences)) or "—",
                ", ".join(e.languages),
            )
            for e in w.p.experts
        ),
        "no_experts",
    )
    return Section(anchor="team", title=w.t("team"), blocks=(partner, experts))


def _stage_spans(p: Programme, last_day: dt.date) -> list[tuple[Stage, dt.date, dt.date]]:
    """The stages the programme went through, each from its entry to the next change."""
    changes = [(e.to_stage, e.at.date()) for e in p.history if e.to_stage is not e.from_stage]
    spans = []
    for (stage, start), following in zip(changes, [*changes[1:], None], strict=True):
        end = last_day if following is None else following[1]
        spans.append((stage, start, max(start, end)))
    return [s for s in spans if s[0] is not Stage.CLOSED]


def _timeline(w: _Writer) -> Section:
    p = w.p
    items: list[tuple[str, str, Period]] = [
        ("lane_mission", f"{m.id} — {enum_label(m.kind, w.lang)}", m.period)
        for m in p.diagnostic.missions
    ]
    items += [
        ("lane_action", f"{a.id} — {a.title}", a.period)
        for a in p.accompaniment.actions
        if a.period is not None
    ]
    days = [d for _, _, period in items for d in (period.start, period.end)]
    days += [e.at.date() for e in p.history]
    if not days:
        return Section(
            anchor="timeline",
            title=w.t("timeline"),
            blocks=(Paragraph(text=w.t("timeline_empty")),),
        )
    stages = _stage_spans(p, max(days))
    spans = [
        Span(label=stage_label(stage, w.lang), lane="stage", start=start, end=end)
        for stage, start, end in stages
    ]
    spans += [
        Span(label=label, lane=lane.removeprefix("lane_"), start=period.start, end=period.end)
        for lane, label, period in items
    ]
    lane_names = {
        "stage": w.t("lane_stage"),
        "mission": w.t("lane_mission"),
        "action": w.t("lane_action"),
    }
    table = _table(
        w,
        "timeline_title",
        ("item", "label", "start", "end"),
        ((lane_names[s.lane], s.label, w.date(s.start), w.date(s.end)) for s in spans),
        "timeline_empty",
    )
    chart = Timeline(
        title=w.t("timeline_title"),
        summary=w.t(
            "timeline_summary",
            start=w.date(min(days)),
            end=w.date(max(days)),
            counts=w.counts(
                ("stages_count", len(stages)),
                ("missions_count", len(p.diagnostic.missions)),
                ("dated_actions_count", len(items) - len(p.diagnostic.missions)),
            ),
        ),
        lanes=tuple(lane_names.items()),
        spans=tuple(spans),
        table=table,
    )
    return Section(anchor="timeline", title=w.t("timeline"), blocks=(chart,))


def _preparation(w: _Writer) -> Section:
    prep = w.p.preparation
    rows = []
    for kind, d in prep.deliverables().items():
        label = term(f"kind.{kind}", w.lang)
        if d is None:
            rows.append((label, w.t("missing"), "—", "—"))
            continue
        approval = (
            w.t("not_approved")
            if d.approval is None
            else w.t("approved", date=w.date(d.approval.on), by=w.person(d.approval.by))
        )
        rows.append((label, d.title, w.people(d.author_ids), approval))
    deliverables = _table(
        w, "deliverables", ("deliverable", "title", "authors", "approval"), rows, "missing"
    )
    planned = () if prep.work_programme is None else prep.work_programme.missions
    missions = _table(
        w,
        "planned_missions",
        ("kind", "modality", "period", "place"),
        (
            (
                enum_label(m.kind, w.lang),
                enum_label(m.modality, w.lang),
                w.period(m.period),
                w.optional(m.place),
            )
            for m in planned
        ),
        "no_planned_missions",
    )
    return Section(anchor="preparation", title=w.t("preparation"), blocks=(deliverables, missions))


def _capacity(w: _Writer, d: Diagnostic) -> Block:
    if not d.scores:
        return Paragraph(text=w.t("capacity_empty"))
    top = max(
        w.scale_max({s.module_id for s in d.scores}),
        *(max(s.level, s.desired or 0) for s in d.scores),
    )
    names = [w.dimension(s.module_id, s.dimension_id) for s in d.scores]
    table = _table(
        w,
        "capacity_title",
        ("dimension", "current", "desired", "gap", "evidence"),
        (
            (
                name,
                str(s.level),
                "—" if s.desired is None else str(s.desired),
                "—" if s.gap is None else f"{s.gap:+d}",
                w.listing(s.evidence),
            )
            for name, s in zip(names, d.scores, strict=True)
        ),
        "capacity_empty",
    )
    return CapacityChart(
        title=w.t("capacity_title"),
        summary=w.n("capacity_summary", len(d.scores), max=top),
        scale_max=top,
        legend=(w.t("current"), w.t("desired")),
        levels=tuple(
            CapacityLevel(label=name, current=s.level, desired=s.desired)
            for name, s in zip(names, d.scores, strict=True)
        ),
        table=table,
    )


def _answers(w: _Writer, results: tuple[DiagnosticResult, ...]) -> Section:
    blocks: list[Block] = []
    for result in results:
        module = w.modules.get(result.module_id)
        name = result.module_id if module is None else module.title(w.lang)
        blocks.append(
            _table(
                w,
                "answers_caption",
                ("dimension", "current", "desired", "by_group", "divergence", "responses"),
                (
                    (
                        d.dimension.title(w.lang),
                        "—" if d.level is None else str(d.level),
                        "—" if d.desired is None else str(d.desired),
                        w.listing(
                            f"{enum_label(g, w.lang)} {level}" for g, level in d.by_group.items()
                        ),
                        str(d.divergence) + (f" ({w.t('divergent')})" if d.divergent else ""),
                        w.number(len(d.evidence)),
                    )
                    for d in result.dimensions
                ),
                "no_answers",
                module=f"{name} ({result.module_id} {result.module_version})",
            )
        )
        found = result.findings(w.lang)
        suggested = (*found.issues, *found.practices, *found.recommendations)
        blocks.append(
            _table(
                w,
                "suggested_caption",
                ("code", "kind", "statement"),
                ((f.id, term(f"kind.{f.KIND}", w.lang), f.statement) for f in suggested),
                "no_suggestions",
                module=name,
            )
        )
    return Section(anchor="answers", title=w.t("answers_title"), blocks=tuple(blocks))


def _diagnostic(w: _Writer, results: tuple[DiagnosticResult, ...]) -> Section:
    d = w.p.diagnostic
    missions = _table(
        w,
        "missions",
        ("mission", "kind", "modality", "period", "place", "experts", "organiser"),
        (
            (
                m.id,
                enum_label(m.kind, w.lang),
                "—" if m.modality is None else enum_label(m.modality, w.lang),
                w.period(m.period),
                w.optional(m.place),
                w.people(m.expert_ids),
                "—" if m.organiser_id is None else w.person(m.organiser_id),
            )
            for m in d.missions
        ),
        "no_missions",
    )
    issues = _table(
        w,
        "issues",
        ("code", "statement", "severity", "trade", "region"),
        (
            (
                i.id,
                i.statement,
                enum_label(i.severity, w.lang),
                w.trade(i.trade),
                w.region(i.region),
            )
            for i in d.issues
        ),
        "no_issues",
    )
    practices = _table(
        w,
        "practices",
        ("code", "statement", "trade", "region"),
        ((g.id, g.statement, w.trade(g.trade), w.region(g.region)) for g in d.practices),
        "no_practices",
    )
    recommendations = _table(
        w,
        "recommendations",
        ("code", "recommendation", "priority", "horizon", "cites"),
        (
            (
                r.id,
                r.statement,
                enum_label(r.priority, w.lang),
                enum_label(r.horizon, w.lang),
                ", ".join(r.cites) or "—",
            )
            for r in d.recommendations
        ),
        "no_recommendations",
    )
    debriefing: Block = (
        Paragraph(text=w.t("no_debriefing"))
        if d.debriefing is None
        else Facts(
            items=(
                (w.t("date"), w.date(d.debriefing.on)),
                (w.t("place"), w.optional(d.debriefing.place)),
                (w.t("attendees"), w.people(d.debriefing.attendee_ids)),
            )
        )
    )
    return Section(
        anchor="diagnostic",
        title=w.t("diagnostic"),
        blocks=(missions,),
        sections=(
            Section(anchor="capacity", title=w.t("capacity"), blocks=(_capacity(w, d),)),
            Section(
                anchor="findings",
                title=w.t("findings"),
                blocks=(issues, practices, recommendations),
            ),
            Section(anchor="debriefing", title=w.t("debriefing"), blocks=(debriefing,)),
            *((_answers(w, results),) if results else ()),
        ),
    )


def _behind(w: _Writer, action: SupportAction) -> str:
    recommendations = {r.id: r for r in w.p.diagnostic.recommendations}
    cited: list[str] = []
    for rid in action.answers:
        for fid in recommendations[rid].cites if rid in recommendations else ():
            if fid not in cited:
                cited.append(fid)
    return w.listing(w.finding(f) for f in cited)


def _accompaniment(w: _Writer) -> Section:
    actions = w.p.accompaniment.actions
    table = _table(
        w,
        "actions",
        ("action", "kind", "title", "modality", "period", "status", "experts"),
        (
            (
                a.id,
                term(f"kind.{a.KIND}", w.lang),
                a.title,
                "—" if a.modality is None else enum_label(a.modality, w.lang),
                w.period(a.period),
                enum_label(a.status, w.lang),
                w.people(a.expert_ids),
            )
            for a in actions
        ),
        "no_actions",
    )
    tracing = _table(
        w,
        "tracing_caption",
        ("action", "answers", "behind"),
        (
            (f"{a.id} — {a.title}", w.listing(w.finding(r) for r in a.answers), _behind(w, a))
            for a in actions
        ),
        "no_actions",
    )
    return Section(
        anchor="accompaniment",
        title=w.t("accompaniment"),
        blocks=(table,),
        sections=(Section(anchor="tracing", title=w.t("tracing"), blocks=(tracing,)),),
    )


# -- results and monitoring ------------------------------------------------------------


def _percent(w: _Writer, share: Decimal | None) -> str:
    return "—" if share is None else format_percent(share, w.lang)


def _yes_no(w: _Writer, flag: bool | None) -> str:
    return "—" if flag is None else w.t("yes" if flag else "no")


def _indicator_table(w: _Writer) -> Table:
    from compagnonnage.results import progress

    results = w.p.results
    rows = []
    for ind in results.indicators:
        pr = progress(ind, results)
        latest = ind.latest
        if latest is not None and latest.value is not None:
            shown = f"{w.number(latest.value)} ({w.date(latest.on)})"
        elif ind.not_measured is not None:
            shown = f"{w.t('not_measured')} — {ind.not_measured.reason}"
        else:
            shown = "—"
        target = "—" if pr.target is None else f"{w.number(pr.target)} ({pr.target_period_id})"
        rows.append(
            (
                f"{ind.id} — {ind.title}",
                enum_label(ind.level, w.lang),
                "—" if pr.baseline is None else w.number(pr.baseline),
                target,
                shown,
                _percent(w, pr.share),
                _yes_no(w, pr.on_track),
            )
        )
    return _table(
        w,
        "indicators_caption",
        ("indicator", "result_level", "baseline", "target", "latest", "progress", "on_track"),
        rows,
        "no_indicators",
    )


def _follow_up_chart(w: _Writer) -> Block:
    from compagnonnage.results import capacity_progress

    compared = [d for d in capacity_progress(w.p) if d.follow_up is not None]
    if not compared:
        return Paragraph(text=w.t("no_follow_up"))
    top = max(
        w.scale_max({d.module_id for d in compared}),
        *(max(d.baseline, d.follow_up or 0) for d in compared),
    )
    names = [w.dimension(d.module_id, d.dimension_id) for d in compared]
    table = _table(
        w,
        "follow_up_title",
        ("dimension", "at_diagnostic", "at_follow_up", "change"),
        (
            (name, str(d.baseline), str(d.follow_up), f"{(d.follow_up or 0) - d.baseline:+d}")
            for name, d in zip(names, compared, strict=True)
        ),
        "no_follow_up",
    )
    return CapacityChart(
        title=w.t("follow_up_title"),
        summary=w.n(
            "follow_up_summary",
            len(compared),
            module=compared[0].module_id,
            version=compared[0].module_version,
            max=top,
        ),
        scale_max=top,
        legend=(w.t("at_diagnostic"), w.t("at_follow_up")),
        levels=tuple(
            CapacityLevel(label=name, current=d.baseline, desired=d.follow_up)
            for name, d in zip(names, compared, strict=True)
        ),
        table=table,
        ident="follow-up-chart",
    )


def _ledger_chart(w: _Writer) -> Block:
    from compagnonnage.results import key_figures

    ledger = w.p.beneficiary.ledger
    if not ledger:
        return Paragraph(text=w.t("no_ledger"))
    figures = key_figures(ledger)
    labels = [
        (w.t("undated") if m.as_of is None else str(m.as_of.year))
        + (" *" if m.illustrative else "")
        for m in ledger
    ]
    table = _table(
        w,
        "ledger_title",
        (
            "as_of",
            "registered",
            "card_holders",
            "paying_members",
            "service_users",
            "paying_share",
            "service_uptake",
            "growth",
        ),
        (
            (
                label,
                w.number(m.registered),
                "—" if m.card_holders is None else w.number(m.card_holders),
                "—" if m.paying_members is None else w.number(m.paying_members),
                "—" if m.service_users is None else w.number(m.service_users),
                _percent(w, f.paying_share),
                _percent(w, f.service_uptake),
                _percent(w, f.growth),
            )
            for label, m, f in zip(labels, ledger, figures, strict=True)
        ),
        "no_ledger",
    )
    illustrative = sum(1 for m in ledger if m.illustrative)
    first, last = ledger[0], ledger[-1]
    return LedgerChart(
        title=w.t("ledger_title"),
        summary=w.t(
            "ledger_summary",
            points=w.n(
                "ledger_points",
                len(ledger),
                first=w.number(first.registered),
                last=w.number(last.registered),
            ),
            illustrative=w.n("illustrative_points", illustrative),
        ),
        legend=(w.t("registered"), w.t("paying_members"), w.t("illustrative")),
        points=tuple(
            LedgerPoint(
                label=w.t("undated") if m.as_of is None else str(m.as_of.year),
                registered=m.registered,
                paying=m.paying_members,
                illustrative=m.illustrative,
            )
            for m in ledger
        ),
        table=table,
    )


def _traceability(w: _Writer) -> Table:
    from compagnonnage.results import traceability

    rows = []
    for row in traceability(w.p):
        findings = w.listing(w.finding(f) for f in row.finding_ids)
        actions = w.listing(row.action_ids)
        tracked = row.indicators or (None,)
        for t in tracked:
            value = "—"
            if t is not None and t.latest is not None and t.latest.value is not None:
                value = f"{w.number(t.latest.value)} ({w.date(t.latest.on)})"
            rows.append(
                (
                    findings,
                    f"{row.recommendation_id} — {row.statement}",
                    actions,
                    "—" if t is None else f"{t.indicator_id} — {t.title}",
                    value,
                )
            )
    return _table(
        w,
        "traceability_caption",
        ("findings", "recommendation", "actions", "indicator", "latest"),
        rows,
        "no_recommendations",
    )


def _results(w: _Writer) -> Section:
    return Section(
        anchor="results",
        title=w.t("results"),
        blocks=(_indicator_table(w),),
        sections=(
            Section(anchor="follow-up", title=w.t("follow_up"), blocks=(_follow_up_chart(w),)),
            Section(anchor="ledger", title=w.t("ledger"), blocks=(_ledger_chart(w),)),
            Section(anchor="traceability", title=w.t("traceability"), blocks=(_traceability(w),)),
        ),
    )


def _amount(w: _Writer, price: Decimal, currency: str | None) -> str:
    """A price in its currency (``1 500 000 F CFA``), or as a number when it has none."""
    return w.number(price) if not currency else format_money(price, currency, w.lang)


def _price(w: _Writer, pricing: Pricing) -> str:
    if pricing.mode is PricingMode.INCLUDED_IN_DUES:
        return enum_label(pricing.mode, w.lang)
    parts = [
        w.t(key, price=_amount(w, price, pricing.currency))
        for key, price in (
            ("member_price", pricing.member_price),
            ("non_member_price", pricing.non_member_price),
        )
        if price is not None
    ]
    return w.listing(parts) if parts else enum_label(pricing.mode, w.lang)


def _offer(w: _Writer) -> Section:
    services = [
        s
        for a in w.p.accompaniment.actions
        if isinstance(a, ServiceOfferDesign) and a.offer is not None
        for s in a.offer.services
    ]
    table = _table(
        w,
        "offer",
        ("service", "domain", "pricing", "recommendation"),
        (
            (
                s.label,
                term(f"domain.{s.domain.code}", w.lang),
                _price(w, s.pricing),
                "—" if s.recommendation_id is None else w.finding(s.recommendation_id),
            )
            for s in services
        ),
        "no_offer",
    )
    return Section(anchor="offer", title=w.t("offer"), blocks=(table,))


def _rules(w: _Writer, report: Report) -> Section:
    summary = w.t("no_violations") if not report.violations else _rule_counts(w, report)
    table = _table(
        w,
        "violations",
        ("code", "severity", "subjects", "message"),
        (
            (v.code, enum_label(v.severity, w.lang), ", ".join(v.subjects), v.message(w.lang))
            for v in report.violations
        ),
        "no_violations",
    )
    blocks: tuple[Block, ...] = (
        (Paragraph(text=summary), table) if report.violations else (Paragraph(text=summary),)
    )
    return Section(anchor="rules", title=w.t("rules"), blocks=blocks)


def _history(w: _Writer) -> Section:
    rows = (
        (
            w.date(e.at.date()),
            enum_label(e.operation, w.lang),
            w.optional(e.subject),
            w.person(e.by),
            stage_label(e.to_stage, w.lang)
            if e.to_stage is e.from_stage
            else f"{stage_label(e.from_stage, w.lang)} → {stage_label(e.to_stage, w.lang)}",
            w.optional(e.reason),
        )
        for e in w.p.history
    )
    table = _table(
        w, "history", ("date", "operation", "subject", "by", "stage", "reason"), rows, "no_history"
    )
    return Section(anchor="history", title=w.t("history"), blocks=(table,))


def build_report(
    programme: Programme,
    *,
    lang: Lang,
    rule_report: Report | None = None,
    modules: Iterable[DiagnosticModule] = (),
    results: Iterable[DiagnosticResult] = (),
    trade_names: Mapping[TradeRef, str] | None = None,
) -> ReportDocument:
    """The report of ``programme`` in ``lang``: any language of :func:`~compagnonnage.i18n.languages`.

    :param rule_report: the rule report to show; the core rules are checked when
        it is not given (pass the plugin manager's ``check`` to include plugin rules).
    :param modules: the diagnostic modules, which name the dimensions of the
        capacity scores and give their scale (ids are shown otherwise).
    :param results: results of scoring collected answers
        (:func:`compagnonnage.diagnostics.score`), shown with each dimension's
        levels per group, the divergence between respondents and the findings
        they suggest.
    :param trade_names: names of trades, as the installed nomenclatures know them.
    """
    w = _Writer(programme, lang, trade_names or {}, modules)
    report = rule_report if rule_report is not None else check(programme)
    return ReportDocument(
        lang=lang,
        title=programme.title,
        subtitle=w.t("subtitle"),
        contents_label=w.t("contents"),
        sections=(
            _summary(w, report),
            _body(w),
            _team(w),
            _timeline(w),
            _preparation(w),
            _diagnostic(w, tuple(results)),
            _accompaniment(w),
            _offer(w),
            _results(w),
            _rules(w, report),
            _history(w),
        ),
        footer=w.t("footer", version=__version__),
    )
