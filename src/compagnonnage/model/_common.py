"""Enumerations and small value objects shared by the whole model."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, ClassVar

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage._i18n import Lang, _, stage_label
from compagnonnage.errors import InvalidValueError


class Stage(enum.Enum):
    """Where a programme stands. Stages follow in this order, none skipped (STG-001)."""

    DRAFT = "draft"
    PREPARATION = "preparation"
    DIAGNOSTIC = "diagnostic"
    ACCOMPANIMENT = "accompaniment"
    CLOSED = "closed"

    @property
    def rank(self) -> int:
        """Position in the fixed order (draft is 0, closed is 4)."""
        return _STAGE_ORDER.index(self)

    def next(self) -> Stage:
        """The stage that follows this one; ``CLOSED`` has none."""
        if self is Stage.CLOSED:
            raise ValueError("a closed programme has no next stage")
        return _STAGE_ORDER[self.rank + 1]

    def label(self, lang: Lang = "fr") -> str:
        """The stage's name in ``lang``: ``Stage.ACCOMPANIMENT.label()`` is ``"accompagnement"``."""
        return stage_label(self, lang)

    def previous(self) -> Stage:
        """The stage that precedes this one; ``DRAFT`` has none."""
        if self is Stage.DRAFT:
            raise ValueError("a draft programme has no previous stage")
        return _STAGE_ORDER[self.rank - 1]


_STAGE_ORDER = tuple(Stage)


class Modality(enum.Enum):
    """How a mission or a support action is delivered (STG-007)."""

    REMOTE = "remote"
    ON_SITE = "on_site"


class Affiliation(enum.Enum):
    """Network expert (from the CMA network) or local expert."""

    NETWORK = "network"
    LOCAL = "local"


class Competence(enum.Enum):
    """What an expert is qualified to do."""

    ECONOMIC_DIAGNOSIS = "economic_diagnosis"
    INSTITUTIONAL_DIAGNOSIS = "institutional_diagnosis"
    TRAINING = "training"
    ADMINISTRATIVE_SUPPORT = "administrative_support"
    METHODOLOGICAL_SUPPORT = "methodological_support"


class DiagnosticKind(enum.Enum):
    """Economic or institutional diagnostic (diagnostic économique / institutionnel)."""

    ECONOMIC = "economic"
    INSTITUTIONAL = "institutional"

    @property
    def competence(self) -> Competence:
        """The competence an expert needs for a mission of this kind (STG-012)."""
        if self is DiagnosticKind.ECONOMIC:
            return Competence.ECONOMIC_DIAGNOSIS
        return Competence.INSTITUTIONAL_DIAGNOSIS


def _slug(instance: object, attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not value or not value.replace("_", "").isalnum():
        raise InvalidValueError(
            type(instance).__name__,
            "code",
            _("a lower-case code of letters, digits and '_'"),
            value,
        )
    if value != value.lower():
        raise InvalidValueError(
            type(instance).__name__,
            "code",
            _("a lower-case code"),
            value,
        )


@frozen(order=True)
class Domain:
    """A support domain of methodological support (an open set: plugins add their own).

    The core domains are class attributes: :attr:`TRADES_REGISTER`,
    :attr:`TRAINING_AND_APPRENTICESHIP`, :attr:`ECONOMIC_DEVELOPMENT`,
    :attr:`COMMUNICATION`. A plugin writes ``Domain("export")``.
    """

    code: str = field(validator=_slug)
    """The domain's lower-case code, such as ``"trades_register"`` or a plugin's ``"export"``."""

    TRADES_REGISTER: ClassVar[Domain]
    TRAINING_AND_APPRENTICESHIP: ClassVar[Domain]
    ECONOMIC_DEVELOPMENT: ClassVar[Domain]
    COMMUNICATION: ClassVar[Domain]

    def __str__(self) -> str:
        return self.code


Domain.TRADES_REGISTER = Domain("trades_register")
Domain.TRAINING_AND_APPRENTICESHIP = Domain("training_and_apprenticeship")
Domain.ECONOMIC_DEVELOPMENT = Domain("economic_development")
Domain.COMMUNICATION = Domain("communication")
CORE_DOMAINS = (
    Domain.TRADES_REGISTER,
    Domain.TRAINING_AND_APPRENTICESHIP,
    Domain.ECONOMIC_DEVELOPMENT,
    Domain.COMMUNICATION,
)


@frozen(order=True, cache_hash=True)
class TradeRef:
    """A trade (métier) as a code in a nomenclature: ``TradeRef("uemoa", "BAT-01")``."""

    nomenclature: str = field(validator=v.identifier)
    """The id of the nomenclature the code belongs to, such as ``"uemoa"``."""
    code: str = field(validator=v.identifier)
    """The trade's code in that nomenclature, such as ``"BTP-01"``."""

    def __str__(self) -> str:
        return f"{self.nomenclature}:{self.code}"


_REGION_CODE = _(
    "an ISO 3166-1 alpha-2 country code ('SN') or ISO 3166-2 subdivision code ('SN-DK')"
)


@frozen(order=True, cache_hash=True)
class RegionRef:
    """A country (ISO 3166-1 alpha-2), optionally narrowed to a subdivision (ISO 3166-2).

    ``RegionRef("SN", "SN-DK")``; :meth:`parse` reads the one-string form
    documents use (``RegionRef.parse("SN-DK")``), which the constructor's
    error suggests when given a subdivision code for the country.
    """

    country: str = field(validator=v.country)
    """The ISO 3166-1 alpha-2 code of the country, such as ``"TG"``."""
    subdivision: str | None = field(default=None, validator=v.optional_subdivision)
    """The ISO 3166-2 code of a subdivision of that country (``"TG-M"``), or ``None``."""

    def __attrs_post_init__(self) -> None:
        if self.subdivision is not None and not self.subdivision.startswith(self.country + "-"):
            raise InvalidValueError(
                "RegionRef",
                "subdivision",
                _("a subdivision of {country}", country=self.country),
                self.subdivision,
            )

    @classmethod
    def parse(cls, code: str) -> RegionRef:
        """The region of an ISO 3166 code as documents spell it: ``"SN"`` or ``"SN-DK"``.

        >>> RegionRef.parse("SN-DK")
        RegionRef(country='SN', subdivision='SN-DK')

        :raises InvalidValueError: when ``code`` is neither a country code nor
            a subdivision code.
        """
        if not isinstance(code, str):
            raise InvalidValueError("RegionRef", "code", _REGION_CODE, code)
        country, dash, _ = code.partition("-")
        try:
            return cls(country, code if dash else None)
        except InvalidValueError:
            raise InvalidValueError("RegionRef", "code", _REGION_CODE, code) from None

    def __str__(self) -> str:
        return self.subdivision or self.country

    def contains(self, other: RegionRef) -> bool:
        """Whether ``other`` lies within this region (a country contains its subdivisions)."""
        if self.country != other.country:
            return False
        return self.subdivision is None or self.subdivision == other.subdivision


def _region_spelling(text: str) -> str:
    return f"RegionRef.parse({text!r})"


def _trade_spelling(text: str) -> str | None:
    nomenclature, colon, code = text.partition(":")
    return f"TradeRef({nomenclature!r}, {code!r})" if colon else None


def _region_ref(*, optional: bool = False) -> v.Validator:
    """A :class:`RegionRef`; a string given instead gets the hint ``use RegionRef.parse(...)``."""
    return v.instance_of(RegionRef, optional=optional, spell=_region_spelling)


def _trade_ref(*, optional: bool = False) -> v.Validator:
    """A :class:`TradeRef`; ``"uemoa:ALI-01"`` given instead gets ``use TradeRef('uemoa', 'ALI-01')``."""
    return v.instance_of(TradeRef, optional=optional, spell=_trade_spelling)


def _domain_ref() -> v.Validator:
    """A :class:`Domain`; ``"communication"`` given instead gets ``use Domain('communication')``."""
    return v.instance_of(Domain, spell=lambda text: f"Domain({text!r})")


@frozen(kw_only=True)
class Scope:
    """The trades and regions a programme covers. Findings and actions stay inside (STG-011)."""

    trades: tuple[TradeRef, ...] = field(default=(), validator=v.tuple_of(TradeRef))
    """The trades the programme covers."""
    regions: tuple[RegionRef, ...] = field(default=(), validator=v.tuple_of(RegionRef))
    """The regions the programme covers; a country covers its subdivisions."""

    def covers_trade(self, trade: TradeRef) -> bool:
        """Whether ``trade`` is one of the scope's trades."""
        return trade in self.trades

    def covers_region(self, region: RegionRef) -> bool:
        """Whether ``region`` lies within one of the scope's regions."""
        return any(r.contains(region) for r in self.regions)


@frozen(kw_only=True)
class Period:
    """A span of days, both ends included. ``start <= end`` is checked by STG-013."""

    start: dt.date = field(validator=v.a_date())
    """The first day."""
    end: dt.date = field(validator=v.a_date())
    """The last day (included)."""

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end
