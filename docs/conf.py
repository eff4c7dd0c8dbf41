"""Sphinx configuration of the compagnonnage documentation site.

Built offline with ``sphinx-build -W --keep-going -n docs <build dir>``: warnings and
broken cross-references are errors, and nothing is downloaded (no intersphinx).
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from sphinx.deprecation import RemovedInSphinx10Warning

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import compagnonnage  # noqa: E402

# sphinx-autodoc-typehints still calls an API that Sphinx 10 removes: not ours to fix.
warnings.filterwarnings("ignore", category=RemovedInSphinx10Warning)

project = "compagnonnage"
author = "compagnonnage developers"
copyright = "compagnonnage developers"
release = version = compagnonnage.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx_autodoc_typehints",
    "compagnonnage_docs",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"compagnonnage {release}"

autodoc_default_options = {"members": True}
autodoc_member_order = "bysource"
autodoc_typehints_format = "short"
typehints_document_rtype = True
always_use_bars_union = True

nitpicky = True
# Types of other projects: without intersphinx (the build is offline) they cannot be
# linked, so they are shown as text. Every name of compagnonnage itself must resolve.
nitpick_ignore_regex = [
    (
        r"py:.*",
        r"(abc|datetime|collections|typing|types|enum|pathlib|argparse|os|re|decimal|gettext)(\..*)?",
    ),
    (r"py:.*", r"(attrs|attr|cattrs|pluggy|hypothesis|pytest|_pytest|orjson)(\..*)?"),
    (
        r"py:.*",
        r"(int|str|float|bool|bytes|object|None|type|tuple|list|dict|set|frozenset|Ellipsis)",
    ),
    (r"py:.*", r"(Exception|ValueError|TypeError|KeyError|LookupError|Warning|UserWarning)"),
    (r"py:.*", r"(Callable|Iterable|Iterator|Mapping|Sequence|Any|ClassVar|Literal|TypeVar)"),
]

# ``Section`` holds sections: the recursive annotation is rendered as text.
# The console lexer stumbles on an apostrophe in a command's output, then highlights
# the block in relaxed mode: nothing is lost.
suppress_warnings = ["sphinx_autodoc_typehints.forward_reference", "misc.highlighting_failure"]

# Texts of the code (rule titles, messages) are shown exactly as they are written.
smartquotes = False
