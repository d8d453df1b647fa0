"""The FastAPI application: web chat, health, and (in later issues) the channel webhooks."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.engine import Engine

from conversations.core import Conversation
from finance.db import default_engine
from webhooks import web_chat
from webhooks.settings import WebSettings

log = logging.getLogger(__name__)


def create_app(engine: Engine | None = None, settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    engine = engine or default_engine()
    app = FastAPI(title="KAVI", version="0.1.0", docs_url=None, redoc_url=None)
    app.state.conversation = Conversation(engine)
    app.state.web_token = settings.kavi_web_token
    app.include_router(web_chat.router)

    @app.get("/health")
    def health() -> JSONResponse:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as exc:  # any database failure means unhealthy, whatever its type
            log.warning("health check failed: %s", exc)
            return JSONResponse({"status": "unhealthy", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": engine.dialect.name})

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
        return JSONResponse({"error": "invalid request", "problems": problems}, status_code=422)

    return app
