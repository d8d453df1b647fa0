"""POST /africastalking/sms: an incoming SMS from Africa's Talking, stored then answered.

Africa's Talking signs nothing; set AFRICASTALKING_CALLBACK_TOKEN and register the callback
as /africastalking/sms?token=... so that only they can post here. Without the token set, the
route refuses everything.
"""

import secrets

from fastapi import APIRouter, HTTPException, Request

from bot.africastalking_adapter import incoming
from bot.inbox import accept
from webhooks.bodies import AfricasTalkingSms
from webhooks.request_body import capped_form, loads_json, read_capped, validated

router = APIRouter()

MAX_BODY = 64_000  # an SMS callback is a few hundred bytes


@router.post("/africastalking/sms")
async def africastalking_sms(request: Request) -> dict[str, bool]:
    settings = request.app.state.channel_settings
    if not settings.africastalking_enabled:
        raise HTTPException(status_code=404, detail="Africa's Talking is not configured")
    expected = settings.africastalking_callback_token
    if not expected:
        raise HTTPException(
            status_code=503,
            detail="the Africa's Talking callback is off: set AFRICASTALKING_CALLBACK_TOKEN "
            "and register /africastalking/sms?token=<it>",
        )
    given = request.query_params.get("token")
    if not (given and secrets.compare_digest(given, expected)):
        raise HTTPException(status_code=403, detail="wrong or missing token")
    if "json" in request.headers.get("content-type", ""):
        data = loads_json(await read_capped(request, MAX_BODY))
    else:
        form = await capped_form(request, MAX_BODY)
        data = {key: value for key, value in form.items() if isinstance(value, str)}
    sms = validated(AfricasTalkingSms, data)
    message = incoming({"id": sms.id, "from": sms.from_, "text": sms.text})
    if message is None:
        raise HTTPException(status_code=400, detail="no id or from")
    await accept(request.app.state, message)
    return {"ok": True}
