"""The portfolio report: one page over many programmes (``compagnonnage portfolio DIR``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from attrs import frozen

from compagnonnage import __version__
from compagnonnage._i18n import Lang, _, _p, stage_label
from compagnonnage._locale import format_number, format_percent
from compagnonnage.model import Membership, Programme, Stage
from compagnonnage.reports._model import Facts, ReportDocument, Section, Table

_TEXT = {
    "title": _("Programme portfolio"),
    "subtitle": _("Every compagnonnage consulaire programme in a folder"),
    "contents": _("Contents"),
    "footer": _("Report produced by compagnonnage {version}."),
    "summary": _p("report heading", "Summary"),
    "documents": _("Documents"),
    "read": _("Programmes read"),
    "unreadable": _("Unreadable documents"),
    "by_stage": _("By stage"),
    "indicators": _("Indicators on / off track"),
    "programmes": _("Programmes"),
    "programmes_caption": _("Each programme: beneficiary, stage, blockers, indicators, membership"),
    "programme": _("Programme"),
    "body": _("Beneficiary"),
    "country": _("Country"),
    "stage": _("Stage"),
    "blocked_by": _("What blocks the next stage"),
    "on_track": _("On track"),
    "off_track": _("Off track"),
    "trend": _("Membership (registered)"),
    "ready": _("ready"),
    "no_programme": _("No readable programme."),
    "problems": _("Unreadable documents"),
    "problems_caption": _("Documents refused, and why"),
    "file": _("File"),
    "problem": _("Problem"),
    "no_problem": _("Every document was read."),
}


@frozen(kw_only=True)
class PortfolioEntry:
    """What the portfolio keeps of one document: a row's worth, not the programme itself
    (a folder of a thousand programmes is never held in memory at once).

    Made by :func:`summarise`, or with only ``path`` and ``problem`` for a
    document that could not be read.
    """

    path: str
    problem: str | None = None
    programme_id: str = ""
    title: str = ""
    body: str = ""
    country: str = ""
    stage: Stage = Stage.DRAFT
    blocking: tuple[str, ...] = ()
    on_track: int = 0
    off_track: int = 0
    ledger: tuple[Membership, ...] = ()


def summarise(path: str, programme: Programme, blocking: Iterable[str]) -> PortfolioEntry:
    """The row of ``programme``; ``blocking``: the codes of the rules that refuse its next
    stage change (:meth:`~compagnonnage.lifecycle.Lifecycle.blocking_codes`)."""
    from compagnonnage.results import progress

    states = [progress(i, programme.results).on_track for i in programme.results.indicators]
    return PortfolioEntry(
        path=path,
        programme_id=programme.id,
        title=programme.title,
        body=programme.beneficiary.name,
        country=programme.beneficiary.country,
        stage=programme.stage,
        blocking=tuple(sorted(set(blocking))),
        on_track=sum(1 for s in states if s is True),
        off_track=sum(1 for s in states if s is False),
        ledger=tuple(m for m in programme.beneficiary.ledger if m.as_of is not None),
    )


def _trend(ledger: tuple[Membership, ...], lang: Lang) -> str:
    """The latest registered figure, and its change since the first dated point."""
    dated = [(m.as_of, m) for m in ledger if m.as_of is not None]
    if not dated:
        return "—"
    (start, first), (end, last) = dated[0], dated[-1]
    text = f"{format_number(last.registered, lang)} ({end.year}{' *' if last.illustrative else ''})"
    if len(dated) > 1 and first.registered > 0:
        change = (last.registered - first.registered) / first.registered
        text += f", {'+' if change >= 0 else ''}{format_percent(change, lang)} / {start.year}"
    return text


def build_portfolio(entries: Sequence[PortfolioEntry], *, lang: Lang) -> ReportDocument:
    """The portfolio of ``entries`` in ``lang``: a summary, a row per programme, the refusals."""

    def t(key: str) -> str:
        return _TEXT[key](lang)

    # The same few stages and small counts recur on every row: each is worded once.
    @cache
    def count(n: int) -> str:
        return format_number(n, lang)

    @cache
    def stage_name(stage: Stage) -> str:
        return stage_label(stage, lang)

    read = [e for e in entries if e.problem is None]
    ready = t("ready")
    rows = []
    for e in read:
        blocked = "—" if e.stage is Stage.CLOSED else (", ".join(e.blocking) or ready)
        rows.append(
            (
                f"{e.title} ({e.programme_id})",
                e.body,
                e.country,
                stage_name(e.stage),
                blocked,
                count(e.on_track),
                count(e.off_track),
                _trend(e.ledger, lang),
            )
        )
    on_total = sum(e.on_track for e in read)
    off_total = sum(e.off_track for e in read)
    stages = Counter(e.stage for e in read)
    by_stage = ", ".join(
        f"{stage_label(stage, lang)} {format_number(n, lang)}"
        for stage, n in sorted(stages.items(), key=lambda x: x[0].rank)
    )
    summary = Facts(
        items=(
            (t("documents"), format_number(len(entries), lang)),
            (t("read"), format_number(len(read), lang)),
            (t("unreadable"), format_number(len(entries) - len(read), lang)),
            (t("by_stage"), by_stage or "—"),
            (
                t("indicators"),
                f"{format_number(on_total, lang)} / {format_number(off_total, lang)}",
            ),
        )
    )
    headers = (
        "programme",
        "body",
        "country",
        "stage",
        "blocked_by",
        "on_track",
        "off_track",
        "trend",
    )
    programmes = Table(
        caption=t("programmes_caption"),
        headers=tuple(t(h) for h in headers),
        rows=tuple(rows),
        empty=t("no_programme"),
    )
    problems = Table(
        caption=t("problems_caption"),
        headers=(t("file"), t("problem")),
        rows=tuple((e.path, e.problem) for e in entries if e.problem is not None),
        empty=t("no_problem"),
    )
    return ReportDocument(
        lang=lang,
        title=t("title"),
        subtitle=t("subtitle"),
        contents_label=t("contents"),
        sections=(
            Section(anchor="summary", title=t("summary"), blocks=(summary,)),
            Section(anchor="programmes", title=t("programmes"), blocks=(programmes,)),
            Section(anchor="problems", title=t("problems"), blocks=(problems,)),
        ),
        footer=t("footer").format(version=__version__),
    )
