"""POST /africastalking/sms: an incoming SMS from Africa's Talking, stored then answered.

Africa's Talking signs nothing; set AFRICASTALKING_CALLBACK_TOKEN and register the callback
as /africastalking/sms?token=... so that only they can post here.
"""

import json
import secrets

from fastapi import APIRouter, HTTPException, Request

from bot.africastalking_adapter import incoming
from bot.inbox import accept

router = APIRouter()


@router.post("/africastalking/sms")
async def africastalking_sms(request: Request) -> dict[str, bool]:
    settings = request.app.state.channel_settings
    if not settings.africastalking_enabled:
        raise HTTPException(status_code=404, detail="Africa's Talking is not configured")
    expected = settings.africastalking_callback_token
    given = request.query_params.get("token")
    if expected and not (given and secrets.compare_digest(given, expected)):
        raise HTTPException(status_code=403, detail="wrong or missing token")
    if "json" in request.headers.get("content-type", ""):
        try:
            raw = json.loads(await request.body())
        except ValueError as exc:
            raise HTTPException(status_code=400, detail="malformed JSON") from exc
        fields = {k: str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    else:
        fields = {k: str(v) for k, v in (await request.form()).items()}
    message = incoming(fields)
    if message is None:
        raise HTTPException(status_code=400, detail="no id or from")
    await accept(request.app.state, message)
    return {"ok": True}
