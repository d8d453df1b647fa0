"""A stand-in for Twilio's REST API on 127.0.0.1: Messages.json as the SDK calls it, and media URLs."""

import base64
import itertools
from email.utils import formatdate
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response


class TwilioStandIn:
    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.messages: list[dict[str, Any]] = []
        self.media: dict[str, tuple[str, bytes]] = {}  # path -> (content type, bytes)
        self.media_requests: list[dict[str, Any]] = []
        # path -> where Twilio's API sends the client next, as the real one does (to its media storage)
        self.redirects: dict[str, str] = {}
        self._sids = itertools.count(1)
        self.app = FastAPI()
        self.app.post("/2010-04-01/Accounts/{account}/Messages.json")(self._create)
        self.app.get("/2010-04-01/Accounts/{account}/Messages/{message}/Media/{media}")(self._media)

    def _authorised(self, request: Request) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return request.headers.get("authorization") == f"Basic {expected}"

    async def _create(self, account: str, request: Request) -> JSONResponse:
        if not self._authorised(request) or account != self.account_sid:
            return JSONResponse({"code": 20003, "message": "Authenticate", "status": 401}, status_code=401)
        form = await request.form()
        fields = {key: form.getlist(key) if key == "MediaUrl" else form.get(key) for key in form}
        sid = f"SM{next(self._sids):032x}"
        self.messages.append({"sid": sid, **fields})
        now = formatdate(usegmt=True)
        body = {
            "account_sid": account,
            "api_version": "2010-04-01",
            "body": fields.get("Body", ""),
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": fields.get("From"),
            "messaging_service_sid": None,
            "num_media": str(len(fields.get("MediaUrl") or [])),
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            "status": "queued",
            "to": fields.get("To"),
            "subresource_uris": {"media": f"/2010-04-01/Accounts/{account}/Messages/{sid}/Media.json"},
            "uri": f"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
        }
        return JSONResponse(body, status_code=201)

    async def _media(self, account: str, message: str, media: str, request: Request) -> Response:
        path = f"/2010-04-01/Accounts/{account}/Messages/{message}/Media/{media}"
        self.media_requests.append({"path": path, "authorised": self._authorised(request)})
        if not self._authorised(request):
            return Response(status_code=401)
        if path in self.redirects:
            return Response(status_code=307, headers={"Location": self.redirects[path]})
        if path not in self.media:
            return Response(status_code=404)
        content_type, data = self.media[path]
        return Response(data, media_type=content_type)
