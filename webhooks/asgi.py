"""The ASGI entry point uvicorn imports (one app per worker process)."""

from webhooks.app import create_app

app = create_app()
