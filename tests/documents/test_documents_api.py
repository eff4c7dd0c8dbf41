"""The public functions: errors, limits, migrations, files, the schema and the converter."""

from __future__ import annotations

import gc
import json
import os
import pickle
import stat
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import compagnonnage
from compagnonnage._i18n import Lang, Message, Text, _, languages
from compagnonnage.documents import (
    MAX_DEPTH,
    MAX_DOCUMENT_SIZE,
    MAX_INTEGER,
    MIGRATIONS,
    SCHEMA_VERSION,
    DocumentError,
    Problem,
    dump,
    dumps,
    json_schema,
    load,
    loads,
    make_converter,
)
from compagnonnage.documents._problems import MAX_PROBLEMS, _Omitted, _with_value
from compagnonnage.errors import CompagnonnageError
from compagnonnage.example import togo_programme
from compagnonnage.model import (
    Affiliation,
    Expert,
    Membership,
    Pricing,
    PricingMode,
    Programme,
    Stage,
    SupportAction,
    Training,
)
from compagnonnage.testing.strategies import defective_programmes

HERE = Path(__file__).parent
GOOD = HERE / "good"


def _problems(data: str | bytes, **kwargs: object) -> list[str]:
    with pytest.raises(DocumentError) as caught:
        loads(data, **kwargs)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


# -- the error -------------------------------------------------------------------------


def test_document_error_is_ours_and_a_value_error() -> None:
    assert issubclass(DocumentError, CompagnonnageError)
    assert issubclass(DocumentError, ValueError)


def test_document_error_lists_every_problem_with_its_path_in_every_language() -> None:
    err = DocumentError(
        [Problem("$.a", _("empty document")), Problem("$.b[0]", _("required field missing"))],
        "p.json",
    )
    assert str(err) == (
        "p.json: invalid document, 2 problems:\n  $.a: empty document\n"
        "  $.b[0]: required field missing"
    )
    assert err.message("fr") == (
        "p.json: document invalide, 2 problèmes :\n  $.a: document vide\n"
        "  $.b[0]: champ obligatoire manquant"
    )
    assert err.message("pt") == (
        "p.json: documento inválido, 2 problemas:\n  $.a: documento vazio\n"
        "  $.b[0]: campo obrigatório em falta"
    )
    assert err.problems[1].message("fr") == "champ obligatoire manquant"
    assert err.problems[1].message() == "required field missing"
    assert str(err.problems[1]) == "$.b[0]: required field missing"
    assert err.source == "p.json"


def test_a_problem_message_fills_its_placeholders_in_every_language() -> None:
    problem = Problem(
        "$.programme.experts[1].id",
        _(
            "duplicate id {id} (first given at {first})",
            id="exp-1",
            first="$.programme.experts[0].id",
        ),
    )
    assert problem.message("en") == "duplicate id exp-1 (first given at $.programme.experts[0].id)"
    assert problem.message("fr") == (
        "identifiant exp-1 en double (déjà donné en $.programme.experts[0].id)"
    )
    assert problem.message("pt") == (
        "identificador exp-1 repetido (já dado em $.programme.experts[0].id)"
    )
    assert str(problem) == f"{problem.path}: {problem.message('en')}"


_PLURALS = {  # count: (English, French, Portuguese)
    1: (
        ("… and 1 more problem of this kind, from here on (empty document)"),
        ("… et 1 autre problème de ce genre, à partir d'ici (document vide)"),
        ("… e mais 1 problema deste tipo, a partir daqui (documento vazio)"),
        ("… and 1 more problem of other kinds"),
        ("… et 1 autre problème d'autres genres"),
        ("… e mais 1 problema de outros tipos"),
    ),
    2: (
        ("… and 2 more problems of this kind, from here on (empty document)"),
        ("… et 2 autres problèmes de ce genre, à partir d'ici (document vide)"),
        ("… e mais 2 problemas deste tipo, a partir daqui (documento vazio)"),
        ("… and 2 more problems of other kinds"),
        ("… et 2 autres problèmes d'autres genres"),
        ("… e mais 2 problemas de outros tipos"),
    ),
}


@pytest.mark.parametrize("count", sorted(_PLURALS))
def test_too_many_problems_are_counted_with_each_language_plural(count: int) -> None:
    listed = [Problem(f"$.a[{i}]", _with_value(_("a string"), i)) for i in range(MAX_PROBLEMS)]
    # Beyond the listed: three kinds named (the first ``count`` times), then ``count`` others.
    beyond = [_("empty document")] * count + [_("a device"), _("a socket")]
    beyond += [_("a special file"), _("an object")][:count]
    err = DocumentError([*listed, *(Problem("$.b", text) for text in beyond)])
    kind, *_named, others = err.problems[MAX_PROBLEMS:]
    assert isinstance(kind, _Omitted)
    assert isinstance(others, _Omitted)
    assert (kind.count, others.count) == (count, count)
    said = [kind.message(lang) for lang in ("en", "fr", "pt")]
    said += [others.message(lang) for lang in ("en", "fr", "pt")]
    assert tuple(said) == _PLURALS[count]
    total = MAX_PROBLEMS + len(beyond)
    assert err.message("fr").startswith(f"document invalide, {total} problèmes :")
    assert err.message("pt").startswith(f"documento inválido, {total} problemas:")


def test_one_problem_is_one_in_every_language() -> None:
    err = DocumentError([Problem("$", _("empty document"))])
    assert err.message("en").startswith("invalid document, 1 problem:")
    assert err.message("fr").startswith("document invalide, 1 problème :")
    assert err.message("pt").startswith("documento inválido, 1 problema:")


def test_document_error_survives_pickling() -> None:
    err = DocumentError(
        [Problem("$.a", _("value that cannot be written ({error})", error="x"))], "p.json"
    )
    back = pickle.loads(pickle.dumps(err))
    assert (back.problems, back.source, str(back)) == (err.problems, err.source, str(err))


def test_a_string_has_no_source() -> None:
    with pytest.raises(DocumentError) as caught:
        loads("{}")
    assert caught.value.source is None
    assert str(caught.value).startswith("invalid document, 2 problems:")


def test_keys_that_are_not_names_are_quoted_in_paths() -> None:
    doc = json.loads((GOOD / "programme-v3.json").read_text(encoding="utf-8"))
    doc["programme"]["a key"] = 1
    [problem] = _problems(json.dumps(doc))
    assert problem.startswith('$.programme["a key"]: unknown field')


def test_nothing_is_built_from_a_bad_document() -> None:
    text = (GOOD / "programme-v3.json").read_text(encoding="utf-8")
    with pytest.raises(DocumentError):
        loads(text.replace('"registered": 43000', '"registered": -1'))


# -- limits ----------------------------------------------------------------------------


def test_a_document_beyond_the_size_limit_is_refused_before_parsing() -> None:
    assert _problems(b" " * (MAX_DOCUMENT_SIZE + 1)) == [
        f"$: document too large ({MAX_DOCUMENT_SIZE + 1} bytes, at most {MAX_DOCUMENT_SIZE})"
    ]


def test_a_file_beyond_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (MAX_DOCUMENT_SIZE + 1))
    with pytest.raises(DocumentError) as caught:
        load(path)
    assert "document too large" in str(caught.value)


def test_nesting_up_to_the_limit_is_read_beyond_it_refused() -> None:
    inside = MAX_DEPTH - 1
    at_limit = '{"schema_version": 2, "programme": ' + "[" * inside + "]" * inside + "}"
    assert _problems(at_limit) == ["$.programme: expected an object, got an array"]
    beyond = '{"schema_version": 2, "programme": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "}"
    assert _problems(beyond) == [f"$: nesting too deep (at most {MAX_DEPTH} levels)"]


def test_the_largest_integer_is_read_the_next_one_refused() -> None:
    text = (GOOD / "programme-v3.json").read_text(encoding="utf-8")
    ok = loads(text.replace('"registered": 43000', f'"registered": {MAX_INTEGER}'))
    assert ok.beneficiary.membership is not None
    assert ok.beneficiary.membership.registered == MAX_INTEGER
    assert _problems(text.replace('"registered": 43000', f'"registered": {MAX_INTEGER + 1}')) == [
        "$.programme.beneficiary.ledger[0].registered: number too large "
        f"(at most {MAX_INTEGER} in absolute value)"
    ]


def test_writing_refuses_what_could_not_be_read_back() -> None:
    with pytest.raises(DocumentError, match="number too large"):
        dumps(Membership(registered=MAX_INTEGER + 1))
    with pytest.raises(DocumentError, match="decimal number that cannot be written: NaN"):
        dumps(Pricing(mode=PricingMode.PRICED, member_price=Decimal("NaN")))
    with pytest.raises(DocumentError, match="cannot be written"):
        dumps(Expert(id="e", name="\ud800", affiliation=Affiliation.NETWORK))


@given(defective_programmes("REF-002"))
def test_writing_refuses_a_programme_with_duplicate_ids(programme: Programme) -> None:
    if programme.stage is Stage.DRAFT:  # a draft is saved as it is; the rules report it
        assert loads(dumps(programme)) == programme
        return
    with pytest.raises(DocumentError, match="duplicate id"):
        dumps(programme)


@given(defective_programmes("STG-006"))
def test_writing_refuses_an_action_answering_an_unknown_recommendation(
    programme: Programme,
) -> None:
    unknown = {r for a in programme.accompaniment.actions for r in a.answers} - (
        programme.diagnostic.recommendation_ids
    )
    if unknown:
        with pytest.raises(DocumentError, match="unknown recommendation"):
            dumps(programme)
    else:
        assert loads(dumps(programme)) == programme


@pytest.mark.parametrize("code", ["REF-001", "REF-002", "STG-002", "STG-006"])
@settings(max_examples=25)
@given(data=st.data())
def test_every_cross_reference_problem_is_said_in_every_language(
    every_language: Callable[[Message], dict[Lang, str]], code: str, data: st.DataObject
) -> None:
    programme = data.draw(defective_programmes(code))
    try:
        dumps(programme)
    except DocumentError as err:
        for problem in err.problems:
            said = every_language(problem.text)
            assert len(set(said.values())) == len(said), said


def test_only_document_types_are_written_and_read() -> None:
    with pytest.raises(TypeError, match="not a document type"):
        dumps(object())
    with pytest.raises(TypeError, match="not a document type"):
        loads("{}", cls=dict)
    with pytest.raises(TypeError, match="str or bytes"):
        loads(json.loads("{}"))  # type: ignore[arg-type]


# -- migrations ------------------------------------------------------------------------


def test_the_registry_leads_from_the_first_format_to_the_current_one() -> None:
    assert SCHEMA_VERSION == 3
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))
    for version, migration in MIGRATIONS.items():
        assert migration.source == version
        said = {lang: migration.message(lang) for lang in languages()}
        assert all(said.values())
        assert len(set(said.values())) == len(said)  # translated
        assert "{" not in said["pt"].replace('{"country", "subdivision"}', "")


def test_a_version_1_document_is_upgraded_on_load() -> None:
    v1 = load(GOOD / "programme-v1.json")
    assert v1 == load(GOOD / "programme-v2.json") == load(GOOD / "programme-v3.json")
    assert dumps(v1) == (GOOD / "programme-v3.json").read_text(encoding="utf-8")


def test_a_version_2_membership_snapshot_becomes_a_one_point_ledger() -> None:
    doc = json.loads((GOOD / "programme-v2.json").read_text(encoding="utf-8"))
    snapshot = doc["programme"]["beneficiary"]["membership"]
    before = json.dumps(doc, sort_keys=True)
    upgraded = MIGRATIONS[2].upgrade(doc)
    assert json.dumps(doc, sort_keys=True) == before
    body = upgraded["programme"]["beneficiary"]
    assert "membership" not in body
    assert body["ledger"] == [snapshot]
    assert upgraded["schema_version"] == 3
    programme = load(GOOD / "programme-v2.json")
    assert programme.results.indicators == ()
    assert programme.beneficiary.ledger == (programme.beneficiary.membership,)
    doc["programme"]["beneficiary"]["membership"] = None
    assert MIGRATIONS[2].upgrade(doc)["programme"]["beneficiary"]["ledger"] == []


def test_the_migration_turns_region_objects_into_iso_codes_and_leaves_the_input_intact() -> None:
    doc = json.loads((GOOD / "programme-v1.json").read_text(encoding="utf-8"))
    before = json.dumps(doc, sort_keys=True)
    upgraded = MIGRATIONS[1].upgrade(doc)
    assert json.dumps(doc, sort_keys=True) == before
    assert upgraded["schema_version"] == 2
    body = upgraded["programme"]["beneficiary"]
    assert body["region"] == "TG-M"
    assert upgraded["programme"]["scope"]["regions"] == ["TG"]
    assert upgraded["programme"]["diagnostic"]["practices"][0]["region"] == "TG"
    assert upgraded["programme"]["diagnostic"]["issues"][0]["region"] is None


def test_a_version_1_document_of_another_type_is_upgraded_too() -> None:
    body = togo_programme().beneficiary
    doc = json.loads(dumps(body))
    doc["schema_version"] = 1
    doc["body"]["region"] = {"country": body.region.country, "subdivision": body.region.subdivision}
    assert loads(json.dumps(doc), cls=type(body)) == body


# -- files -----------------------------------------------------------------------------


def test_dump_then_load(tmp_path: Path) -> None:
    programme = togo_programme()
    path = tmp_path / "togo.json"
    dump(programme, path)
    assert path.read_text(encoding="utf-8") == dumps(programme)
    assert load(path) == programme
    assert load(str(path)) == programme
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert os.listdir(tmp_path) == ["togo.json"]


def test_dump_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "togo.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    dump(togo_programme(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failed_dump_leaves_the_old_document_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "togo.json"
    path.write_text("old", encoding="utf-8")

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        dump(togo_programme(), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["togo.json"]


def test_a_document_that_cannot_be_written_leaves_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    with pytest.raises(DocumentError):
        dump(Membership(registered=MAX_INTEGER + 1), path)
    assert not path.exists()


# -- the schema ------------------------------------------------------------------------


def test_the_schema_is_a_valid_2020_12_schema_of_the_envelope() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["programme", "schema_version"]
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}


def test_the_schema_names_the_tags_of_the_union_and_forbids_extra_keys() -> None:
    schema = json_schema(SupportAction)
    branches = schema["properties"]["support_action"]["oneOf"]
    tags = sorted(
        schema["$defs"][b["$ref"].split("/")[-1]]["properties"]["kind"]["const"] for b in branches
    )
    assert tags == sorted(
        [
            "training",
            "mandate_planning",
            "structuring",
            "methodological_support",
            "service_offer_design",
        ]
    )
    assert all(d["additionalProperties"] is False for d in schema["$defs"].values())
    training = schema["$defs"]["Training"]
    assert "kind" in training["required"]
    assert training["properties"]["modality"] == {
        "anyOf": [{"enum": ["on_site", "remote"]}, {"type": "null"}]
    }


def test_the_schema_refuses_what_the_loader_refuses_for_shape() -> None:
    doc = json.loads((GOOD / "programme-v3.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(json_schema())
    assert validator.is_valid(doc)
    doc["programme"]["accompaniment"]["actions"][0]["kind"] = "formation"
    assert not validator.is_valid(doc)


# -- the converter ---------------------------------------------------------------------


def test_make_converter_makes_a_new_converter_each_time() -> None:
    assert make_converter() is not make_converter()


def _gone(name: str) -> bool:
    """Whether no subclass of Training is called ``name`` any more, once collected."""
    gc.collect()
    return not [c for c in Training.__subclasses__() if c.__name__ == name]


def test_a_converter_knows_the_subclasses_that_existed_when_it_was_made() -> None:
    before = make_converter()

    def mentoring() -> None:
        @attrs.frozen(kw_only=True)
        class Mentoring(Training):
            KIND: ClassVar[str] = "mentoring"

        after = make_converter()
        action = Mentoring(id="a9", title="Tutorat", modality=None, audience=frozenset())
        text = dumps(action, converter=after)
        assert json.loads(text)["support_action"]["kind"] == "mentoring"
        assert loads(text, cls=SupportAction, converter=after) == action
        with pytest.raises(DocumentError, match=r'kind: expected one of .*got "mentoring"'):
            loads(text, cls=SupportAction, converter=before)

    try:
        mentoring()
    finally:  # converters made later must not see the class (they list subclasses)
        assert _gone("Mentoring")


def test_two_classes_with_one_tag_are_refused_when_the_converter_is_made() -> None:
    def twin() -> None:
        @attrs.frozen(kw_only=True)
        class Twin(Training):
            pass

        with pytest.raises(CompagnonnageError, match="share the tag 'training'"):
            make_converter()

    try:
        twin()
    finally:
        assert _gone("Twin")


def test_importing_compagnonnage_does_not_import_cattrs() -> None:
    import subprocess
    import sys

    code = "import sys, compagnonnage; print('cattrs' in sys.modules, 'orjson' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
    assert compagnonnage.__name__ == "compagnonnage"


def test_real_documents_nest_far_below_the_depth_limit() -> None:
    deepest = 0
    stack: list[tuple[object, int]] = [(json.loads(dumps(togo_programme())), 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    assert 6 <= deepest <= MAX_DEPTH // 2


# -- texts the data carries --------------------------------------------------------------


def test_a_text_in_several_languages_is_read_and_written_by_language_code() -> None:
    converter = make_converter()
    text = Text("Formation", "Training", pt="Formação")
    data = converter.unstructure(text, Text)
    assert data == {"fr": "Formation", "en": "Training", "pt": "Formação"}
    assert converter.structure(data, Text) == text
    assert converter._fast_structure(data, Text) == text


@pytest.mark.parametrize(
    "data", [{"fr": "Formation"}, "Training", {"fr": "a", "en": "b", "Portuguese": "c"}]
)
def test_a_text_without_french_and_english_is_refused_in_every_language(data: object) -> None:
    with pytest.raises(DocumentError) as caught:
        make_converter().structure(data, Text, path="$.title")
    [problem] = caught.value.problems
    assert problem.path == "$.title"
    assert problem.message("en").startswith("expected texts by language, French and English")
    assert problem.message("fr").startswith("attendu : des textes par langue")
    assert problem.message("pt").startswith("esperado: textos por língua")


def test_load_any_parses_a_document_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import orjson

    from compagnonnage.documents import _io, _kinds, dump, load_any
    from compagnonnage.example import togo_programme

    path = tmp_path / "togo.json"
    dump(togo_programme(), path)
    calls: list[int] = []
    real = orjson.loads

    def counted(data: bytes | str) -> object:
        calls.append(1)
        return real(data)

    assert _io.orjson is _kinds.orjson  # one module: patched, both see it
    monkeypatch.setattr(_kinds.orjson, "loads", counted)
    assert load_any(path) == togo_programme()
    assert len(calls) == 1
