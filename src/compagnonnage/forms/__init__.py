"""Field forms: a diagnostic module as an XLSForm, and ODK or KoboToolbox exports as answers.

Experts collect the field diagnostic with ODK Collect or KoboToolbox, which read
XLSForm workbooks and export submissions as CSV or JSON. :func:`xlsform` turns any
diagnostic module (the built-in one, a plugin's) into a form;
:func:`read_exports` reads the exports back as
:class:`~compagnonnage.diagnostics.CollectedAnswers`, the answers document that
``diagnose`` scores.

Writing ``.xlsx`` and checking a form with pyxform need the ``forms`` extra
(``pip install 'compagnonnage[forms]'``: openpyxl and pyxform), imported only
when used; reading exports needs nothing more than the standard library.
"""

from compagnonnage.forms._errors import MAX_SHOWN, ExportError, ExportProblem, FormError
from compagnonnage.forms._export import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    XLSForm,
    default_languages,
    language_name,
    xlsform,
)
from compagnonnage.forms._import import ImportReport, read_exports
from compagnonnage.forms._shapes import FORMATS, MAX_EXPORT_SIZE

__all__ = [
    "DEFAULT_LANGUAGE",
    "FORMATS",
    "LANGUAGE_NAMES",
    "MAX_EXPORT_SIZE",
    "MAX_SHOWN",
    "ExportError",
    "ExportProblem",
    "FormError",
    "ImportReport",
    "XLSForm",
    "default_languages",
    "language_name",
    "read_exports",
    "xlsform",
]
