"""A stand-in for the Gemini API on 127.0.0.1: speaks generateContent's JSON, records every request."""

import asyncio
from collections import deque
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


def function_call(name: str, args: dict[str, Any]) -> dict[str, Any]:
    return _candidate({"functionCall": {"name": name, "args": args}})


def text(answer: str) -> dict[str, Any]:
    return _candidate({"text": answer})


def _candidate(part: dict[str, Any]) -> dict[str, Any]:
    return {
        "candidates": [{"content": {"role": "model", "parts": [part]}, "finishReason": "STOP", "index": 0}],
        "usageMetadata": {"promptTokenCount": 812, "candidatesTokenCount": 24, "totalTokenCount": 836},
        "modelVersion": "gemini-2.5-flash",
        "responseId": "standin-1",
    }


def error(status: int, reason: str, message: str) -> tuple[int, dict[str, Any]]:
    return status, {"error": {"code": status, "message": message, "status": reason}}


class GeminiStandIn:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.plan: deque[Any] = deque()
        self.delay_s = 0.0
        self.app = FastAPI()
        self.app.post("/{version}/models/{model_and_method}")(self._generate)

    async def _generate(self, version: str, model_and_method: str, request: Request) -> JSONResponse:
        self.requests.append(
            {
                "path": f"/{version}/models/{model_and_method}",
                "api_key": request.headers.get("x-goog-api-key"),
                "body": await request.json(),
            }
        )
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        step = self.plan.popleft() if self.plan else text("I can only help with your books.")
        if isinstance(step, tuple):
            status, body = step
            return JSONResponse(body, status_code=status)
        return JSONResponse(step)

    @property
    def last(self) -> dict[str, Any]:
        return self.requests[-1]["body"]
