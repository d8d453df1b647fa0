"""The FastAPI app: thin routes that verify, make idempotent, hand off and answer fast."""
