"""Inbound bodies, read the same careful way on every route: at most `limit` bytes, read in chunks
and refused at the cap (413) rather than after reading it all; JSON checked for nesting before it is
parsed (400: json.loads recurses once per level, and 100,000 `[` is a RecursionError); the result
checked against a typed model (422, the same answer FastAPI gives for its own bodies)."""

import json
import re
from collections.abc import Callable
from itertools import accumulate
from typing import Any, TypeVar

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData
from starlette.types import Message

# Telegram's deepest real updates (a reply to a message with entities) nest about 8 levels.
MAX_DEPTH = 32
# Text no column can keep: NUL (PostgreSQL refuses it in text) and unpaired surrogates (JSON's "\ud800",
# which no UTF-8 encoder, so neither database, takes). No real sender sends either.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
UNSTORABLE = "the body holds a NUL character or an unpaired surrogate, which no text can store"

Model = TypeVar("Model", bound=BaseModel)

_ESCAPE = re.compile(rb"\\.", re.DOTALL)  # \" \\ \n ...: removed first, so every `"` left is real
_STRING = re.compile(rb'"[^"]*"')  # no nested quantifier: linear even on hostile input
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = tuple(1 if b in b"[{" else -1 if b in b"]}" else 0 for b in range(256))


class BodyRefused(HTTPException):
    """A body too big (413) or not JSON / too deeply nested (400), refused before it is parsed."""


async def read_capped(request: Request, limit: int) -> bytes:
    """The body, or 413 as soon as it passes `limit`: a declared length over it is refused unread."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyRefused(413, f"request body too large (over {limit:,} bytes)")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise BodyRefused(413, f"request body too large (over {limit:,} bytes)")
    return bytes(body)


async def capped_form(request: Request, limit: int, *, max_files: int = 0, max_fields: int = 100) -> FormData:
    """A form (urlencoded or multipart) parsed from a body read with `read_capped`. Close it after use."""
    body = await read_capped(request, limit)

    async def replay() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, replay).form(max_files=max_files, max_fields=max_fields)
    if any(_UNSTORABLE.search(text) for item in form.multi_items() for text in item if isinstance(text, str)):
        await form.close()
        raise BodyRefused(400, UNSTORABLE)
    return form


def nesting(raw: bytes) -> int:
    """How deep the arrays and objects in a JSON text go, counted without parsing it."""
    brackets = _STRING.sub(b"", _ESCAPE.sub(b"", raw)).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _not_json(constant: str) -> Any:
    """NaN and Infinity: Python's json reads them, but they are not JSON, and no database column takes them."""
    raise ValueError(f"{constant} is not JSON")


def loads_json(raw: bytes, *, parse_float: Callable[[str], Any] | None = None) -> Any:
    if nesting(raw) > MAX_DEPTH:
        raise BodyRefused(400, f"JSON nested more than {MAX_DEPTH} levels deep")
    try:
        data = json.loads(raw, parse_float=parse_float, parse_constant=_not_json)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise BodyRefused(400, "the body is not valid JSON") from exc
    if _unstorable(data):
        raise BodyRefused(400, UNSTORABLE)
    return data


def _unstorable(value: Any) -> bool:
    """Whether any key or string in parsed JSON holds what no column can keep (nested at most MAX_DEPTH)."""
    if isinstance(value, str):
        return _UNSTORABLE.search(value) is not None
    if isinstance(value, dict):
        return any(_unstorable(key) or _unstorable(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_unstorable(item) for item in value)
    return False


def validated(model: type[Model], data: Any) -> Model:
    """`data` as `model`, or the app's usual 422 listing each problem (never the values sent)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [{**error, "loc": ("body", *error["loc"])} for error in exc.errors(include_url=False)]
        raise RequestValidationError(errors) from exc


async def json_body(request: Request, model: type[Model], limit: int) -> Model:
    """The usual JSON route: capped, depth-checked, parsed, validated."""
    return validated(model, loads_json(await read_capped(request, limit)))
