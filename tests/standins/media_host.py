"""A stand-in for a host that is not Twilio's (a storage bucket, or someone else's server): it serves
files at any path and records each request, and whether it carried credentials."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response


class MediaHostStandIn:
    def __init__(self) -> None:
        self.files: dict[str, tuple[str, bytes]] = {}  # path -> (content type, bytes)
        self.requests: list[dict[str, Any]] = []
        self.app = FastAPI()
        self.app.get("/{path:path}")(self._get)

    async def _get(self, path: str, request: Request) -> Response:
        self.requests.append({"path": "/" + path, "authorization": request.headers.get("authorization")})
        if "/" + path not in self.files:
            return Response(status_code=404)
        content_type, data = self.files["/" + path]
        return Response(data, media_type=content_type)
