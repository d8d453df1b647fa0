"""Asking Gemini (google-genai): a function call to run through our handlers, or a grounded answer."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from google import genai
from google.genai import errors, types

from conversations.gemini.context import RULES, Context
from conversations.gemini.declarations import declarations
from conversations.gemini.settings import GeminiSettings
from conversations.intents import Intent
from conversations.parser.amounts import find_amounts
from conversations.parser.text import Analysed
from conversations.registry import contract

log = logging.getLogger(__name__)

_LANGUAGES = {"en": "English", "sw": "Swahili"}


class GeminiUnavailable(Exception):
    """Timeout, network, quota or a reply we cannot use: the caller answers locally."""


@dataclass(frozen=True)
class Answer:
    intent: Intent | None = None
    text: str | None = None


def make_client(settings: GeminiSettings) -> genai.Client:
    options = types.HttpOptions(
        base_url=settings.gemini_base_url,
        timeout=int(settings.kavi_gemini_timeout_s * 1000),
        # One try: the person is waiting, and the local answer is a fine fallback.
        retry_options=types.HttpRetryOptions(attempts=1),
    )
    return genai.Client(api_key=settings.gemini_api_key, http_options=options)


def generate(
    client: genai.Client, model: str, contents: types.ContentListUnionDict, config: types.GenerateContentConfig
) -> types.GenerateContentResponse:
    """One generateContent call; any failure is GeminiUnavailable, for the caller to answer locally."""
    try:
        return client.models.generate_content(model=model, contents=contents, config=config)
    except (errors.APIError, OSError, ValueError) as exc:
        raise GeminiUnavailable(str(exc)) from exc
    except Exception as exc:  # httpx timeouts and transport errors surface under several types
        raise GeminiUnavailable(f"{type(exc).__name__}: {exc}") from exc


class Gemini:
    def __init__(self, settings: GeminiSettings) -> None:
        self.settings = settings
        self.client = make_client(settings)
        # Typed as the SDK's own union: a list of Tool alone does not fit its (invariant) list type.
        self._tools: list[types.Tool | Callable[..., Any]] = [types.Tool(function_declarations=declarations())]

    def ask(self, text: str, context: Context, lang: str, today: str) -> Answer:
        config = types.GenerateContentConfig(
            system_instruction=RULES.format(language=_LANGUAGES.get(lang, "English"), today=today)
            + "\n\n"
            + context.text,
            tools=self._tools,
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
            temperature=0.2,
        )
        response = generate(self.client, self.settings.kavi_gemini_model, text, config)
        calls = response.function_calls or []
        if calls:
            return Answer(intent=_intent_from_call(calls[0].name, dict(calls[0].args or {})))
        answer = (response.text or "").strip()
        if not answer:
            raise GeminiUnavailable("empty answer")
        unsupported = ungrounded_figures(answer, context)
        if unsupported:
            log.warning("Gemini quoted figures not in the data: %s", unsupported)
            raise GeminiUnavailable(f"ungrounded figures {sorted(unsupported)}")
        return Answer(text=answer)


def _intent_from_call(name: str | None, args: dict[str, Any]) -> Intent:
    spec = contract().get(name or "")
    if spec is None:
        raise GeminiUnavailable(f"unknown function {name!r}")
    slots: dict[str, Any] = {}
    for key, value in args.items():
        slot = spec.slots.get(key)
        if slot is None or value in (None, ""):
            continue
        if slot.enum and str(value) not in slot.enum:
            continue
        slots[key] = int(value) if slot.type == "integer" else str(value)
    missing = [key for key in spec.required if key not in slots]
    if missing and not (name or "").startswith("record_"):
        raise GeminiUnavailable(f"{name} without {missing}")
    return Intent(name or "unknown", slots, confidence=0.8)


def ungrounded_figures(answer: str, context: Context) -> set[Decimal]:
    """Money in the answer that the context never gave: small counts (days, lines) are fine."""
    found = set()
    for amount in find_amounts(Analysed.of(answer)):
        value = abs(amount.value)
        if (value >= 100 or amount.score > 0) and value not in context.figures:
            found.add(value)
    return found
