"""A conformance check for plugin authors: :func:`check_plugin`, usable from any test runner.

>>> import compagnonnage_uemoa
>>> from compagnonnage.testing.conformance import check_plugin
>>> report = check_plugin(compagnonnage_uemoa, max_examples=5)
>>> report.ok
True

:func:`check_plugin` never raises for a faulty plugin: it returns a
:class:`ConformanceReport` holding every :class:`Failure` it found, each naming
the plugin as users see it (its entry-point name when it is installed), the
check and the problem (for what the plugin's code raised, the file and line),
with the smallest example hypothesis could shrink to. :meth:`ConformanceReport.assert_ok` raises
:class:`ConformanceError` (an :class:`AssertionError` too, so every runner
counts it as a failed test) listing them all.

The checks, in order (a plugin that does not load stops after the first two):

1. ``hooks`` (failures named ``hook <name>``): each ``compagnonnage_*``
   attribute and each ``@hookimpl``, registered alone on a fresh manager: a known hook, marked, parameters the
   spec offers and without defaults, no wrapper, and (registration hooks)
   registering objects of the right type without raising;
2. ``load``: the whole plugin on a fresh manager (entry points off), with the
   plugins it ``requires``; with ``beside_installed=True``, then ``clashes``:
   the plugin beside every installed plugin, each id it shares with one of them;
3. ``references``: what it registered refers to what exists: module and
   service trades to registered nomenclatures, remedies' services to
   registered catalogues, region profiles to registered nomenclatures;
4. ``documents``: the questions of its modules, and programmes carrying its
   trades, capacity scores from its modules and service offers from its
   catalogues (generated, after the other checks), are written and read back
   equal through a converter from :func:`~compagnonnage.documents.make_converter`;
5. ``module <id>``: each module scores generated answers without raising, every
   level on the module's scale, every answer kept as evidence, the same result
   twice (a plugin's own question kind is answered with booleans, numbers and
   words, those it accepts);
6. ``rule <code>``: each rule, on generated programmes, yields
   :class:`~compagnonnage.rules.Breach` objects whose text is a message that
   renders, non-blank, in every language of the library and of the message's
   catalogue, without raising, the same twice;
7. ``compagnonnage_recommend_support`` (a plugin with the hook or with
   modules, whose remedies the host proposes): on generated programmes, half of
   them with a recommendation citing a dimension of the plugin's modules, its
   candidates come without failure, name registered modules, dimensions and
   services, the same twice;
8. ``compagnonnage_stage_changed``: told of generated programmes' last history
   entry, it does not raise.

Examples are generated with hypothesis (``derandomize=True``: the same plugin
gives the same report) and shrunk with :func:`hypothesis.find`.
"""

from __future__ import annotations

import types
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

import attrs
from attrs import frozen
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from compagnonnage._i18n import SOURCE_LANGUAGE, Lang, Message, _, _n, languages
from compagnonnage.catalogue import ServiceCatalogue, design_service_offer
from compagnonnage.diagnostics import (
    Answer,
    ChoiceQuestion,
    DiagnosticModule,
    NumberQuestion,
    Question,
    Respondent,
    RespondentGroup,
    Scale,
    TextQuestion,
    YesNoQuestion,
    finding_id,
)
from compagnonnage.documents import DocumentConverter, dumps, loads, make_converter
from compagnonnage.errors import InvalidValueError
from compagnonnage.model import (
    Accompaniment,
    CapacityScore,
    IssueSeverity,
    MajorIssue,
    Modality,
    Programme,
    Recommendation,
    Stage,
    TradeRef,
)
from compagnonnage.plugins import GROUP, PluginError, PluginManager, PluginWarning, hookspecs
from compagnonnage.plugins._discovery import entry_points
from compagnonnage.plugins._guard import Origin, location
from compagnonnage.plugins._manager import build_manager, entry_point_of
from compagnonnage.plugins.hookspecs import PROJECT
from compagnonnage.rules import Breach, Rule
from compagnonnage.testing.strategies import programmes

__all__ = ["ConformanceError", "ConformanceReport", "Failure", "check_plugin"]

T = TypeVar("T")

_PREFIX = f"{PROJECT}_"
_MARK = f"{PROJECT}_impl"
_RECOMMEND = hookspecs.compagnonnage_recommend_support.__name__
_STAGE_CHANGED = hookspecs.compagnonnage_stage_changed.__name__
_SHOWN = 1200
# Small programmes: hooks read content, not volume, and small examples shrink fast.
_SIZES: dict[str, Any] = {"max_experts": 3, "max_missions": 2, "max_findings": 3, "max_actions": 3}
_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@frozen(kw_only=True)
class Failure:
    """One way a plugin fails a check.

    :ivar plugin: the plugin's name as users see it: its entry-point name when
        it is installed, else its ``__name__``.
    :ivar check: the check that failed (``"load"``, ``"module food-trades"`` …).
    :ivar problem: what is wrong and what was expected, a message
        (``failure.problem("fr")``).
    :ivar example: the minimal example found, shown as text (``None`` when the
        failure needs no example).
    """

    plugin: str
    """The plugin's name."""
    check: str
    """The check that failed (``"load"``, ``"module food-trades"``…)."""
    problem: Message
    """What is wrong and what was expected."""
    example: str | None = None
    """The minimal example found, as text; ``None`` when none is needed."""

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """The failure in ``lang``: the plugin, the check, the problem, the example if any."""
        head = _(
            'plugin "{plugin}" [{check}]: {problem}',
            plugin=self.plugin,
            check=self.check,
            problem=self.problem,
        )(lang)
        if self.example is None:
            return head
        return head + "\n    " + _("minimal example: {example}", example=self.example)(lang)

    def __str__(self) -> str:
        return self.message()


class ConformanceError(PluginError, AssertionError):
    """A plugin failed :func:`check_plugin`; the message lists every failure.

    :ivar report: the :class:`ConformanceReport`.
    """

    def __init__(self, report: ConformanceReport) -> None:
        self.report = report
        n = len(report.failures)
        super().__init__(
            report.plugin,
            _n(
                "{count} conformance failure; expected none",
                "{count} conformance failures; expected none",
                n,
                count=n,
            ),
        )

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """The error in ``lang``, then each failure on a line of its own."""
        lines = "".join(f"\n  - {f.message(lang)}" for f in self.report.failures)
        return super().message(lang) + lines


@frozen(kw_only=True)
class ConformanceReport:
    """What :func:`check_plugin` found.

    :ivar plugin: the plugin's name as users see it.
    :ivar checks: the checks that ran, in order.
    :ivar failures: every failure, in check order.
    """

    plugin: str
    """The plugin's name."""
    checks: tuple[str, ...]
    """The checks that ran, in order."""
    failures: tuple[Failure, ...]
    """Every failure, in check order."""

    @property
    def ok(self) -> bool:
        """Whether the plugin passed every check."""
        return not self.failures

    def assert_ok(self) -> None:
        """Raise :class:`ConformanceError` listing every failure, if there is one."""
        if self.failures:
            raise ConformanceError(self)

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """The report in ``lang``: the verdict, then each failure on a line of its own."""
        checks, n = len(self.checks), len(self.failures)
        if self.ok:
            head = _n(
                'plugin "{plugin}": {count} check, conforms',
                'plugin "{plugin}": {count} checks, conforms',
                checks,
                plugin=self.plugin,
                count=checks,
            )
        else:
            head = _n(
                'plugin "{plugin}": {checks} checks, {count} failure',
                'plugin "{plugin}": {checks} checks, {count} failures',
                n,
                plugin=self.plugin,
                checks=checks,
                count=n,
            )
        return "\n".join([head(lang), *(f"  - {f.message(lang)}" for f in self.failures)])

    def __str__(self) -> str:
        return self.message()


# -- showing examples ----------------------------------------------------------------


def _clip(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN] + " …"


def _show_programme(p: Programme) -> str:
    trades = ", ".join(str(t) for t in p.scope.trades) or "none"
    d = p.diagnostic
    return (
        f"programme {p.id!r} at stage {p.stage.value}, scope trades {trades}, "
        f"{len(d.issues)} issue(s), {len(d.recommendations)} recommendation(s), "
        f"{len(d.scores)} score(s), {len(p.accompaniment.actions)} action(s)"
    )


def _show_answers(sample: tuple[tuple[Answer, ...], Mapping[str, int]]) -> str:
    answers, desired = sample
    shown = "; ".join(
        f"{a.respondent.id} ({a.respondent.group.value}) {a.question_id}={a.value!r}"
        for a in answers
    )
    return _clip(f"answers [{shown}], desired {dict(desired)}")


# -- the search for a minimal failing example ------------------------------------------


@frozen
class _Search:
    """Runs hypothesis' search for a failing example with the settings of one check."""

    settings: settings

    def minimal(
        self, strategy: st.SearchStrategy[T], problem: Callable[[T], Message | None]
    ) -> tuple[T, Message] | None:
        """The smallest example ``problem`` finds fault with, and the fault; ``None`` if none."""
        try:
            example = find(strategy, lambda x: problem(x) is not None, settings=self.settings)
        except NoSuchExample:
            return None
        return example, problem(example) or _("fails intermittently (flaky)")


def _raised(exc: BaseException) -> Message:
    """What plugin code raised, briefly, with the file and line where it did."""
    said = _clip(f"{type(exc).__name__}: {exc}")
    at = location(exc)
    if at is None:
        return _("raised {exception}", exception=said)
    return _("raised {exception} ({location})", exception=said, location=at)


def _guarded(check: Callable[[T], Message | None]) -> Callable[[T], Message | None]:
    def run(example: T) -> Message | None:
        try:
            return check(example)
        except PluginError as error:
            return error.problem
        except Exception as exc:
            return _raised(exc)

    return run


# -- generated answers -----------------------------------------------------------------


# Answers to a plugin's own question kind: any answer value, kept when the question accepts
# it; round numbers first, where scales and percentages have their edges.
_ANY_VALUE = st.one_of(
    st.booleans(),
    st.sampled_from([0, 1, 5, 10, 25, 50, 75, 100, 1000]),
    st.integers(-10, 10**6),
    st.decimals(min_value=-10, max_value=10**6, places=2),
    _WORDS,
)


def _values(question: Question) -> st.SearchStrategy[Any] | None:
    """Answers ``question`` accepts, or ``None`` for a plugin's kind (see :data:`_ANY_VALUE`)."""
    if isinstance(question, YesNoQuestion):
        return st.booleans()
    if isinstance(question, ChoiceQuestion):
        return st.sampled_from([c.id for c in question.choices])
    if isinstance(question, NumberQuestion):
        edges = [t + d for t in question.thresholds for d in (Decimal(-1), Decimal(0))]
        return st.sampled_from(edges) | st.integers(-1000, 10**6)
    if isinstance(question, TextQuestion):
        return _WORDS
    return None


def _refuses(question: Question, scale: Scale, value: object) -> bool:
    """Whether ``question`` refuses ``value`` as an answer (anything else it does is checked later)."""
    try:
        question.level_of(value, scale)
    except InvalidValueError:
        return True
    except Exception:
        return False  # scoring raises it again, and the check reports it
    return False


def _answers(
    module: DiagnosticModule,
) -> st.SearchStrategy[tuple[tuple[Answer, ...], Mapping[str, int]]]:
    asked = [(q, _values(q)) for q in module.questions]

    @st.composite
    def draw_answers(draw: st.DrawFn) -> tuple[tuple[Answer, ...], Mapping[str, int]]:
        answers: list[Answer] = []
        for _respondent in range(draw(st.integers(1, 4))):
            # Numbered among those who answered, so that a shrunk example starts at r0.
            who = Respondent(
                id=f"r{len({a.respondent.id for a in answers})}",
                group=draw(st.sampled_from(tuple(RespondentGroup))),
            )
            for question, values in asked:
                if draw(st.booleans()):
                    value = draw(_ANY_VALUE if values is None else values)
                    if values is None and _refuses(question, module.scale, value):
                        continue
                    note = draw(st.none() | _WORDS)
                    answers.append(
                        Answer(respondent=who, question_id=question.id, value=value, note=note)
                    )
        levels = st.sampled_from(tuple(module.scale.levels))
        desired = {d.id: draw(levels) for d in module.dimensions if draw(st.booleans())}
        return tuple(answers), desired

    return draw_answers()


def _scoring_problem(
    pm: PluginManager,
    module: DiagnosticModule,
    sample: tuple[tuple[Answer, ...], Mapping[str, int]],
) -> Message | None:
    answers, desired = sample
    result = pm.score(module, answers, desired=desired)
    if pm.score(module, answers, desired=desired) != result:
        return _("scoring the same answers twice gave different results; expected the same")
    scale = module.scale
    for d in result.dimensions:
        where = repr(d.dimension.id)
        levels = [d.level, *d.by_group.values(), *d.by_respondent.values()]
        off = [level for level in levels if level is not None and level not in scale]
        if off:
            return _(
                "dimension {dimension}: level {level} is off the scale; expected {low}-{high}",
                dimension=where,
                level=off[0],
                low=scale.low,
                high=scale.high,
            )
        given = sorted(
            (a.respondent.id, a.question_id, repr(a.value), a.note or "")
            for a in answers
            if module.question(a.question_id).dimension_id == d.dimension.id
        )
        kept = sorted(
            (e.respondent_id, e.question_id, repr(e.value), e.note or "") for e in d.evidence
        )
        if given != kept:
            return _n(
                "dimension {dimension}: {count} answer but {kept} kept as evidence; expected all",
                "dimension {dimension}: {count} answers but {kept} kept as evidence; expected all",
                len(given),
                dimension=where,
                count=len(given),
                kept=len(kept),
            )
        recorded = d.to_score()
        if recorded is not None and len(recorded.evidence) != len(d.evidence):
            return _n(
                "dimension {dimension}: its capacity score keeps {kept} of {count} piece "
                "of evidence",
                "dimension {dimension}: its capacity score keeps {kept} of {count} pieces "
                "of evidence",
                len(d.evidence),
                dimension=where,
                kept=len(recorded.evidence),
                count=len(d.evidence),
            )
    for lang in languages():
        found = result.findings(lang)
        ids = [f.id for f in (*found.issues, *found.practices, *found.recommendations)]
        if len(set(ids)) != len(ids):
            return _("suggested findings ({lang}) repeat ids: {ids}", lang=lang, ids=", ".join(ids))
    return None


# -- generated programmes ----------------------------------------------------------------


@frozen(kw_only=True)
class _Contributions:
    """What one plugin registered, read back from the manager."""

    name: str
    pm: PluginManager
    modules: tuple[DiagnosticModule, ...]
    catalogues: tuple[ServiceCatalogue, ...]
    rules: tuple[Rule, ...]
    trades: tuple[TradeRef, ...]
    hooks: frozenset[str]
    registered: Mapping[str, tuple[str, ...]]
    services: frozenset[str]
    """The ids of every registered catalogue's services (the plugin's and others')."""
    converter: DocumentConverter | None

    @classmethod
    def of(
        cls, pm: PluginManager, name: str, converter: DocumentConverter | None
    ) -> _Contributions:
        info = next(i for i in pm.list_plugins() if i.name == name)
        mine = info.registered
        modules = tuple(m for m in pm.modules() if m.id in mine.get("module", ()))
        catalogues = tuple(c for c in pm.catalogues() if c.id in mine.get("catalogue", ()))
        own = {n.id for n in pm.nomenclatures() if n.id in mine.get("nomenclature", ())}
        trades = {ref for ref in pm.trades() if ref.nomenclature in own}
        trades.update(t for m in modules for t in m.trades)
        trades.update(t for c in catalogues for s in c.services for t in s.trades)
        return cls(
            name=name,
            pm=pm,
            modules=modules,
            catalogues=catalogues,
            rules=tuple(pm.rules()[code] for code in mine.get("rule", ())),
            trades=tuple(sorted(trades, key=str)),
            hooks=frozenset(info.hooks),
            registered=mine,
            services=frozenset(s.id for cat in pm.catalogues() for s in cat.services),
            converter=converter,
        )

    def programmes(self, stages: Sequence[Stage] = tuple(Stage)) -> st.SearchStrategy[Programme]:
        """Programmes at ``stages`` whose scope draws on the plugin's trades, if it has any."""
        scope = (
            st.lists(st.sampled_from(self.trades), min_size=1, max_size=3, unique=True).map(tuple)
            if self.trades
            else None
        )
        return programmes(stage=st.sampled_from(tuple(stages)), trades=scope, **_SIZES)


def _cited(c: _Contributions) -> st.SearchStrategy[tuple[str, str]]:
    """A module and dimension to cite: the plugin's own modules if it has any."""
    modules = c.modules or c.pm.modules()
    return st.sampled_from([(m.id, d.id) for m in modules for d in m.dimensions])


def _with_cited_finding(p: Programme, module_id: str, dimension_id: str) -> Programme:
    """``p`` with a major issue of a module's dimension and a recommendation citing it."""
    trade = p.scope.trades[0] if p.scope.trades else None
    issue = MajorIssue(
        id=finding_id(module_id, dimension_id, "issue"),
        statement="Constat généré",
        severity=IssueSeverity.HIGH,
        trade=trade,
    )
    rec = Recommendation(
        id=finding_id(module_id, dimension_id, "recommendation"),
        statement="Préconisation générée",
        cites=(issue.id,),
        trade=trade,
    )
    d = p.diagnostic
    diagnostic = attrs.evolve(
        d, issues=(*d.issues, issue), recommendations=(*d.recommendations, rec)
    )
    return attrs.evolve(p, diagnostic=diagnostic)


def _recommendations(c: _Contributions) -> st.SearchStrategy[tuple[Programme, str]]:
    @st.composite
    def draw_case(draw: st.DrawFn) -> tuple[Programme, str]:
        p = draw(c.programmes((Stage.ACCOMPANIMENT, Stage.CLOSED)))
        if draw(st.booleans()):
            p = _with_cited_finding(p, *draw(_cited(c)))
            return p, p.diagnostic.recommendations[-1].id
        return p, draw(st.sampled_from([r.id for r in p.diagnostic.recommendations]))

    return draw_case()


def _recommend_problem(c: _Contributions, case: tuple[Programme, str]) -> Message | None:
    p, rec_id = case
    results = []
    for _twice in range(2):
        try:
            result = c.pm.recommend(p, rec_id)
        except PluginError as error:
            if error.plugin != c.name:
                return None
            return error.problem
        results.append(tuple(r.candidate for r in result.candidates if r.plugin == c.name))
    first, second = results
    if first != second:
        return _(
            "the same programme and recommendation gave different candidates; expected the same"
        )
    modules = {m.id: m for m in c.pm.modules()}
    for cand in first:
        unknown = [s for s in cand.service_ids if s not in c.services]
        if unknown:
            return _(
                "candidate '{title}' names service {service}, which no registered catalogue holds",
                title=cand.title,
                service=repr(unknown[0]),
            )
        if cand.module_id is not None and cand.module_id not in modules:
            return _(
                "candidate '{title}' names module {module}, which is not registered",
                title=cand.title,
                module=repr(cand.module_id),
            )
        if cand.module_id is not None and cand.dimension_id is not None:
            dims = {d.id for d in modules[cand.module_id].dimensions}
            if cand.dimension_id not in dims:
                return _(
                    "candidate '{title}' names dimension {dimension}, not in module {module}",
                    title=cand.title,
                    dimension=repr(cand.dimension_id),
                    module=repr(cand.module_id),
                )
    return None


def _text_problem(text: object) -> Message | None:
    """What is wrong with a breach's text: not a message, or one that does not render."""
    if not isinstance(text, Message):
        return _(
            "yielded a breach whose text is {value}; expected a Message (from a Catalogue)",
            value=_clip(repr(text)),
        )
    for lang in sorted({*languages(), *text.catalogue.languages()}):
        try:
            rendered = text(lang)
        except Exception as exc:
            return _(
                "yielded a breach whose text cannot be written in {lang}: {exception}",
                lang=lang,
                exception=_clip(f"{type(exc).__name__}: {exc}"),
            )
        if not rendered.strip():
            return _("yielded a breach whose text is blank in {lang}", lang=lang)
    return None


def _rule_problem(c: _Contributions, r: Rule, p: Programme) -> Message | None:
    context = c.pm.rule_context()
    first = list(r.check(p, context))
    wrong = [b for b in first if not isinstance(b, Breach)]
    if wrong:
        return _("yielded {value}; expected Breach objects", value=_clip(repr(wrong[0])))
    for b in first:
        if not (isinstance(b.subjects, tuple) and all(isinstance(s, str) for s in b.subjects)):
            return _(
                "yielded a breach with subjects {subjects}; expected a tuple of ids",
                subjects=_clip(repr(b.subjects)),
            )
        problem = _text_problem(getattr(b, "text", None))
        if problem is not None:
            return problem
    if list(r.check(p, context)) != first:
        return _("the same programme gave different breaches; expected the same")
    return None


def _stage_changed_problem(c: _Contributions, p: Programme) -> Message | None:
    try:
        c.pm.notify_stage_changed(p, p.history[-1])
    except PluginError as error:
        return error.problem if error.plugin == c.name else None
    return None


@st.composite
def _enriched(draw: st.DrawFn, c: _Contributions) -> Programme:
    """A programme carrying the plugin's trades, capacity scores and service offers."""
    p = draw(c.programmes((Stage.ACCOMPANIMENT,)))
    scores: list[CapacityScore] = []
    for module in c.modules:
        answers, desired = draw(_answers(module))
        try:
            scores.extend(c.pm.score(module, answers, desired=desired).scores())
        except PluginError:
            continue  # the module's own check reports it; documents need no score from it
    p = attrs.evolve(p, diagnostic=attrs.evolve(p.diagnostic, scores=tuple(scores)))
    services = [(cat, s) for cat in c.catalogues for s in cat.services]
    if services:
        chosen = draw(st.lists(st.sampled_from(services), min_size=1, max_size=3))
        rec = p.diagnostic.recommendations[0].id
        offer = design_service_offer(
            p,
            [cat.pick(s.id, answers=rec) for cat, s in chosen],
            id="conformance-offer",
            title="Offre de services",
            modality=draw(st.sampled_from(tuple(Modality))),
            expert_ids=(p.experts[0].id,),
        )
        actions = (*p.accompaniment.actions, offer)
        p = attrs.evolve(p, accompaniment=Accompaniment(actions=actions))
    return p


def _round_trip(converter: DocumentConverter, obj: object, *, cls: type) -> Message | None:
    back: object = loads(dumps(obj, converter=converter), cls=cls, converter=converter)
    if back == obj:
        return None
    return _("written and read back, it is not equal; expected the same")


# -- the checks ------------------------------------------------------------------------


Named = tuple[object, Origin]


def _hook_attributes(plugin: object) -> list[str]:
    return sorted(
        a
        for a in dir(plugin)
        if a.startswith(_PREFIX) or getattr(getattr(plugin, a, None), _MARK, None) is not None
    )


def _check_hooks(plugin: object, origin: Origin, requires: Sequence[Named]) -> list[Failure]:
    failures = []
    for attr in _hook_attributes(plugin):
        alone = types.ModuleType(origin.name)
        setattr(alone, attr, getattr(plugin, attr))
        try:
            build_manager((*requires, (alone, origin)), strict=True)
        except PluginError as error:
            failures.append(
                Failure(plugin=origin.name, check=f"hook {attr}", problem=error.problem)
            )
    return failures


def _check_clashes(plugin: object, origin: Origin, requires: Sequence[Named]) -> list[Failure]:
    """The plugin beside every installed plugin: each id it shares with one of them."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        installed = {ep.name for ep in entry_points(GROUP)}
        missing = [(p, o) for p, o in requires if o.name not in installed]
        pm = build_manager(
            (*missing, (plugin, origin)), strict=False, entry_points=True, block=(origin.name,)
        )
    problems = [e.problem for e in pm.load_errors if e.plugin == origin.name]
    problems += [e.problem for e in pm.clash_errors if origin.name in (e.plugin, e.first)]
    return [Failure(plugin=origin.name, check="clashes", problem=p) for p in problems]


def _check_references(c: _Contributions) -> list[Failure]:
    trades = c.pm.trades()
    nomenclatures = {n.id for n in c.pm.nomenclatures()}
    problems: list[Message] = []

    def unknown(keyed: Iterable[TradeRef]) -> list[str]:
        return sorted({str(t) for t in keyed if t not in trades})

    for m in c.modules:
        missing = unknown(m.trades)
        if missing:
            problems.append(
                _n(
                    "module {module} is for trade {trades}, which no registered nomenclature holds",
                    "module {module} is for trades {trades}, which no registered nomenclature "
                    "holds",
                    len(missing),
                    module=repr(m.id),
                    trades=", ".join(missing),
                )
            )
        problems.extend(
            _(
                "module {module}, dimension {dimension}: remedy service {service} is in no "
                "registered catalogue",
                module=repr(m.id),
                dimension=repr(d.id),
                service=repr(sid),
            )
            for d in m.dimensions
            for r in d.remedies
            for sid in r.service_ids
            if sid not in c.services
        )
    for cat in c.catalogues:
        missing = unknown(t for s in cat.services for t in s.trades)
        if missing:
            problems.append(
                _n(
                    "catalogue {catalogue} is for trade {trades}, which no registered "
                    "nomenclature holds",
                    "catalogue {catalogue} is for trades {trades}, which no registered "
                    "nomenclature holds",
                    len(missing),
                    catalogue=repr(cat.id),
                    trades=", ".join(missing),
                )
            )
    problems.extend(
        _(
            "region {region} names nomenclature {nomenclature}, which is not registered",
            region=str(r),
            nomenclature=repr(p.nomenclature),
        )
        for r, p in c.pm.regions().items()
        if str(r) in c.registered.get("region", ())
        and p.nomenclature is not None
        and p.nomenclature not in nomenclatures
    )
    return [
        Failure(
            plugin=c.name,
            check="references",
            problem=_("{problem}; pass the plugins it builds on in requires=", problem=p),
        )
        for p in problems
    ]


def _property_failures(
    c: _Contributions, search: _Search
) -> Iterable[tuple[str, tuple[object, Message] | None, Callable[[Any], str]]]:
    """Every property check: its name, the minimal failure found (if any) and how to show it."""
    for m in c.modules:
        yield (
            f"module {m.id}",
            search.minimal(_answers(m), _guarded(partial(_scoring_problem, c.pm, m))),
            _show_answers,
        )
    for r in c.rules:
        yield (
            f"rule {r.code}",
            search.minimal(c.programmes(), _guarded(partial(_rule_problem, c, r))),
            _show_programme,
        )
    if _RECOMMEND in c.hooks or c.modules:
        yield (
            _RECOMMEND,
            search.minimal(_recommendations(c), _guarded(partial(_recommend_problem, c))),
            lambda case: f"{_show_programme(case[0])}; recommendation {case[1]!r}",
        )
    if _STAGE_CHANGED in c.hooks:
        opened = c.programmes(tuple(s for s in Stage if s is not Stage.DRAFT))
        yield (
            _STAGE_CHANGED,
            search.minimal(opened, _guarded(partial(_stage_changed_problem, c))),
            lambda p: f"{_show_programme(p)}; last entry {p.history[-1].operation.value}",
        )
    if c.converter is not None and (c.modules or c.catalogues or c.trades):
        yield (
            "documents",
            search.minimal(
                _enriched(c), _guarded(partial(_round_trip, c.converter, cls=Programme))
            ),
            _show_programme,
        )


def _converter(pm: PluginManager, name: str) -> DocumentConverter | Failure:
    try:
        return make_converter(pm)
    except Exception as exc:
        problem = _(
            "make_converter raised {exception}; expected a converter",
            exception=_clip(f"{type(exc).__name__}: {exc}"),
        )
        return Failure(plugin=name, check="documents", problem=problem)


def _check_questions(c: _Contributions) -> list[Failure]:
    """The questions of the plugin's modules, written and read back through documents."""
    if c.converter is None:
        return []
    failures = []
    for m in c.modules:
        for q in m.questions:
            problem = _guarded(partial(_round_trip, c.converter, cls=Question))(q)
            if problem is not None:
                failures.append(
                    Failure(
                        plugin=c.name,
                        check="documents",
                        problem=_(
                            "question {question} of module {module}: {problem}",
                            question=repr(q.id),
                            module=repr(m.id),
                            problem=problem,
                        ),
                        example=_clip(repr(q)),
                    )
                )
    return failures


def check_plugin(
    plugin: object,
    *,
    requires: Iterable[object] = (),
    max_examples: int = 50,
    beside_installed: bool = False,
) -> ConformanceReport:
    """Check ``plugin`` against the hook specifications and the library's expectations.

    Never raises for a defect of ``plugin``: every defect, and anything its code
    raises, is a :class:`Failure` of the report, with a short message naming
    the plugin as users see it (its entry-point name when it is installed) and,
    for what its code raised, the file and line.

    :param plugin: the plugin object, as its entry point loads it (a module, a
        class or an instance).
    :param requires: plugins it builds on, registered before it (the plugin
        that registers the nomenclature its modules are keyed to, say).
    :param max_examples: how many generated examples each property check tries.
    :param beside_installed: also load it beside every installed plugin, and
        report each id it shares with one of them (check ``clashes``), to catch
        a clash before publishing.
    :returns: a :class:`ConformanceReport` with every failure found; call
        :meth:`~ConformanceReport.assert_ok` to raise on failure.
    :raises ConformanceError: when a plugin of ``requires`` does not load
        (the check is then about the wrong thing).
    """
    origin = entry_point_of(plugin)
    name = origin.name
    before = tuple((p, entry_point_of(p)) for p in requires)
    try:
        build_manager(before, strict=True)
    except PluginError as error:
        broken = Failure(plugin=error.plugin, check="requires", problem=error.problem)
        raise ConformanceError(
            ConformanceReport(plugin=name, checks=("requires",), failures=(broken,))
        ) from error
    checks = ["hooks", "load"]
    failures = _check_hooks(plugin, origin, before)
    try:
        pm = build_manager((*before, (plugin, origin)), strict=True)
    except PluginError as error:
        if not failures:
            failures.append(Failure(plugin=name, check="load", problem=error.problem))
        return ConformanceReport(plugin=name, checks=tuple(checks), failures=tuple(failures))
    if beside_installed:
        checks.append("clashes")
        failures.extend(_check_clashes(plugin, origin, before))
    converter = _converter(pm, name)
    c = _Contributions.of(pm, name, None if isinstance(converter, Failure) else converter)
    checks.extend(("references", "documents"))
    failures.extend(_check_references(c))
    failures.extend([converter] if isinstance(converter, Failure) else _check_questions(c))
    search = _Search(
        settings(
            max_examples=max_examples,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            # The explain phase would cost two thirds of the time on a plugin that fails
            # everywhere, for nothing a failure's message shows.
            phases=tuple(p for p in Phase if p is not Phase.explain),
        )
    )
    for check, found, show in _property_failures(c, search):
        if check not in checks:
            checks.append(check)
        if found is not None:
            example, problem = found
            failures.append(
                Failure(plugin=name, check=check, problem=problem, example=_clip(show(example)))
            )
    return ConformanceReport(plugin=name, checks=tuple(checks), failures=tuple(failures))
