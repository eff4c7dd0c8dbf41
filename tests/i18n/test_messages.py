"""Message: the words the code says, immutable values rendered in a language when asked."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage._i18n import (
    CORE,
    SOURCE_LANGUAGE,
    Catalogue,
    Message,
    Text,
    _,
    _n,
    _p,
    enum_label,
    render,
)
from compagnonnage._locale import format_date, has_babel
from compagnonnage.model import Stage

needs_babel = pytest.mark.skipif(not has_babel(), reason="Babel (the locale extra) is needed")

# ``n`` is the count's own argument of a plural message, not a parameter
names = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(lambda name: name != "n")
values = st.one_of(st.integers(), st.text(max_size=10), st.none(), st.booleans())
params = st.dictionaries(names, values, max_size=4)


# -- a value -------------------------------------------------------------------------


def test_a_message_cannot_be_changed() -> None:
    message = _("Action {action} has no expert", action="A1")
    with pytest.raises(AttributeError, match="immutable"):
        message.msgid = "other"
    with pytest.raises(AttributeError, match="immutable"):
        del message.msgid
    with pytest.raises(TypeError):
        message.params["action"] = "A2"  # type: ignore[index]
    assert message("en") == "Action A1 has no expert"


def test_its_parameters_are_copied_when_it_is_made() -> None:
    given_params: dict[str, object] = {"action": "A1"}
    message = CORE.message("Action {action} has no expert", **given_params)
    given_params["action"] = "A2"
    assert message("en") == "Action A1 has no expert"


@given(msgid=st.text(max_size=20), params=params, n=st.none() | st.integers(0, 5))
def test_equal_messages_have_equal_hashes(
    msgid: str, params: dict[str, object], n: int | None
) -> None:
    one = CORE.plural(msgid, msgid + "s", n, **params)
    other = CORE.plural(msgid, msgid + "s", n, **dict(reversed(list(params.items()))))
    assert one == other
    assert hash(one) == hash(other)
    assert len({one, other}) == 1


@given(msgid=st.text(st.characters(exclude_characters="{}"), max_size=20), params=params)
def test_a_message_pickles_and_copies_to_an_equal_one(
    msgid: str, params: dict[str, object]
) -> None:
    message = _p("Audience.staff", msgid, **params)
    for again in (pickle.loads(pickle.dumps(message)), copy.copy(message), copy.deepcopy(message)):
        assert again == message
        assert hash(again) == hash(message)
        assert again("fr") == message("fr")


def test_messages_differ_by_text_plural_context_count_parameters_and_catalogue() -> None:
    base = _n("{count} file", "{count} files", 2, count=2)
    others = [
        _n("{count} page", "{count} files", 2, count=2),
        _n("{count} file", "{count} pages", 2, count=2),
        CORE.message("{count} file", count=2),
        _n("{count} file", "{count} files", 3, count=2),
        _n("{count} file", "{count} files", 2, count=3),
        Message(
            CORE, "{count} file", plural="{count} files", context="x", n=2, params={"count": 2}
        ),
        Catalogue("other", "compagnonnage").plural("{count} file", "{count} files", 2, count=2),
    ]
    assert all(other != base for other in others)
    assert len({base, *others}) == len(others) + 1
    assert base != "{count} file"
    assert base != Text("{count} fichier", "{count} file")


def test_bind_adds_a_count_and_parameters_and_leaves_the_message_as_it_was() -> None:
    table = _n("{count} file", "{count} files")
    bound = table.bind(3, count=3)
    assert bound("en") == "3 files"
    assert table.n is None
    assert dict(table.params) == {}
    assert bound.bind(count=1)("en", 1) == "1 file"


def test_str_is_english_and_repr_shows_what_it_was_made_of() -> None:
    message = _p("Audience.staff", "staff")
    assert str(message) == "staff"
    assert message.message() == "staff"
    assert repr(message) == "Message('staff', context='Audience.staff')"
    assert repr(_("Hello {who}", who="you")) == "Message('Hello {who}', who='you')"


# -- translated ----------------------------------------------------------------------


def test_a_message_is_translated_in_its_catalogue(toy: Catalogue) -> None:
    hello = toy.message("Hello {who}", who="Ada")
    assert [hello(lang) for lang in ("en", "fr", "pt")] == ["Hello Ada", "Bonjour Ada", "Olá Ada"]
    assert hello.message("pt") == hello("pt")


def test_a_language_without_catalogue_gets_the_source_text(toy: Catalogue) -> None:
    assert toy.message("Hello {who}", who="Ada")("de") == "Hello Ada"
    assert toy.message("not in the catalogue")("fr") == "not in the catalogue"
    assert toy.languages() == ("en", "fr", "pt")


def test_a_context_chooses_between_two_translations_of_one_text(toy: Catalogue) -> None:
    staff = toy.contextual("Audience.staff", "staff")
    group = toy.contextual("RespondentGroup.staff", "staff")
    assert (staff("fr"), group("fr")) == ("personnel", "salariés")
    assert (staff("pt"), group("pt")) == ("pessoal", "quadros")
    assert staff("en") == group("en") == "staff"
    assert staff != group


def test_translators_may_reorder_the_placeholders(toy: Catalogue) -> None:
    message = toy.message("{who} then {who2}", who="A", who2="B")
    assert message("fr") == "B puis A"
    assert message("pt") == "A e depois B"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["0 files", "1 file", "2 files"]),
        ("fr", ["0 fichier", "1 fichier", "2 fichiers"]),
        ("pt", ["0 ficheiros", "1 ficheiro", "2 ficheiros"]),
    ],
)
def test_the_plural_form_follows_the_languages_rule(
    toy: Catalogue, lang: str, expected: list[str]
) -> None:
    # French says 0 and 1 in the singular; Portuguese (and English) only 1
    assert [toy.plural("{count} file", "{count} files", n, count=n)(lang) for n in (0, 1, 2)] == (
        expected
    )


def test_a_count_given_when_rendering_chooses_the_form_of_a_table_entry(toy: Catalogue) -> None:
    entry = Message(toy, "{count} problem", plural="{count} problems", context="Report.problems")
    assert [entry("fr", n).format(count=n) for n in (0, 1, 2)] == [
        "0 problématique",
        "1 problématique",
        "2 problématiques",
    ]
    assert entry("pt", 0) == "{count} problemáticas"
    assert entry.template("pt", 1) == "{count} problemática"


def test_a_plural_message_without_a_count_is_refused(toy: Catalogue) -> None:
    table = toy.plural("{count} file", "{count} files")
    for lang in ("en", "fr", "pt"):
        with pytest.raises(TypeError, match="needs a count"):
            table(lang)
    with pytest.raises(TypeError, match="needs a count"):
        str(_n("{count} file", "{count} files"))


def test_a_message_without_parameters_keeps_its_braces(toy: Catalogue) -> None:
    table = toy.message("Table {name}")
    assert table("fr") == "Tableau {name}"
    assert table("fr").format(name="B") == "Tableau B"


# -- parameters in the message's language --------------------------------------------


def test_a_message_parameter_is_rendered_in_the_language(toy: Catalogue) -> None:
    hello = toy.message("Hello {who}", who=toy.message("world"))
    assert [hello(lang) for lang in ("en", "fr", "pt")] == [
        "Hello world",
        "Bonjour monde",
        "Olá mundo",
    ]


def test_a_text_parameter_is_rendered_in_the_language(toy: Catalogue) -> None:
    module = toy.message("Module {module}", module=Text("Formation", "Training", pt="Formação"))
    assert [module(lang) for lang in ("en", "fr", "pt", "de")] == [
        "Module Training",
        "Module Formation",
        "Módulo Formação",
        "Module Training",
    ]


def test_an_enumeration_member_is_rendered_by_its_word_in_the_language(toy: Catalogue) -> None:
    stage = toy.message("Stage {stage}", stage=Stage.DRAFT)
    assert stage("en") == "Stage draft"
    for lang in ("fr", "pt"):
        word = _p("Stage.draft", "draft")(lang)
        assert stage(lang).endswith(f" {word}")
        assert render(Stage.DRAFT, lang) == enum_label(Stage.DRAFT, lang) == word


@needs_babel
def test_a_date_parameter_is_spelt_in_the_language(toy: Catalogue) -> None:
    day = dt.date(2021, 4, 12)
    on = toy.message("On {day}", day=day)
    assert [on(lang) for lang in ("en", "fr", "pt")] == [
        "On 12 April 2021",
        "Le 12 avril 2021",
        "Em 12 de abril de 2021",
    ]
    assert render(day, "fr") == format_date(day, "fr")


def test_other_parameters_are_left_to_format(toy: Catalogue) -> None:
    assert render(42, "fr") == 42
    assert render("text", "pt") == "text"
    assert toy.message("Hello {who}", who=3)("fr") == "Bonjour 3"


def test_english_is_the_source_language() -> None:
    assert SOURCE_LANGUAGE == "en"
    assert CORE.translations("en").gettext("staff") == "staff"
