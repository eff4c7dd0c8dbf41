"""The catalogues against the code: every message marked, translated, compiled as written.

Each domain (the library's, the uemoa plugin's) has a template extracted from its
code and one ``.po`` per language next to its compiled ``.mo``. A failure lists
the entries at fault with their line in the ``.po`` and the code that uses them.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from i18n_support import (
    DOMAINS,
    ROOT,
    Key,
    describe,
    entries,
    forms,
    key,
    placeholders,
    shipped,
    tool,
)

SHIPPED = list(shipped())
IDS = [f"{domain}-{lang}" for domain, lang, _ in SHIPPED]

PLACEHOLDER_HEADERS = (
    "ORGANIZATION",
    "FIRST AUTHOR",
    "EMAIL@ADDRESS",
    "FULL NAME",
    "YEAR",
    "VERSION",
    "Creation-Date",
    "Revision-Date",
    "Generated-By",
    "LANGUAGE",
)


def _fail(title: str, problems: list[str]) -> None:
    if problems:
        shown = "\n  ".join(problems[:300])
        more = f"\n  … and {len(problems) - 300} more" if len(problems) > 300 else ""
        pytest.fail(f"{title} ({len(problems)}):\n  {shown}{more}", pytrace=False)


def _header(path: Path) -> str:
    """The header of a catalogue file: its comment and its first entry."""
    return path.read_text(encoding="utf-8").split("\n\n", 1)[0]


def _show(entry: Key) -> str:
    context, msgid, _ = entry
    return f"{msgid!r}" + (f" [{context}]" if context else "")


# -- the templates -------------------------------------------------------------------


@pytest.mark.parametrize("domain", list(DOMAINS))
def test_the_template_is_what_the_code_marks(domain: str) -> None:
    path = tool.template_path(domain)
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run python tools/i18n.py all"
    extracted = entries(tool.template(domain))
    committed = entries(tool.read(path, domain))
    missing = [
        f"{_show(k)} (used in {', '.join(f for f, _ in extracted[k].locations)})"
        for k in extracted
        if k not in committed
    ]
    stale = [describe(path, committed[k]) for k in committed if k not in extracted]
    _fail(f"messages the code uses that {path.name} lacks: run python tools/i18n.py all", missing)
    _fail(f"entries of {path.name} that no code uses: run python tools/i18n.py all", stale)


@pytest.mark.parametrize("domain", list(DOMAINS))
def test_every_marked_message_is_a_literal_string(domain: str) -> None:
    _fail(
        "messages whose text is not a literal string (the extractor cannot read them)",
        tool.non_literal_messages(domain),
    )


@pytest.mark.parametrize("domain", list(DOMAINS))
def test_singular_and_plural_texts_have_the_same_placeholders(domain: str) -> None:
    path = tool.template_path(domain)
    problems = [
        describe(path, message)
        for (_, msgid, plural), message in entries(tool.read(path, domain)).items()
        if plural is not None and placeholders(msgid) != placeholders(plural)
    ]
    _fail("plural entries whose two English texts take different placeholders", problems)


@pytest.mark.parametrize("path", [tool.template_path(d) for d in DOMAINS], ids=list(DOMAINS))
def test_the_template_header_carries_no_date_nor_placeholder(path: Path) -> None:
    header = _header(path)
    assert [word for word in PLACEHOLDER_HEADERS if word in header] == [], header


# -- every language ------------------------------------------------------------------


@pytest.mark.parametrize(("domain", "lang", "path"), SHIPPED, ids=IDS)
def test_each_language_has_every_entry_and_no_obsolete_one(
    domain: str, lang: str, path: Path
) -> None:
    wanted = entries(tool.read(tool.template_path(domain), domain))
    catalog = tool.read(path, domain)
    found = entries(catalog)
    _fail(
        f"entries of the template that {path.relative_to(ROOT)} lacks: run python tools/i18n.py update",
        [
            f"{_show(k)} (used in {', '.join(f for f, _ in wanted[k].locations)})"
            for k in wanted
            if k not in found
        ],
    )
    _fail(
        "obsolete entries (no code uses them): run python tools/i18n.py update",
        [describe(path, found[k]) for k in found if k not in wanted]
        + [describe(path, m) for m in catalog.obsolete.values()],
    )


@pytest.mark.parametrize(("domain", "lang", "path"), SHIPPED, ids=IDS)
def test_every_entry_is_translated(domain: str, lang: str, path: Path) -> None:
    catalog = tool.read(path, domain)
    problems: list[str] = []
    for message in entries(catalog).values():
        translations = forms(message)
        if message.fuzzy:
            problems.append(f"{describe(path, message)}: fuzzy")
        elif message.pluralizable and len(translations) != catalog.num_plurals:
            problems.append(
                f"{describe(path, message)}: {len(translations)} forms, {catalog.num_plurals} wanted"
            )
        elif not all(translations):
            which = "" if len(translations) == 1 else " (a plural form is empty)"
            problems.append(f"{describe(path, message)}: untranslated{which}")
    _fail(f"entries of {path.relative_to(ROOT)} not translated", problems)


@pytest.mark.parametrize(("domain", "lang", "path"), SHIPPED, ids=IDS)
def test_each_translation_takes_the_placeholders_of_its_source(
    domain: str, lang: str, path: Path
) -> None:
    problems: list[str] = []
    for (_, msgid, plural), message in entries(tool.read(path, domain)).items():
        wanted = placeholders(msgid) | (placeholders(plural) if plural is not None else set())
        for index, text in enumerate(forms(message)):
            if not text:
                continue
            label = f"msgstr[{index}]" if message.pluralizable else "msgstr"
            try:
                found = placeholders(text)
            except ValueError as error:
                problems.append(f"{describe(path, message)}: {label} is not a template ({error})")
                continue
            if found != wanted:
                problems.append(
                    f"{describe(path, message)}: {label} has {sorted(found)}, wanted {sorted(wanted)}"
                )
    _fail("translations whose placeholders differ from their source's", problems)


@pytest.mark.parametrize(("domain", "lang", "path"), SHIPPED, ids=IDS)
def test_the_header_says_the_language_and_its_plural_rule_only(
    domain: str, lang: str, path: Path
) -> None:
    catalog = tool.read(path, domain)
    assert str(catalog.locale_identifier) == lang
    if lang in tool.PLURAL_FORMS:
        assert catalog.plural_forms == tool.PLURAL_FORMS[lang]
    header = _header(path)
    assert [word for word in PLACEHOLDER_HEADERS if word in header] == [], header


def test_french_and_portuguese_keep_gettexts_plural_rules() -> None:
    assert tool.PLURAL_FORMS == {
        "fr": "nplurals=2; plural=(n > 1);",
        "pt": "nplurals=2; plural=(n != 1);",
    }


# -- compiled catalogues ---------------------------------------------------------------


@pytest.mark.parametrize(("domain", "lang", "path"), SHIPPED, ids=IDS)
def test_the_compiled_catalogue_gives_exactly_the_translations_of_its_source(
    domain: str, lang: str, path: Path
) -> None:
    compiled = path.with_suffix(".mo")
    assert compiled.is_file(), f"{compiled.relative_to(ROOT)} is missing: run tools/i18n.py compile"
    source = tool.read(path, domain)
    translated = {k: forms(m) for k, m in entries(source).items() if all(forms(m)) and not m.fuzzy}
    with compiled.open("rb") as stream:
        loaded = gettext.GNUTranslations(stream)
    assert loaded.info()["plural-forms"] == source.plural_forms
    stale: list[str] = []
    for (context, msgid, plural), wanted in translated.items():
        if plural is None:
            got: tuple[str, ...] = (
                (loaded.gettext(msgid),) if context is None else (loaded.pgettext(context, msgid),)
            )
        else:
            counts = {loaded.plural(n): n for n in range(199, -1, -1)}  # type: ignore[attr-defined]
            assert sorted(counts) == list(range(len(wanted))), "a plural form no count reaches"
            got = tuple(
                loaded.ngettext(msgid, plural, counts[index])
                if context is None
                else loaded.npgettext(context, msgid, plural, counts[index])
                for index in range(len(wanted))
            )
        if got != wanted:
            stale.append(f"{_show((context, msgid, plural))}: compiled {got!r}, source {wanted!r}")
    # and nothing more: the compiled catalogue holds no entry its source lacks
    with compiled.open("rb") as stream:
        compiled_keys = {key(m) for m in read_mo(stream) if m.id}
    extra = [_show(k) for k in compiled_keys - set(translated)]
    _fail(f"{compiled.relative_to(ROOT)} is stale: run python tools/i18n.py compile", stale + extra)


# -- the tool itself -----------------------------------------------------------------


def _toy(root: Path, code: str) -> Path:
    package = root / "toy"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(code, encoding="utf-8")
    return package


def test_the_tool_refuses_messages_whose_text_is_built_at_run_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _toy(
        tmp_path,
        "name = 'x'\n"
        "a = _('a literal {x}', x=1)\n"
        "b = _(f'built {name}')\n"
        "c = _(name)\n"
        "d = _n('one {n}', plural, n=2)\n"
        "e = _p(name, 'text')\n"
        "f = CATALOGUE._('a' 'concatenated literal')\n"
        "for _ in range(2):\n    pass\n",
    )
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "DOMAINS", {"toy": package})
    refused = tool.non_literal_messages("toy")
    assert [line.split(":")[:2] for line in refused] == [
        ["toy/__init__.py", "3"],
        ["toy/__init__.py", "4"],
        ["toy/__init__.py", "5"],
        ["toy/__init__.py", "6"],
    ]
    with pytest.raises(SystemExit, match="literal strings"):
        tool.extract()
    assert not (package / "locale").exists()


def test_the_tool_makes_a_new_language_and_writes_the_same_files_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _toy(
        tmp_path,
        "a = _('Hello {who}', who='you')\n"
        "b = _n('{count} file', '{count} files', 2, count=2)\n"
        "c = _p('Audience.staff', 'staff')\n",
    )
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "DOMAINS", {"toy": package})
    assert tool.main(["extract"]) == 0
    assert tool.main(["init", "pt"]) == 0
    po = package / "locale" / "pt" / "LC_MESSAGES" / "toy.po"
    catalog = tool.read(po, "toy")
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert {key(m) for m in catalog if m.id} == {
        (None, "Hello {who}", None),
        (None, "{count} file", "{count} files"),
        ("Audience.staff", "staff", None),
    }
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "Hello {who}"\nmsgstr ""', 'msgid "Hello {who}"\nmsgstr "Olá {who}"')
    text = text.replace('msgstr[0] ""', 'msgstr[0] "{count} ficheiro"')
    text = text.replace('msgstr[1] ""', 'msgstr[1] "{count} ficheiros"')
    po.write_text(text, encoding="utf-8")
    assert tool.main(["all"]) == 0
    written = {path: path.read_bytes() for path in sorted(package.rglob("*.[pm]o*"))}
    capsys.readouterr()
    assert tool.main(["all"]) == 0
    assert "wrote" not in capsys.readouterr().out
    assert {path: path.read_bytes() for path in sorted(package.rglob("*.[pm]o*"))} == written
    with po.with_suffix(".mo").open("rb") as stream:
        loaded = gettext.GNUTranslations(stream)
    assert loaded.gettext("Hello {who}") == "Olá {who}"
    assert [loaded.ngettext("{count} file", "{count} files", n) for n in (0, 1, 2)] == [
        "{count} ficheiros",
        "{count} ficheiro",
        "{count} ficheiros",
    ]
    assert loaded.pgettext("Audience.staff", "staff") == "staff"  # untranslated: the source
    for path in (po, package / "locale" / "toy.pot"):
        header = _header(path)
        assert [word for word in PLACEHOLDER_HEADERS if word in header] == [], header


def test_the_tool_drops_the_headers_a_translation_tool_adds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _toy(tmp_path, "a = _('Hello')\n")
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "DOMAINS", {"toy": package})
    tool.main(["extract"])
    tool.main(["init", "fr"])
    po = package / "locale" / "fr" / "LC_MESSAGES" / "toy.po"
    fresh = po.read_bytes()
    edited = fresh.decode().replace(
        '"Language: fr\\n"',
        '"Project-Id-Version: toy 1.0\\n"\n"PO-Revision-Date: 2026-12-01 12:00+0100\\n"\n'
        '"Last-Translator: Someone <someone@example.org>\\n"\n"X-Generator: Poedit 3.4\\n"\n'
        '"Language: fr\\n"',
    )
    po.write_text(edited, encoding="utf-8")
    tool.main(["update"])
    assert po.read_bytes() == fresh
