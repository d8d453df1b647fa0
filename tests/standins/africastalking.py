"""A stand-in for Africa's Talking's SMS API on 127.0.0.1 (POST /version1/messaging)."""

import itertools
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


class AfricasTalkingStandIn:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key
        self.sent: list[dict[str, Any]] = []
        self._ids = itertools.count(1)
        self.app = FastAPI()
        self.app.post("/version1/messaging")(self._send)

    async def _send(self, request: Request) -> JSONResponse:
        if request.headers.get("apikey") != self.api_key:
            return JSONResponse({"error": "The supplied authentication is invalid"}, status_code=401)
        fields = dict(await request.form())
        self.sent.append(fields)
        recipients = [
            {
                "statusCode": 101,
                "number": number,
                "status": "Success",
                "cost": "KES 0.8000",
                "messageId": f"ATXid_{next(self._ids):032x}",
            }
            for number in fields["to"].split(",")
        ]
        return JSONResponse(
            {
                "SMSMessageData": {
                    "Message": f"Sent to {len(recipients)}/{len(recipients)} Total Cost: KES 0.8000",
                    "Recipients": recipients,
                }
            },
            status_code=201,
        )
