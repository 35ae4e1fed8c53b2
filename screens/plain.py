"""Turn data into something Textual shows as-is, never as markup.

Plan titles, answers, paths and error messages are data: a ``[`` in a title must print a
bracket, and ``[@click=app.quit]`` in a rejected value must not become a live action. Every
widget label built from data goes through :func:`plain` (all data) or :func:`styled` (a fixed
markup template whose ``$name`` variables are filled in as plain text). Control characters,
bidi overrides and other invisible marks are escaped by :func:`wizard.text.printable` first, so
they cannot restyle or reorder the screen either.
"""

from __future__ import annotations

from textual.content import Content

from wizard.text import printable


def shown(text: object) -> str:
    """``text`` with every unprintable character escaped, line breaks kept."""
    return "\n".join(printable(line) for line in str(text).split("\n"))


def plain(text: object) -> Content:
    """Data as a Content: no markup is parsed, nothing unprintable reaches the terminal."""
    return Content(shown(text))


def styled(template: str, **values: object) -> Content:
    """A fixed markup ``template`` (written in this package, never data) filled with data.

    ``$name`` in the template is replaced by ``values[name]`` as plain text, so brackets in the
    data stay brackets.
    """
    return Content.from_markup(template, **{k: shown(v) for k, v in values.items()})
