"""The one translation mechanism: gettext catalogues for the code's words, texts for the data's.

Two kinds of words reach a user:

* the words the **code** says (rule messages, errors, command-line output, report
  headings) are :class:`Message` values made with :func:`_`, :func:`_n` and
  :func:`_p`, their English source text looked up in the gettext catalogue of the
  language asked for (``locale/<lang>/LC_MESSAGES/compagnonnage.mo``);
* the words the **data** carries (diagnostic modules, catalogue services,
  nomenclature labels: what plugins register) are :class:`Text` values holding
  every language they were written in.

Both render with ``value(lang)``. A message's parameters are named and bound when
it is made (``_("Action {action} has no expert", action=a.id)``); a parameter that
is itself a message, a text, a member of one of the model's enumerations or a date
is rendered in the message's language.

Nothing here imports Babel: dates and numbers inside messages are formatted by
:mod:`compagnonnage._locale`, imported on first use.
"""

from __future__ import annotations

import enum
import importlib
import os
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from types import MappingProxyType

TYPE_CHECKING = False  # typing stays out of ``--help``'s start-up
if TYPE_CHECKING:
    import gettext
    from typing import Any, TypeAlias

Lang: TypeAlias = str
"""A language code: ``"en"``, ``"fr"``, ``"pt"``… (any language with a catalogue)."""

SOURCE_LANGUAGE: Lang = "en"
"""The language the code's messages are written in, and the last resort."""


class Catalogue:
    """The gettext catalogue of one domain: the library's own, or a plugin's.

    Compiled catalogues live in ``<package>/locale/<lang>/LC_MESSAGES/<domain>.mo``;
    the source language (English) needs none. A plugin with words of its own (its
    rule messages) makes one and marks its words with its :meth:`message` and
    :meth:`plural`::

        CATALOGUE = Catalogue("compagnonnage_uemoa", "compagnonnage_uemoa")
        _ = CATALOGUE.message
    """

    __slots__ = ("domain", "package")

    def __init__(self, domain: str, package: str) -> None:
        self.domain = domain
        """The gettext domain, the ``.mo`` file's name."""
        self.package = package
        """The importable package whose ``locale`` folder holds the catalogues."""

    def __repr__(self) -> str:
        return f"Catalogue({self.domain!r}, {self.package!r})"

    def languages(self) -> tuple[Lang, ...]:
        """The source language, then every language with a compiled catalogue, sorted."""
        return _languages(self.domain, self.package)

    def translations(self, lang: Lang) -> gettext.NullTranslations:
        """The loaded catalogue for ``lang`` (the source text itself when there is none)."""
        return _translations(self.domain, self.package, lang)

    def message(self, msgid: str, /, **params: object) -> Message:
        """A message of this catalogue, with its parameters (``{name}`` in the text)."""
        return Message(self, msgid, params=params)

    def plural(
        self, singular: str, plural: str, /, n: int | None = None, **params: object
    ) -> Message:
        """A message whose form depends on a count ``n``, given here or when rendered."""
        return Message(self, singular, plural=plural, n=n, params=params)

    def contextual(self, context: str, msgid: str, /, **params: object) -> Message:
        """A message whose source text means different things in different places."""
        return Message(self, msgid, context=context, params=params)


def _locale_dir(package: str) -> str | None:
    try:
        paths = list(importlib.import_module(package).__path__)
    except (ImportError, AttributeError):
        return None
    return os.path.join(paths[0], "locale") if paths else None


def _mo_path(domain: str, package: str, lang: Lang) -> str | None:
    root = _locale_dir(package)
    return None if root is None else os.path.join(root, lang, "LC_MESSAGES", f"{domain}.mo")


@cache
def _languages(domain: str, package: str) -> tuple[Lang, ...]:
    root = _locale_dir(package)
    try:
        entries = os.listdir(root) if root is not None else []
    except OSError:
        entries = []
    found = {lang for lang in entries if os.path.isfile(_mo_path(domain, package, lang) or "")}
    return (SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE}))


@cache
def _translations(domain: str, package: str, lang: Lang) -> gettext.NullTranslations:
    import gettext

    path = _mo_path(domain, package, lang)
    if lang == SOURCE_LANGUAGE or lang not in _languages(domain, package) or path is None:
        return gettext.NullTranslations()
    with open(path, "rb") as stream:
        return gettext.GNUTranslations(stream)


CORE = Catalogue("compagnonnage", "compagnonnage")
"""The library's own catalogue."""


class Message:
    """A word the code says: English source text, translated from a catalogue when rendered.

    Immutable. ``message(lang)`` gives the text in ``lang``: translated, its plural
    form chosen by the count, and its parameters put in. A message made without
    parameters renders its text as it is, braces included, so that a table of
    messages can be formatted by the code that uses it.
    """

    __slots__ = ("catalogue", "context", "msgid", "n", "params", "plural")

    catalogue: Catalogue
    msgid: str
    plural: str | None
    context: str | None
    n: int | None
    params: Mapping[str, object]

    def __init__(
        self,
        catalogue: Catalogue,
        msgid: str,
        *,
        plural: str | None = None,
        context: str | None = None,
        n: int | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "catalogue", catalogue)
        set_(self, "msgid", msgid)
        set_(self, "plural", plural)
        set_(self, "context", context)
        set_(self, "n", n)
        set_(self, "params", MappingProxyType(dict(params) if params else {}))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Message is immutable: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Message is immutable: cannot delete {name}")

    def _key(self) -> tuple[object, ...]:
        return (
            self.catalogue.domain,
            self.msgid,
            self.plural,
            self.context,
            self.n,
            tuple(sorted((k, repr(v)) for k, v in self.params.items())),
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        # Immutable, so pickle cannot set the slots one by one: it calls the constructor.
        return (
            _message,
            (self.catalogue, self.msgid, self.plural, self.context, self.n, dict(self.params)),
        )

    def __repr__(self) -> str:
        extra = "".join(
            f", {name}={value!r}"
            for name, value in (("plural", self.plural), ("context", self.context), ("n", self.n))
            if value is not None
        )
        params = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Message({self.msgid!r}{extra}{params})"

    def __str__(self) -> str:
        return self(SOURCE_LANGUAGE)

    def bind(self, n: int | None = None, /, **params: object) -> Message:
        """This message with a count and more parameters."""
        return Message(
            self.catalogue,
            self.msgid,
            plural=self.plural,
            context=self.context,
            n=self.n if n is None else n,
            params={**self.params, **params},
        )

    def template(self, lang: Lang, n: int | None = None) -> str:
        """The translated text, parameters not yet put in."""
        count = self.n if n is None else n
        found = self.catalogue.translations(lang)
        if self.plural is None:
            if self.context is None:
                return found.gettext(self.msgid)
            return found.pgettext(self.context, self.msgid)
        if count is None:
            raise TypeError(f"the plural message {self.msgid!r} needs a count")
        if self.context is None:
            return found.ngettext(self.msgid, self.plural, count)
        return found.npgettext(self.context, self.msgid, self.plural, count)

    def __call__(self, lang: Lang, n: int | None = None) -> str:
        """The message in ``lang``, for ``n`` things when it has a plural."""
        text = self.template(lang, n)
        if not self.params:
            return text
        return text.format_map({k: render(v, lang) for k, v in self.params.items()})

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """The message in ``lang``: the same as calling it."""
        return self(lang)


def _message(
    catalogue: Catalogue,
    msgid: str,
    plural: str | None,
    context: str | None,
    n: int | None,
    params: dict[str, object],
) -> Message:
    return Message(catalogue, msgid, plural=plural, context=context, n=n, params=params)


def _(msgid: str, /, **params: object) -> Message:
    """A message of the library's catalogue."""
    return CORE.message(msgid, **params)


def _n(singular: str, plural: str, /, n: int | None = None, **params: object) -> Message:
    """A message of the library's catalogue with a plural, for ``n`` things."""
    return CORE.plural(singular, plural, n, **params)


def _p(context: str, msgid: str, /, **params: object) -> Message:
    """A message of the library's catalogue whose text depends on a context."""
    return CORE.contextual(context, msgid, **params)


# -- the data's words ----------------------------------------------------------------


class Text:
    """A text the data carries, in every language it was written in.

    Written French first then English, as plugins have always done, with any other
    language by its code: ``Text("Formation", "Training", pt="Formação")``.

    Rendered in a language it lacks, a text falls back to English, then French,
    then the first language it has.
    """

    __slots__ = ("_texts",)

    _texts: Mapping[Lang, str]

    def __init__(self, fr: str, en: str, /, **others: str) -> None:
        object.__setattr__(self, "_texts", {"fr": fr, "en": en, **others})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Text is immutable: cannot set {name}")

    @property
    def fr(self) -> str:
        """The text in French."""
        return self._texts["fr"]

    @property
    def en(self) -> str:
        """The text in English."""
        return self._texts["en"]

    @property
    def languages(self) -> tuple[Lang, ...]:
        """The languages it was written in, French and English first."""
        return tuple(self._texts)

    def get(self, lang: Lang) -> str | None:
        """The text in ``lang`` if it was written in it, else ``None`` (no fallback)."""
        return self._texts.get(lang)

    def __call__(self, lang: Lang) -> str:
        """The text in ``lang``, or in the first of English, French, any, that it has."""
        for candidate in (lang, SOURCE_LANGUAGE, "fr"):
            found = self._texts.get(candidate)
            if found is not None:
                return found
        return next(iter(self._texts.values()))

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """The text in ``lang``: the same as calling it."""
        return self(lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self._texts == other._texts

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._texts.items())))

    def __repr__(self) -> str:
        others = "".join(f", {k}={v!r}" for k, v in self._texts.items() if k not in ("fr", "en"))
        return f"Text({self.fr!r}, {self.en!r}{others})"

    def __getnewargs_ex__(self) -> tuple[tuple[str, str], dict[str, str]]:
        others = {k: v for k, v in self._texts.items() if k not in ("fr", "en")}
        return (self.fr, self.en), others

    def __reduce__(self) -> tuple[Any, ...]:
        return (_text, (tuple(self._texts.items()),))


def _text(items: tuple[tuple[str, str], ...]) -> Text:
    texts = dict(items)
    fr, en = texts.pop("fr"), texts.pop("en")
    return Text(fr, en, **texts)


# -- rendering parameters -------------------------------------------------------------


class Number:
    """A number given to a message, written as the message's language writes it (``12,5``).

    Formatted only when the message is rendered, in that one language.
    """

    __slots__ = ("value",)

    value: int | float | Decimal

    def __init__(self, value: int | float | Decimal) -> None:
        object.__setattr__(self, "value", value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Number is immutable: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Number) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)

    def __repr__(self) -> str:
        return f"Number({self.value!r})"

    def __call__(self, lang: Lang) -> str:
        from compagnonnage._locale import format_number

        return format_number(self.value, lang)


def render(value: object, lang: Lang) -> object:
    """A message parameter as ``lang`` shows it.

    Messages, texts and numbers (:class:`Number`) are rendered in ``lang``, enumeration
    members of the model by their label, dates spelt in ``lang``; anything else is left
    to :meth:`str.format`.
    """
    if isinstance(value, (Message, Text, Number)):
        return value(lang)
    if isinstance(value, enum.Enum):
        return enum_label(value, lang)
    import datetime as dt

    if isinstance(value, dt.date):
        from compagnonnage._locale import format_date

        return format_date(value, lang)
    return value


# -- choosing a language ----------------------------------------------------------------


def languages() -> tuple[Lang, ...]:
    """Every language the library speaks: English, then each language with a catalogue."""
    return CORE.languages()


def normalise(value: str) -> Lang:
    """``pt_BR.UTF-8`` → ``pt``: the language part of a locale name, in lower case."""
    return value.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()


def language_from_environment(environ: Mapping[str, str] = os.environ) -> Lang:
    """The language of the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), if spoken, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            lang = normalise(value)
            return lang if lang in languages() else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


# -- terms of the domain --------------------------------------------------------------

_TERMS: dict[str, Message] = {
    "BodyKind.consular_chamber": _p("BodyKind.consular_chamber", "consular chamber"),
    "BodyKind.professional_organisation": _p(
        "BodyKind.professional_organisation", "professional organisation"
    ),
    "BodyKind.association": _p("BodyKind.association", "association"),
    "BodyKind.service_provider": _p(
        "BodyKind.service_provider", "service provider to craft businesses"
    ),
    "Level.national": _p("Level.national", "national"),
    "Level.regional": _p("Level.regional", "regional"),
    "Level.local": _p("Level.local", "local"),
    "GoverningBodyKind.general_assembly": _p(
        "GoverningBodyKind.general_assembly", "general assembly"
    ),
    "GoverningBodyKind.bureau": _p("GoverningBodyKind.bureau", "bureau"),
    "GoverningBodyKind.commission": _p("GoverningBodyKind.commission", "commission"),
    "Modality.remote": _p("Modality.remote", "remote"),
    "Modality.on_site": _p("Modality.on_site", "on site"),
    "Affiliation.network": _p("Affiliation.network", "CMA network expert"),
    "Affiliation.local": _p("Affiliation.local", "local expert"),
    "Competence.economic_diagnosis": _p("Competence.economic_diagnosis", "economic diagnosis"),
    "Competence.institutional_diagnosis": _p(
        "Competence.institutional_diagnosis", "institutional diagnosis"
    ),
    "Competence.training": _p("Competence.training", "training"),
    "Competence.administrative_support": _p(
        "Competence.administrative_support", "administrative support"
    ),
    "Competence.methodological_support": _p(
        "Competence.methodological_support", "methodological support"
    ),
    "DiagnosticKind.economic": _p("DiagnosticKind.economic", "economic"),
    "DiagnosticKind.institutional": _p("DiagnosticKind.institutional", "institutional"),
    "IssueSeverity.moderate": _p("IssueSeverity.moderate", "moderate"),
    "IssueSeverity.high": _p("IssueSeverity.high", "high"),
    "IssueSeverity.critical": _p("IssueSeverity.critical", "critical"),
    "Priority.high": _p("Priority.high", "high"),
    "Priority.medium": _p("Priority.medium", "medium"),
    "Priority.low": _p("Priority.low", "low"),
    "Horizon.short": _p("Horizon.short", "short term"),
    "Horizon.medium": _p("Horizon.medium", "medium term"),
    "Horizon.long": _p("Horizon.long", "long term"),
    "ActionStatus.planned": _p("ActionStatus.planned", "planned"),
    "ActionStatus.in_progress": _p("ActionStatus.in_progress", "in progress"),
    "ActionStatus.completed": _p("ActionStatus.completed", "completed"),
    "ActionStatus.cancelled": _p("ActionStatus.cancelled", "cancelled"),
    "Audience.elected_officials": _p("Audience.elected_officials", "elected officials"),
    "Audience.staff": _p("Audience.staff", "staff"),
    "StructuringFocus.administration": _p("StructuringFocus.administration", "administration"),
    "StructuringFocus.governing_bodies": _p(
        "StructuringFocus.governing_bodies", "governing bodies"
    ),
    "PricingMode.included_in_dues": _p("PricingMode.included_in_dues", "included in dues"),
    "PricingMode.priced": _p("PricingMode.priced", "priced"),
    "OrganisationRole.funding": _p("OrganisationRole.funding", "funding"),
    "OrganisationRole.accountable": _p("OrganisationRole.accountable", "accountable"),
    "OrganisationRole.extending": _p("OrganisationRole.extending", "extending"),
    "OrganisationRole.implementing": _p("OrganisationRole.implementing", "implementing"),
    "BudgetKind.original": _p("BudgetKind.original", "original"),
    "BudgetKind.revised": _p("BudgetKind.revised", "revised"),
    "BudgetStatus.indicative": _p("BudgetStatus.indicative", "indicative"),
    "BudgetStatus.committed": _p("BudgetStatus.committed", "committed"),
    "TransactionKind.incoming_funds": _p("TransactionKind.incoming_funds", "incoming funds"),
    "TransactionKind.commitment": _p("TransactionKind.commitment", "commitment"),
    "TransactionKind.disbursement": _p("TransactionKind.disbursement", "disbursement"),
    "TransactionKind.expenditure": _p("TransactionKind.expenditure", "expenditure"),
    "RespondentGroup.elected_officials": _p(
        "RespondentGroup.elected_officials", "elected officials"
    ),
    "RespondentGroup.staff": _p("RespondentGroup.staff", "staff"),
    "RespondentGroup.constituents": _p("RespondentGroup.constituents", "constituents"),
    "RespondentGroup.partners": _p("RespondentGroup.partners", "partners"),
    "Severity.error": _p("Severity.error", "error"),
    "Severity.warning": _p("Severity.warning", "warning"),
    "Stage.draft": _p("Stage.draft", "draft"),
    "Stage.preparation": _p("Stage.preparation", "preparation"),
    "Stage.diagnostic": _p("Stage.diagnostic", "diagnostic"),
    "Stage.accompaniment": _p("Stage.accompaniment", "accompaniment"),
    "Stage.closed": _p("Stage.closed", "closed"),
    "Operation.open": _p("Operation.open", "opening"),
    "Operation.record_deliverable": _p("Operation.record_deliverable", "deliverable recorded"),
    "Operation.close_preparation": _p("Operation.close_preparation", "preparation closed"),
    "Operation.record_mission": _p("Operation.record_mission", "mission recorded"),
    "Operation.record_finding": _p("Operation.record_finding", "finding recorded"),
    "Operation.record_score": _p("Operation.record_score", "score recorded"),
    "Operation.record_debriefing": _p("Operation.record_debriefing", "debriefing recorded"),
    "Operation.close_diagnostic": _p("Operation.close_diagnostic", "diagnostic closed"),
    "Operation.plan_action": _p("Operation.plan_action", "action planned"),
    "Operation.start_action": _p("Operation.start_action", "action started"),
    "Operation.complete_action": _p("Operation.complete_action", "action completed"),
    "Operation.cancel_action": _p("Operation.cancel_action", "action cancelled"),
    "Operation.reopen": _p("Operation.reopen", "reopening"),
    "Operation.close": _p("Operation.close", "programme closed"),
    "operation.open": _p("operation.open", "opening"),
    "operation.record_deliverable": _p("operation.record_deliverable", "recording a deliverable"),
    "operation.close_preparation": _p("operation.close_preparation", "closing the preparation"),
    "operation.record_mission": _p("operation.record_mission", "recording a mission"),
    "operation.record_finding": _p("operation.record_finding", "recording a finding"),
    "operation.record_score": _p("operation.record_score", "recording a score"),
    "operation.record_debriefing": _p("operation.record_debriefing", "recording the debriefing"),
    "operation.close_diagnostic": _p("operation.close_diagnostic", "closing the diagnostic"),
    "operation.plan_action": _p("operation.plan_action", "planning an action"),
    "operation.start_action": _p("operation.start_action", "starting an action"),
    "operation.complete_action": _p("operation.complete_action", "completing an action"),
    "operation.cancel_action": _p("operation.cancel_action", "cancelling an action"),
    "operation.reopen": _p("operation.reopen", "reopening"),
    "operation.close": _p("operation.close", "closing the programme"),
    "kind.support_action": _p("kind.support_action", "support action"),
    "Operation.record_period": _p("Operation.record_period", "reporting period recorded"),
    "Operation.record_module": _p("Operation.record_module", "module version recorded"),
    "Operation.define_indicator": _p("Operation.define_indicator", "indicator defined"),
    "Operation.record_baseline": _p("Operation.record_baseline", "baseline recorded"),
    "Operation.set_target": _p("Operation.set_target", "target set"),
    "Operation.record_value": _p("Operation.record_value", "measured value recorded"),
    "Operation.record_not_measured": _p("Operation.record_not_measured", "indicator not measured"),
    "Operation.record_follow_up": _p("Operation.record_follow_up", "follow-up recorded"),
    "Operation.record_membership": _p("Operation.record_membership", "membership recorded"),
    "ResultLevel.output": _p("ResultLevel.output", "output"),
    "ResultLevel.outcome": _p("ResultLevel.outcome", "outcome"),
    "ResultLevel.impact": _p("ResultLevel.impact", "impact"),
    "Measure.count": _p("Measure.count", "count"),
    "Measure.percentage": _p("Measure.percentage", "percentage"),
    "Measure.capacity_level": _p("Measure.capacity_level", "capacity level"),
    "Measure.milestone": _p("Measure.milestone", "milestone (yes/no)"),
    "Measure.qualitative": _p("Measure.qualitative", "qualitative"),
    "Direction.ascending": _p("Direction.ascending", "ascending"),
    "Direction.descending": _p("Direction.descending", "descending"),
    "kind.training": _p("kind.training", "training"),
    "kind.mandate_planning": _p("kind.mandate_planning", "mandate planning"),
    "kind.structuring": _p("kind.structuring", "administrative structuring"),
    "kind.methodological_support": _p("kind.methodological_support", "methodological support"),
    "kind.service_offer_design": _p("kind.service_offer_design", "service offer design"),
    "kind.terms_of_reference": _p("kind.terms_of_reference", "terms of reference"),
    "kind.method_toolkit": _p("kind.method_toolkit", "method toolkit"),
    "kind.work_programme": _p("kind.work_programme", "work programme"),
    "kind.major_issue": _p("kind.major_issue", "major issue"),
    "kind.good_practice": _p("kind.good_practice", "good practice"),
    "kind.recommendation": _p("kind.recommendation", "recommendation"),
    "domain.trades_register": _p("domain.trades_register", "trades register"),
    "domain.training_and_apprenticeship": _p(
        "domain.training_and_apprenticeship", "vocational training and apprenticeship"
    ),
    "domain.economic_development": _p("domain.economic_development", "economic development"),
    "domain.communication": _p("domain.communication", "communication"),
}


def term(key: str, lang: Lang) -> str:
    """The word for a term of the domain (``"kind.training"``, ``"domain.communication"``).

    The term's key is the catalogue context of its English word. A key without an
    entry (a plugin's own domain, say) is shown as its last part, underscores read
    as spaces (``"domain.social_protection"`` → ``social protection``).
    """
    found = _TERMS.get(key)
    return found(lang) if found is not None else key.rpartition(".")[2].replace("_", " ")


def enum_label(member: enum.Enum, lang: Lang) -> str:
    """The word for a member of one of the model's enumerations, in ``lang``."""
    return term(f"{type(member).__name__}.{member.value}", lang)


def stage_label(stage: enum.Enum, lang: Lang) -> str:
    """The name of a stage in ``lang``."""
    return term(f"Stage.{stage.value}", lang)
