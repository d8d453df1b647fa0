"""Small helpers the composers share: a text in both languages."""

from collections.abc import Callable

from conversations.nudges.plan import Books

LANGUAGES = ("en", "sw")


def both(books: Books, write: Callable[[Books], str]) -> dict[str, str]:
    return {lang: write(books.speaking(lang)) for lang in LANGUAGES}
