"""The cache of generated code: the same code objects as compiling, kept between runs."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path
from types import CodeType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage import _code_cache
from compagnonnage._code_cache import _Cache


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """As Python runs by default (the test run itself may not write bytecode)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _but_columns(code: CodeType) -> CodeType:
    """``code`` without its table of positions (lines and columns), nor that of the code it holds."""
    consts = tuple(_but_columns(c) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)


def _lines(code: CodeType) -> list[object]:
    """The line of every instruction of ``code`` and of the code it holds."""
    inner = [_lines(c) for c in code.co_consts if isinstance(c, CodeType)]
    return [list(code.co_lines()), inner]


_HASH_LIKE = st.integers(min_value=-(2**63), max_value=2**63 - 1)


def _text(number: int, name: str = "x") -> str:
    """A text shaped like attrs' ``__hash__``: a number written into it."""
    return (
        "def __hash__(self):\n"
        "    return hash((\n"
        f"        {number},\n"
        f"        self.{name},\n"
        "    ))\n"
        "def __repr__(self):\n"
        f"    return 'T(' + repr(self.{name}) + ')'\n"
    )


@given(first=_HASH_LIKE, second=_HASH_LIKE, name=st.sampled_from(["x", "code", "value"]))
def test_cached_code_equals_compiled_code_whatever_the_varying_number(
    first: int, second: int, name: str
) -> None:
    cache = _Cache(None)
    filename = "<attrs generated methods compagnonnage.model.T>"
    compiled_first = cache.compiled(_text(first, name), filename, first)
    again = cache.compiled(_text(second, name), filename, second)
    fresh = compile(_text(second, name), filename, "exec", dont_inherit=True)
    assert compiled_first == compile(_text(first, name), filename, "exec", dont_inherit=True)
    assert len(cache.added) == 1  # the second was found
    if len(str(first)) == len(str(second)):
        assert again == fresh
    # Else only the columns of the number differ.
    assert _but_columns(again) == _but_columns(fresh)
    assert _lines(again) == _lines(fresh)
    assert fresh.co_consts[0].co_consts == again.co_consts[0].co_consts


@given(source=st.sampled_from(["x = 1\n", "def f():\n    return 2\n"]), varying=_HASH_LIKE)
def test_a_number_the_text_does_not_hold_changes_nothing(source: str, varying: int) -> None:
    cache = _Cache(None)
    assert cache.compiled(source, "<f>", varying) == compile(
        source, "<f>", "exec", dont_inherit=True
    )
    assert cache.compiled(source, "<f>", None) == compile(source, "<f>", "exec", dont_inherit=True)
    assert len(cache.added) == 1


def test_saved_code_is_read_back_by_another_cache(tmp_path: Path) -> None:
    path = str(tmp_path / "cache" / "generated.marshal")
    first = _Cache(path)
    first.compiled(_text(12345), "<one>", 12345)
    first.save()
    assert not first.added
    second = _Cache(path)
    code = second.compiled(_text(54321), "<one>", 54321)
    assert code == compile(_text(54321), "<one>", "exec", dont_inherit=True)
    assert not second.added  # found, not compiled


def test_saving_merges_with_what_another_process_wrote(tmp_path: Path) -> None:
    path = str(tmp_path / "generated.marshal")
    one, other = _Cache(path), _Cache(path)
    one.compiled("a = 1\n", "<a>")
    other.compiled("b = 2\n", "<b>")
    one.save()
    other.save()
    third = _Cache(path)
    third.compiled("a = 1\n", "<a>")
    third.compiled("b = 2\n", "<b>")
    assert not third.added


def test_the_file_keeps_at_most_the_bound_then_only_what_was_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "generated.marshal")
    monkeypatch.setattr(_code_cache, "_MAX_ENTRIES", 3)
    old = _Cache(path)
    for i in range(3):
        old.compiled(f"v = {i}\n", f"<old{i}>")
    old.save()
    new = _Cache(path)
    new.compiled("w = 1\n", "<new>")
    new.save()
    kept = _Cache(path)
    kept.compiled("w = 1\n", "<new>")
    kept.compiled("v = 0\n", "<old0>")
    assert list(kept.added) == [("<old0>", "v = 0\n")]  # dropped: this process did not use it


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal", marshal.dumps(("other", b"", {})), marshal.dumps({"a": 1})],
)
def test_a_file_that_is_not_a_cache_is_ignored_then_replaced(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "generated.marshal"
    path.write_bytes(content)
    cache = _Cache(str(path))
    assert cache.compiled("x = 1\n", "<x>") == compile("x = 1\n", "<x>", "exec", dont_inherit=True)
    cache.save()
    assert _Cache(str(path)).compiled("x = 1\n", "<x>") is not None
    assert _code_cache._read(str(path)).keys() == {("<x>", "x = 1\n")}


def test_an_unwritable_place_is_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    cache = _Cache(str(blocker / "cache" / "generated.marshal"))  # its folder cannot be made
    cache.compiled("x = 1\n", "<x>")
    cache.save()  # no error, as Python with a .pyc it cannot write
    assert not (tmp_path / "a-file").is_dir()


def test_nothing_is_written_when_python_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "generated.marshal"
    cache = _Cache(str(path))
    cache.compiled("x = 1\n", "<x>")
    cache.save()
    assert not path.exists()


_PROBE = """
import json, linecache, sys
import attrs
from compagnonnage import _code_cache
from compagnonnage.documents import load
from compagnonnage.plugins import get_plugin_manager

@attrs.define
class Elsewhere:
    x: int

programme = load(sys.argv[1])
report = get_plugin_manager().check(programme)
ours = sorted(
    {c for m in list(sys.modules.values()) if _code_cache.is_ours(getattr(m, "__name__", ""))
     for c in vars(m).values() if isinstance(c, type) and attrs.has(c)
     and c.__module__ == m.__name__},
    key=lambda c: f"{c.__module__}.{c.__qualname__}",
)
def norm(k):
    consts = tuple(norm(x) if isinstance(x, type(k)) else x for x in k.co_consts)
    return k.replace(co_linetable=b"", co_consts=consts)
same, exact = [], []
for c in ours:
    for name in ("__init__", "__eq__", "__repr__", "__hash__"):
        code = getattr(getattr(c, name, None), "__code__", None)
        if code is None or not code.co_filename.startswith("<attrs generated"):
            continue
        text = "".join(linecache.cache[code.co_filename][2])
        module = compile(text, code.co_filename, "exec", dont_inherit=True)
        (fresh,) = (k for k in module.co_consts if getattr(k, "co_name", None) == name)
        exact.append(fresh == code)
        same.append(norm(fresh) == norm(code) and list(fresh.co_lines()) == list(code.co_lines()))
print(json.dumps({
    "compiled": len(_code_cache._cache.added),
    "classes": [f"{c.__module__}.{c.__qualname__}" for c in ours],
    "same": sum(same), "exact": sum(exact), "methods": len(same),
    "violations": [v.code for v in report.violations],
    "hash": hash(programme) == hash(load(sys.argv[1])),
}))
"""


def _probe(example_file: Path, prefix: Path, *, seed: str, write: bool = True) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(prefix), PYTHONHASHSEED=seed)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(example_file)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


@pytest.fixture
def example_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from compagnonnage.documents import dump
    from compagnonnage.example import togo_programme

    path = tmp_path_factory.mktemp("example") / "togo.json"
    dump(togo_programme(), path)
    return path


def _files(prefix: Path) -> list[Path]:
    return sorted(prefix.rglob("generated-code.*.marshal"))


def test_a_second_run_compiles_nothing_and_behaves_the_same(
    example_file: Path, tmp_path: Path
) -> None:
    first = _probe(example_file, tmp_path, seed="1")
    (cache_file,) = _files(tmp_path)
    kept = {name for name, _ in _code_cache._read(str(cache_file))}
    # Every class of the library had its methods made through the cache; the
    # class of another module did not.
    for name in first["classes"]:  # type: ignore[attr-defined]
        assert f"<attrs generated methods {name}>" in kept, name
    assert not [k for k in kept if "Elsewhere" in k]
    written = cache_file.stat().st_mtime_ns
    second = _probe(example_file, tmp_path, seed="1")
    assert second["compiled"] == 0
    assert cache_file.stat().st_mtime_ns == written  # nothing new: not written again
    for run in (first, second):
        assert run["exact"] == run["same"] == run["methods"] > 100
        assert run["hash"] is True
    assert second["violations"] == first["violations"]


def test_code_found_under_another_hash_seed_is_the_code_attrs_would_compile(
    example_file: Path, tmp_path: Path
) -> None:
    _probe(example_file, tmp_path, seed="1")
    other = _probe(example_file, tmp_path, seed="2")
    # Found although attrs wrote other hash numbers into the texts.
    assert other["compiled"] == 0
    assert other["same"] == other["methods"]
    assert other["hash"] is True


def test_no_cache_file_without_bytecode_writing(example_file: Path, tmp_path: Path) -> None:
    _probe(example_file, tmp_path, seed="1", write=False)
    assert _files(tmp_path) == []


def test_an_entry_that_is_not_code_is_compiled_again(tmp_path: Path) -> None:
    import importlib.util

    path = tmp_path / "generated.marshal"
    entries = {
        ("<x>", "x = 1\n"): (b"not code", None),
        ("<y>", "y = 2\n"): (marshal.dumps(3), None),
    }
    path.write_bytes(marshal.dumps((_code_cache._MAGIC, importlib.util.MAGIC_NUMBER, entries)))
    cache = _Cache(str(path))
    assert cache.compiled("x = 1\n", "<x>") == compile("x = 1\n", "<x>", "exec", dont_inherit=True)
    assert cache.compiled("y = 2\n", "<y>") == compile("y = 2\n", "<y>", "exec", dont_inherit=True)
    assert set(cache.added) == set(entries)


def test_readers_of_classes_outside_the_library_are_not_kept() -> None:
    import attrs

    from compagnonnage.documents._generated import _define

    @attrs.define
    class Outside:
        x: int

    read = _define("reader", Outside, "def read(d):\n    return d + 1\n", {})
    assert read(2) == 3
    cache = _code_cache._cache
    assert cache is None or not [k for k in cache.added if "Outside" in k[0]]
    assert not [k for k in _code_cache._read(cache.path if cache else None) if "Outside" in k[0]]


@given(number=_HASH_LIKE, other=_HASH_LIKE)
def test_a_number_written_twice_is_kept_with_the_text(number: int, other: int) -> None:
    cache = _Cache(None)
    twice = f"a = {number}\nb = {number}\n"
    assert cache.compiled(twice, "<t>", number) == compile(twice, "<t>", "exec", dont_inherit=True)
    again = f"a = {other}\nb = {other}\n"
    assert cache.compiled(again, "<t>", other) == compile(again, "<t>", "exec", dont_inherit=True)


def test_derived_data_is_kept_until_its_source_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_code_cache, "_path", lambda name="": str(tmp_path / f"{name}.marshal"))
    source = tmp_path / "table.json"
    source.write_text("[1, 2]")
    made: list[int] = []

    def make() -> dict[str, int]:
        made.append(1)
        return {"size": len(source.read_text())}

    assert _code_cache.derived("table", str(source), make) == {"size": 6}
    assert _code_cache.derived("table", str(source), make) == {"size": 6}
    assert len(made) == 1  # the second was read back
    source.write_text("[1, 2, 3]")
    assert _code_cache.derived("table", str(source), make) == {"size": 9}
    assert len(made) == 2
    (tmp_path / "table.marshal").write_bytes(b"garbage")
    assert _code_cache.derived("table", str(source), make) == {"size": 9}
    assert len(made) == 3


def test_derived_data_of_a_missing_source_is_made_each_time(tmp_path: Path) -> None:
    assert _code_cache.derived("none", str(tmp_path / "absent"), lambda: 7) == 7


def test_iso_names_are_pycountrys_table() -> None:
    import pycountry

    from compagnonnage._validators import iso_names

    assert iso_names("3166-2") == {s.code: s.name for s in pycountry.subdivisions}
    assert iso_names("3166-1")["TG"] == "Togo"
    assert iso_names("4217")["XOF"] == pycountry.currencies.get(alpha_3="XOF").name


def test_nothing_is_prepared_for_a_folder_that_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = _Cache(str(tmp_path / "generated.marshal"))
    cache.compiled("x = 1\n", "<x>")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    monkeypatch.setattr(marshal, "dumps", lambda *a: pytest.fail("prepared in vain"))
    cache.save()
    assert not (tmp_path / "generated.marshal").exists()
    assert cache.added  # kept: a later save may succeed
