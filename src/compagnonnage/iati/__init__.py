"""Programmes published as IATI 2.03 activities, and any IATI activity file checked.

Needs the ``iati`` extra (``pip install 'compagnonnage[iati]'``: lxml), imported on
first use; ``import compagnonnage`` does not load it. The schemas and codelists of
IATI 2.03 ship with the library (``data/``), so nothing is downloaded.

>>> from compagnonnage.example import togo_programme
>>> from compagnonnage.iati import ReportingOrg, to_xml, check_xml
>>> org = ReportingOrg(ref="FR-CMA", type="15", name="CMA France")
>>> xml = to_xml([togo_programme()], org)
>>> check_xml(xml)
()

Without lxml, :func:`to_xml` and :func:`check_xml` raise
:class:`~compagnonnage.errors.MissingExtraError` naming the extra to install.

:func:`to_xml` checks the programmes' rules for publication (the funding rules
FUN-001 … FUN-007 among them), builds the document in the schema's order, and
validates it against the schema, the codelists and IATI's rules: any problem raises
:class:`IatiError` with every problem, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from compagnonnage._files import write_atomically
from compagnonnage._i18n import Lang, _
from compagnonnage.errors import MissingExtraError
from compagnonnage.iati._export import ReportingOrg, activity_status, build, rule_problems
from compagnonnage.iati._problems import IatiError, IatiProblem
from compagnonnage.model import Programme
from compagnonnage.rules import RuleContext, RuleSet

if TYPE_CHECKING:
    from lxml import etree

__all__ = [
    "MAX_FILE_SIZE",
    "IatiError",
    "IatiProblem",
    "ReportingOrg",
    "activity_status",
    "check_file",
    "check_xml",
    "to_xml",
    "write",
]

MAX_FILE_SIZE = 64 * 1024 * 1024
"""The largest IATI file :func:`check_file` reads (64 MiB)."""


def _require_lxml() -> None:
    """Refuse, naming the extra, when lxml is not installed."""
    import importlib.util

    if importlib.util.find_spec("lxml") is None:
        raise MissingExtraError("iati", "lxml")


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def to_xml(
    programmes: Iterable[Programme],
    reporting_org: ReportingOrg,
    *,
    now: dt.datetime | None = None,
    lang: Lang = "fr",
    rules: RuleSet | None = None,
    context: RuleContext | None = None,
) -> bytes:
    """The ``iati-activities`` document of ``programmes``, as UTF-8 bytes.

    :param reporting_org: who publishes (configuration: never invented).
    :param now: the generation time (UTC now by default); actual and transaction
        dates after its day are refused (FUN-004).
    :param lang: the activities' default language (``xml:lang``): the language of what
        the user wrote (titles, a funding description, notes), given once, as written.
        What the library writes itself (the description it makes when there is none)
        carries a narrative in this language, then in every other language whose
        catalogue translates it.
    :param rules: the rule set to check (the core rules by default; pass the
        plugins' one to include their rules), and ``context`` what the rules may know
        (the plugins' nomenclatures); the reporting organisation and the day of
        ``now`` are added to it.
    :raises IatiError: with every problem; the programme rules' problems name model
        paths, the document's name element paths.
    """
    _require_lxml()
    from lxml import etree

    chosen = list(programmes)
    moment = now if now is not None else _utc_now()
    today = moment.astimezone(dt.timezone.utc).date()
    found = rule_problems(chosen, reporting_org, rules=rules, context=context, today=today)
    if found:
        raise IatiError(found)
    root = build(chosen, reporting_org, now=moment, lang=lang)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    problems = check_xml(data, today=today)
    if problems:
        raise IatiError(problems)
    return data


def write(
    programmes: Iterable[Programme],
    path: str | os.PathLike[str],
    reporting_org: ReportingOrg,
    *,
    now: dt.datetime | None = None,
    lang: Lang = "fr",
    rules: RuleSet | None = None,
    context: RuleContext | None = None,
) -> None:
    """Write :func:`to_xml` of ``programmes`` to ``path`` atomically; on a problem,
    raise :class:`IatiError` and write nothing."""
    data = to_xml(programmes, reporting_org, now=now, lang=lang, rules=rules, context=context)
    write_atomically(Path(path), data)


def _parse(data: bytes, source: str | None) -> tuple[etree._ElementTree | None, IatiProblem | None]:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as err:
        line = f" (line {err.lineno})" if err.lineno else ""
        return None, IatiProblem(
            f"{source or '$'}{line}", "XML", _("unreadable XML: {error}", error=err.msg)
        )
    doctype: str = getattr(tree.docinfo, "doctype", "")  # lxml's stubs lack it
    if doctype:
        # IATI files need no DTD; entities declared in one are never expanded.
        return None, IatiProblem(
            f"{source or '$'} (line 1)",
            "XML",
            _("a DOCTYPE declaration is not allowed in an IATI file"),
        )
    return tree, None


def check_xml(
    data: bytes, *, today: dt.date | None = None, source: str | None = None
) -> tuple[IatiProblem, ...]:
    """Every problem of an IATI 2.03 activity document: the schema, every code against
    its codelist, and IATI's rules (sector percentages, budget periods, dates not in the
    future, currencies, identifiers). Empty when the document is valid."""
    _require_lxml()
    from compagnonnage.iati._check import problems

    tree, unreadable = _parse(data, source)
    if tree is None:
        return (unreadable,) if unreadable is not None else ()
    return tuple(problems(tree, today if today is not None else _utc_now().date()))


def check_file(
    path: str | os.PathLike[str], *, today: dt.date | None = None
) -> tuple[IatiProblem, ...]:
    """:func:`check_xml` on a file (a regular file of at most :data:`MAX_FILE_SIZE`)."""
    name = os.fspath(path)
    if not stat.S_ISREG(os.stat(name).st_mode):
        problem = IatiProblem(name, "FILE", _("not a regular file"))
        raise IatiError([problem], source=name)
    with open(name, "rb") as f:
        data = f.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise IatiError(
            [
                IatiProblem(
                    name, "FILE", _("file too large (over {most} bytes)", most=MAX_FILE_SIZE)
                )
            ],
            source=name,
        )
    return check_xml(data, today=today, source=name)
