"""What the plugins provide: ``plugins``, ``trades``, ``regions``, ``modules``, ``services``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from compagnonnage._i18n import enum_label, term
from compagnonnage._locale import format_number
from compagnonnage.cli._common import (
    OK,
    cell,
)
from compagnonnage.cli._output import emit, emit_json, table
from compagnonnage.cli._session import CliError, Session, plugin_problem
from compagnonnage.cli._text import TEXT
from compagnonnage.model import PricingMode, RegionRef, TradeRef

if TYPE_CHECKING:
    from compagnonnage.catalogue import Service


def _listing(
    args: argparse.Namespace, s: Session, headers: tuple[str, ...], rows: list[dict[str, Any]]
) -> int:
    """Print ``rows`` as JSON, or as a table of the ``headers`` keys; a note when empty."""
    if args.format == "json":
        emit_json(rows)
    elif not rows:
        emit(s.say("nothing_found"))
    else:
        emit(
            table(
                [s.say("col_" + h) for h in headers],
                [[cell(r[h], s.lang) for h in headers] for r in rows],
            )
        )
    return OK


def plugins(args: argparse.Namespace, s: Session) -> int:
    """``plugins``: installed plugins, version, hooks, what each registered, load errors."""
    rows: list[dict[str, Any]] = [
        {
            "name": info.name,
            "distribution": info.distribution,
            "version": info.version,
            "hooks": list(info.hooks),
            "registered": {kind: list(ids) for kind, ids in info.registered.items()},
            "error": None if info.error is None else plugin_problem(info.error, s.lang),
            "clashes": [
                c.message(s.lang)
                for c in s.plugins.clash_errors
                if info.name in (c.plugin, c.first)
            ],
        }
        for info in s.plugins.list_plugins()
    ]
    if args.format == "json" or not rows:
        return _listing(args, s, (), rows)
    blocks = []
    colon = s.say("colon")
    for r in rows:
        version = f" {r['version']}" if r["version"] else ""
        dist = f" ({r['distribution']}{version})" if r["distribution"] else ""
        lines = [f"{r['name']}{dist}"]
        if r["error"] is not None:
            lines.append(f"  {s.say('load_error')}{colon}{r['error']}")
        lines.append(f"  {s.say('col_hooks')}{colon}{cell(r['hooks'])}")
        lines += [f"  {s.say('clashes')}{colon}{c}" for c in r["clashes"]]
        lines += [
            f"  {_registered(kind, s)}{colon}{cell(ids)}" for kind, ids in r["registered"].items()
        ]
        blocks.append("\n".join(lines))
    emit("\n\n".join(blocks))
    return OK


def _registered(kind: str, s: Session) -> str:
    """ "modules registered", or for a kind without its own words, "<kind> registered"."""
    key = f"registered_{kind}"
    return s.say(key) if key in TEXT else s.say("registered", kind=kind)


def trades(args: argparse.Namespace, s: Session) -> int:
    """``trades``: every trade of the registered nomenclatures."""
    rows = [
        {
            "trade": str(ref),
            "title": trade.title(s.lang),
            "group": group.title(s.lang),
            "branch": branch.title(s.lang),
            "plugin": s.plugins.origin("nomenclature", n.id),
        }
        for n in s.plugins.nomenclatures()
        for ref, trade, group, branch in n.trades()
    ]
    return _listing(args, s, ("trade", "title", "group", "branch"), rows)


def regions(args: argparse.Namespace, s: Session) -> int:
    """``regions``: the registered regions and their parameters."""
    rows = [
        {
            "region": str(ref),
            "title": profile.title(s.lang),
            "term_years": profile.term_years,
            "renewals": profile.renewals,
            "nomenclature": profile.nomenclature,
            "legal_basis": [m(s.lang) for m in profile.legal_basis],
        }
        for ref, profile in sorted(s.plugins.regions().items())
    ]
    return _listing(args, s, ("region", "title", "term_years", "renewals", "nomenclature"), rows)


def modules(args: argparse.Namespace, s: Session) -> int:
    """``modules``: the diagnostic modules, their scope and dimensions."""
    rows = [
        {
            "module": m.id,
            "version": m.version,
            "title": m.title(s.lang),
            "scale": f"{m.scale.low}–{m.scale.high}",
            "dimensions": len(m.dimensions),
            "questions": len(m.questions),
            "trades": sorted(str(t) for t in m.trades),
            "regions": sorted(str(r) for r in m.regions),
            "plugin": s.plugins.origin("module", m.id),
        }
        for m in s.plugins.modules()
    ]
    headers = ("module", "version", "title", "dimensions", "questions", "trades", "regions")
    return _listing(args, s, headers, rows)


def _trade_option(value: str | None) -> TradeRef | None:
    from compagnonnage.errors import InvalidValueError

    if value is None:
        return None
    nomenclature, sep, code = value.partition(":")
    if not sep:
        raise CliError("bad_trade", value=value)
    try:
        return TradeRef(nomenclature, code)
    except InvalidValueError:
        raise CliError("bad_trade", value=value) from None


def _region_option(value: str | None) -> RegionRef | None:
    from compagnonnage.errors import InvalidValueError

    if value is None:
        return None
    country = value.split("-")[0].upper()
    try:
        return RegionRef(country, value.upper() if "-" in value else None)
    except InvalidValueError:
        raise CliError("bad_region", value=value) from None


def services(args: argparse.Namespace, s: Session) -> int:
    """``services``: catalogue services, narrowed by ``--trade`` and ``--region``."""

    def price(service: Service) -> str:
        p = service.pricing
        if p.mode is PricingMode.INCLUDED_IN_DUES:
            return enum_label(p.mode, s.lang)
        amounts = [
            format_number(x, s.lang) for x in (p.member_price, p.non_member_price) if x is not None
        ]
        if not amounts:
            return enum_label(p.mode, s.lang)
        return " / ".join(amounts) + (f" {p.currency}" if p.currency else "")

    found = s.plugins.services_for(_trade_option(args.trade), _region_option(args.region))
    rows = [
        {
            "catalogue": catalogue.id,
            "service": service.id,
            "label": service.label(s.lang),
            "domain": term(f"domain.{service.domain.code}", s.lang),
            "modality": enum_label(service.modality, s.lang),
            "pricing": price(service),
            "trades": sorted(str(t) for t in service.trades),
            "regions": sorted(str(r) for r in service.regions),
        }
        for catalogue, service in found
    ]
    headers = ("service", "label", "domain", "modality", "pricing", "trades", "regions")
    return _listing(args, s, headers, rows)
