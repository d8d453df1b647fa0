"""A stand-in for the Telegram Bot API on 127.0.0.1: the methods KAVI uses, in the real JSON envelope."""

import itertools
import json
import time
from collections import deque
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

BOT_USER = {
    "id": 1540757891,
    "is_bot": True,
    "first_name": "KAVI",
    "username": "kavi_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


class TelegramStandIn:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}  # file_id -> bytes
        self.downloads: list[str] = []
        self.uploads: dict[str, bytes] = {}  # filename -> bytes of files KAVI sent (voice notes, PDFs)
        self.throttle: deque[int] = deque()  # retry_after seconds for the next send calls
        self.updates: list[dict[str, Any]] = []  # served by getUpdates (polling)
        self._ids = itertools.count(100)
        self.app = FastAPI()
        self.app.api_route("/bot{token}/{method}", methods=["GET", "POST"])(self._method)
        self.app.get("/file/bot{token}/{path:path}")(self._download)

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [c for c in self.calls if c["method"] == method and c.get("ok")]

    async def _method(self, token: str, method: str, request: Request) -> JSONResponse:
        if token != self.token:
            return JSONResponse({"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401)
        params: dict[str, Any] = dict(request.query_params)
        content_type = request.headers.get("content-type", "")
        if "json" in content_type:
            params.update(await request.json())
        elif content_type:
            form = await request.form()
            for key, value in form.multi_items():
                if hasattr(value, "filename"):
                    self.uploads[value.filename] = await value.read()
                    params[key] = value.filename
                else:
                    params[key] = value
        call = {"method": method, "params": params, "at": time.monotonic()}
        self.calls.append(call)
        if method.startswith("send") and self.throttle:
            wait = self.throttle.popleft()
            return JSONResponse(
                {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {wait}",
                    "parameters": {"retry_after": wait},
                },
                status_code=429,
            )
        call["ok"] = True
        return JSONResponse({"ok": True, "result": self._result(method, params)})

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "getFile":
            file_id = params["file_id"]
            return {
                "file_id": file_id,
                "file_unique_id": file_id[-8:],
                "file_size": len(self.files.get(file_id, b"")),
                "file_path": f"files/{file_id}.bin",
            }
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            return [u for u in self.updates if u["update_id"] >= offset]
        if method.startswith("send"):
            chat_id = int(params["chat_id"])
            message: dict[str, Any] = {
                "message_id": next(self._ids),
                "date": int(time.time()),
                "from": BOT_USER,
                "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
            }
            if "text" in params:
                message["text"] = params["text"]
            if "reply_markup" in params:
                markup = params["reply_markup"]
                markup = json.loads(markup) if isinstance(markup, str) else markup
                # A sent Message carries inline keyboards only; reply keyboards are not echoed back.
                if "inline_keyboard" in markup:
                    message["reply_markup"] = markup
            return message
        return True  # answerCallbackQuery, setWebhook, deleteWebhook

    async def _download(self, token: str, path: str) -> Response:
        file_id = path.removeprefix("files/").removesuffix(".bin")
        self.downloads.append(file_id)
        if token != self.token or file_id not in self.files:
            return Response(status_code=404)
        return Response(self.files[file_id], media_type="application/octet-stream")
