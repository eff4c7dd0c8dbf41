"""The HTML report: self-contained, semantic and accessible, in the report's language."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from html.parser import HTMLParser

import attrs
import pytest

from compagnonnage._i18n import Lang
from compagnonnage.diagnostics import DiagnosticModule
from compagnonnage.model import Programme
from compagnonnage.reports import build_report, to_html


class _Page(HTMLParser):
    """Every start tag with its attributes, the tag path of each, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in {"meta", "line", "rect", "br"}:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs), tuple(self.stack)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def named(self, tag: str) -> list[tuple[dict[str, str | None], tuple[str, ...]]]:
        return [(a, path) for t, a, path in self.tags if t == tag]


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _chart(html: str, ident: str) -> _Page:
    """The SVG chart ``ident`` of the page, parsed on its own."""
    start = html.index(f'<svg xmlns="http://www.w3.org/2000/svg" id="{ident}"')
    return _page(html[start : html.index("</svg>", start) + len("</svg>")])


@pytest.fixture(scope="module", params=["en", "fr", "pt"])
def html(
    request: pytest.FixtureRequest, example: Programme, modules: tuple[DiagnosticModule, ...]
) -> str:
    lang: Lang = request.param
    return to_html(build_report(example, lang=lang, modules=modules))


def test_page_declares_its_language_and_encoding(html: str) -> None:
    page = _page(html)
    ((root, _),) = page.named("html")
    assert root["lang"] in {"en", "fr", "pt"}
    assert any(a.get("charset") == "utf-8" for a, _ in page.named("meta"))
    assert html.startswith("<!DOCTYPE html>")


def test_page_needs_no_network_and_no_script(html: str) -> None:
    page = _page(html)
    assert not page.named("script")
    assert not page.named("link")
    assert not page.named("img")
    urls = set(re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", html))
    assert all(u.startswith("#") for u in urls), urls
    assert "url(" not in html
    assert "@import" not in html
    csp = [a for a, _ in page.named("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp
    assert "default-src 'none'" in (csp[0]["content"] or "")


def test_page_prints_on_a4(html: str) -> None:
    assert "@page { size: A4;" in html
    assert "@media print" in html


def test_headings_form_an_outline(html: str) -> None:
    page = _page(html)
    levels = [int(t[1]) for t, _, _ in page.tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    anchors = {a["id"] for a, _ in page.named("h2")} | {a["id"] for a, _ in page.named("h3")}
    links = {a["href"] for a, path in page.named("a") if "nav" in path}
    assert links
    assert {h.lstrip("#") for h in links if h} <= anchors


def test_every_table_has_a_caption_and_scoped_headers(html: str) -> None:
    page = _page(html)
    tables = page.named("table")
    assert len(tables) >= 8
    assert len(page.named("caption")) == len(tables)
    heads = page.named("th")
    assert heads
    assert all(a.get("scope") in {"col", "row"} for a, _ in heads)
    assert all("thead" in path for a, path in heads if a["scope"] == "col")


def test_charts_have_text_alternatives(html: str) -> None:
    page = _page(html)
    svgs = [a for a, _ in page.named("svg")]
    assert {a["id"] for a in svgs} == {
        "timeline-chart",
        "capacity-chart",
        "follow-up-chart",
        "ledger-chart",
    }
    for svg in svgs:
        assert svg["role"] == "img"
        title_id, desc_id = (svg["aria-labelledby"] or "").split()
        assert f'<title id="{title_id}">' in html
        assert f'<desc id="{desc_id}">' in html
        assert int(svg["width"] or 0) > 0
        assert int(svg["height"] or 0) > 0
    figure_paths = [path for a, path in page.named("svg")]
    assert all("figure" in path for path in figure_paths)


def test_capacity_chart_draws_current_and_desired_levels(
    example: Programme, modules: tuple[DiagnosticModule, ...]
) -> None:
    from compagnonnage.model import CapacityScore

    scores = (
        CapacityScore(module_id="consular-chamber", dimension_id="finances", level=1, desired=3),
        CapacityScore(module_id="consular-chamber", dimension_id="staff", level=3),
    )
    programme = attrs.evolve(example, diagnostic=attrs.evolve(example.diagnostic, scores=scores))
    html = to_html(build_report(programme, lang="en", modules=modules))
    page = _chart(html, "capacity-chart")
    current = [a for a, _ in page.named("rect") if a.get("class") == "current"]
    desired = [a for a, _ in page.named("rect") if a.get("class") == "desired"]
    assert len(current) == 2
    assert len(desired) == 1
    assert float(desired[0]["width"] or 0) == pytest.approx(3 * float(current[0]["width"] or 0))
    assert "Financial resources" in html
    assert "Human resources" in html


def test_text_is_escaped(example: Programme) -> None:
    programme = attrs.evolve(example, title='<script>alert("x")</script> & co')
    html = to_html(build_report(programme, lang="fr"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html


def test_an_empty_draft_renders_with_its_empty_states(example: Programme) -> None:
    body = attrs.evolve(example.beneficiary, ledger=())
    draft = Programme.draft(id="p-1", title="Brouillon", beneficiary=body)
    html = to_html(build_report(draft, lang="fr"))
    page = _page(html)
    text = "".join(page.text)
    assert "Aucune date enregistrée" in text
    assert "Aucune action d'accompagnement." in text
    assert "Aucun indicateur défini." in text
    assert "Aucun effectif enregistré." in text
    assert "Aucune évaluation de suivi comparable au diagnostic." in text
    assert not page.named("svg")
    assert dt.date.today().isoformat() not in html


def test_ledger_chart_draws_one_bar_per_point_and_dashes_the_illustrative(
    example: Programme,
) -> None:
    html = to_html(build_report(example, lang="en"))
    page = _page(html)
    rects = [a for a, _ in page.named("rect")]
    registered = [a for a in rects if a.get("class") == "registered"]
    paying = [a for a in rects if a.get("class") == "paying"]
    ledger = example.beneficiary.ledger
    assert len(registered) == len(ledger)
    assert len(paying) == sum(1 for m in ledger if m.paying_members is not None)
    dashed = [a.get("stroke-dasharray") is not None for a in registered]
    assert dashed == [m.illustrative for m in ledger]
    heights = [float(a["height"] or 0) for a in registered]
    ratio = heights[-1] / ledger[-1].registered
    for height, m in zip(heights, ledger, strict=True):
        assert height == pytest.approx(m.registered * ratio, abs=0.1)
    assert "2023 *" in html


def test_follow_up_chart_compares_the_diagnostic_with_the_latest_follow_up(
    example: Programme, modules: tuple[DiagnosticModule, ...]
) -> None:
    html = to_html(build_report(example, lang="fr", modules=modules))
    chart = html[
        html.index('id="follow-up-chart"') : html.index(
            "</svg>", html.index('id="follow-up-chart"')
        )
    ]
    page = _page("<svg " + chart + "</svg>")
    current = [a for a, _ in page.named("rect") if a.get("class") == "current"]
    later = [a for a, _ in page.named("rect") if a.get("class") == "desired"]
    follow_up = example.results.follow_ups[-1]
    assert len(current) == len(later) == len(follow_up.scores)
    unit = float(current[0]["width"] or 0) / example.diagnostic.scores[0].level
    for rect, score in zip(later, follow_up.scores, strict=True):
        assert float(rect["width"] or 0) == pytest.approx(score.level * unit, abs=0.1)
