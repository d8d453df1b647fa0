"""Function declarations for Gemini, generated from the intent contract."""

from typing import Any

from google.genai import types

from conversations.contract import IntentSpec
from conversations.registry import contract


def _schema(spec: IntentSpec) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for name, slot in spec.slots.items():
        prop: dict[str, Any] = {"type": slot.type, "description": slot.description}
        if slot.enum:
            prop["enum"] = list(slot.enum)
        properties[name] = prop
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if spec.required:
        schema["required"] = list(spec.required)
    return schema


def declarations() -> list[types.FunctionDeclaration]:
    return [
        types.FunctionDeclaration(name=name, description=spec.description, parameters_json_schema=_schema(spec))
        for name, spec in contract().items()
    ]
