"""The portfolio report: one page over many programmes (``compagnonnage portfolio DIR``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from compagnonnage import __version__
from compagnonnage._i18n import Lang, Message, format_number, stage_label
from compagnonnage.model import Programme, Stage
from compagnonnage.reports._model import Facts, ReportDocument, Section, Table
from compagnonnage.rules import Violation

_TEXT = {
    "title": Message("Portefeuille de programmes", "Programme portfolio"),
    "subtitle": Message(
        "Tous les programmes de compagnonnage consulaire d'un dossier",
        "Every compagnonnage consulaire programme in a folder",
    ),
    "contents": Message("Sommaire", "Contents"),
    "footer": Message(
        "Rapport produit par compagnonnage {version}.",
        "Report produced by compagnonnage {version}.",
    ),
    "summary": Message("Synthèse", "Summary"),
    "documents": Message("Documents", "Documents"),
    "read": Message("Programmes lus", "Programmes read"),
    "unreadable": Message("Documents illisibles", "Unreadable documents"),
    "by_stage": Message("Par étape", "By stage"),
    "indicators": Message("Indicateurs en bonne voie / en retard", "Indicators on / off track"),
    "programmes": Message("Programmes", "Programmes"),
    "programmes_caption": Message(
        "Chaque programme : bénéficiaire, étape, blocages, indicateurs, effectifs",
        "Each programme: beneficiary, stage, blockers, indicators, membership",
    ),
    "programme": Message("Programme", "Programme"),
    "body": Message("Bénéficiaire", "Beneficiary"),
    "country": Message("Pays", "Country"),
    "stage": Message("Étape", "Stage"),
    "blocked_by": Message("Ce qui bloque l'étape suivante", "What blocks the next stage"),
    "on_track": Message("En bonne voie", "On track"),
    "off_track": Message("En retard", "Off track"),
    "trend": Message("Effectifs (inscrits)", "Membership (registered)"),
    "ready": Message("prêt", "ready"),
    "no_programme": Message("Aucun programme lisible.", "No readable programme."),
    "problems": Message("Documents illisibles", "Unreadable documents"),
    "problems_caption": Message("Documents refusés et pourquoi", "Documents refused, and why"),
    "file": Message("Fichier", "File"),
    "problem": Message("Problème", "Problem"),
    "no_problem": Message("Tous les documents ont été lus.", "Every document was read."),
}


@frozen(kw_only=True)
class PortfolioEntry:
    """One document of the folder: its programme and what blocks its next stage, or why it
    could not be read (``problem``)."""

    path: str
    programme: Programme | None = None
    blocking: tuple[Violation, ...] = ()
    problem: str | None = None


def _trend(p: Programme, lang: Lang) -> str:
    """The latest registered figure, and its change since the first dated point."""
    dated = [(m.as_of, m) for m in p.beneficiary.ledger if m.as_of is not None]
    if not dated:
        return "—"
    (start, first), (end, last) = dated[0], dated[-1]
    text = f"{format_number(last.registered, lang)} ({end.year}{' *' if last.illustrative else ''})"
    if len(dated) > 1 and first.registered > 0:
        change = round((last.registered - first.registered) * 100 / first.registered)
        text += f", {'+' if change >= 0 else ''}{format_number(change, lang)}\u00a0% / {start.year}"
    return text


def _tracks(p: Programme) -> tuple[int, int]:
    from compagnonnage.results import progress

    states = [progress(i, p.results).on_track for i in p.results.indicators]
    return sum(1 for s in states if s is True), sum(1 for s in states if s is False)


def build_portfolio(entries: Sequence[PortfolioEntry], *, lang: Lang) -> ReportDocument:
    """The portfolio of ``entries`` in ``lang``: a summary, a row per programme, the refusals."""

    def t(key: str) -> str:
        return _TEXT[key](lang)

    read = [e for e in entries if e.programme is not None]
    rows = []
    on_total = off_total = 0
    for e in read:
        p = e.programme
        assert p is not None
        on, off = _tracks(p)
        on_total, off_total = on_total + on, off_total + off
        if p.stage is Stage.CLOSED:
            blocked = "—"
        else:
            blocked = ", ".join(sorted({v.code for v in e.blocking})) or t("ready")
        rows.append(
            (
                f"{p.title} ({p.id})",
                p.beneficiary.name,
                p.beneficiary.country,
                stage_label(p.stage, lang),
                blocked,
                str(on),
                str(off),
                _trend(p, lang),
            )
        )
    stages = Counter(e.programme.stage for e in read if e.programme is not None)
    by_stage = ", ".join(
        f"{stage_label(stage, lang)} {n}"
        for stage, n in sorted(stages.items(), key=lambda x: x[0].rank)
    )
    summary = Facts(
        items=(
            (t("documents"), str(len(entries))),
            (t("read"), str(len(read))),
            (t("unreadable"), str(len(entries) - len(read))),
            (t("by_stage"), by_stage or "—"),
            (t("indicators"), f"{on_total} / {off_total}"),
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
        rows=tuple((e.path, e.problem or "") for e in entries if e.programme is None),
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
