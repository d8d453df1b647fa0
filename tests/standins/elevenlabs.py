"""A stand-in for ElevenLabs' text-to-speech endpoint on 127.0.0.1, as the SDK calls it.

POST /v1/text-to-speech/{voice_id}?output_format=opus_48000_32 with the `xi-api-key` header and a
JSON body (text, model_id, ...); answers audio bytes, or the error the test asks for.
"""

import asyncio
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response


class ElevenLabsStandIn:
    def __init__(self, api_key: str, audio: bytes) -> None:
        self.api_key = api_key
        self.audio = audio
        self.calls: list[dict[str, Any]] = []
        self.fail_with: int | None = None  # an HTTP status to answer instead of audio
        self.delay = 0.0  # seconds to wait before answering (a slow or hung service)
        self.content_type = "audio/ogg"
        self.app = FastAPI()
        self.app.post("/v1/text-to-speech/{voice_id}")(self._speak)

    async def _speak(self, voice_id: str, request: Request) -> Response:
        body = await request.json()
        self.calls.append(
            {
                "voice_id": voice_id,
                "query": dict(request.query_params),
                "key": request.headers.get("xi-api-key"),
                "body": body,
            }
        )
        if self.delay:
            await asyncio.sleep(self.delay)
        if request.headers.get("xi-api-key") != self.api_key:
            return JSONResponse({"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}, 401)
        if self.fail_with:
            return JSONResponse({"detail": {"status": "error", "message": "stand-in failure"}}, self.fail_with)
        return Response(self.audio, media_type=self.content_type)
