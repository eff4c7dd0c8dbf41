"""The words of the library and of its plugins, in every language it speaks.

What a plugin author or an application needs from the one translation mechanism:

* :class:`Text` — the words the data carries (module titles, level descriptions,
  services), written French then English, any other language by its code;
* :class:`Catalogue` — a gettext catalogue for the words a plugin's code says (its
  rule messages): ``_ = Catalogue("my_plugin", "my_plugin").message``;
* :class:`Message` — what ``_("…")`` gives: rendered with ``message(lang)``;
* :func:`languages` — every language the library speaks (English, then each
  language with a catalogue).

See :doc:`/languages` for the whole story.
"""

from __future__ import annotations

from compagnonnage._i18n import Catalogue, Lang, Message, Text, languages

__all__ = ["Catalogue", "Lang", "Message", "Text", "languages"]
