"""ASGI apps the webhook benchmark runs in their own processes (uvicorn --factory)."""

import json
import os

from fastapi import FastAPI, Request


def bare() -> FastAPI:
    """The baseline: a route that only parses the JSON body."""
    app = FastAPI()

    @app.post("/telegram/webhook")
    async def webhook(request: Request) -> dict[str, bool]:
        json.loads(await request.body())
        return {"ok": True}

    return app


def telegram_standin() -> FastAPI:
    from tests.standins.telegram import TelegramStandIn

    standin = TelegramStandIn(os.environ["TELEGRAM_BOT_TOKEN"])

    @standin.app.get("/_count")
    def count() -> dict[str, int]:
        return {"sent": len(standin.sent("sendMessage"))}

    return standin.app
