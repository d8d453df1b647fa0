"""POST /africastalking/ussd: one USSD step from Africa's Talking, answered in the response as
text/plain "CON ..." (a screen that waits for input) or "END ..." (the last one).

Africa's Talking signs nothing, as for SMS: register the callback as
/africastalking/ussd?token=<AFRICASTALKING_CALLBACK_TOKEN>. Without the token set the route refuses.
"""

import asyncio
import secrets

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from bot.ussd import UssdStep, answer
from webhooks.request_body import capped_form, validated

router = APIRouter()

MAX_BODY = 16_000  # a step is a few hundred bytes


class AfricasTalkingUssd(BaseModel):
    """A USSD callback's form fields. `text` is everything typed this session, joined by "*"."""

    model_config = ConfigDict(strict=True, extra="ignore")
    sessionId: str = Field(min_length=1, max_length=64)
    phoneNumber: str = Field(pattern=r"^\+?[0-9]{6,15}$")
    serviceCode: str = Field(default="", max_length=40)
    networkCode: str = Field(default="", max_length=10)
    text: str = Field(default="", max_length=2000)


@router.post("/africastalking/ussd", response_class=PlainTextResponse)
async def africastalking_ussd(request: Request) -> PlainTextResponse:
    expected = request.app.state.channel_settings.africastalking_callback_token
    if not expected:
        raise HTTPException(
            status_code=503,
            detail="the Africa's Talking callbacks are off: set AFRICASTALKING_CALLBACK_TOKEN "
            "and register /africastalking/ussd?token=<it>",
        )
    given = request.query_params.get("token")
    if not (given and secrets.compare_digest(given, expected)):
        raise HTTPException(status_code=403, detail="wrong or missing token")
    form = await capped_form(request, MAX_BODY)
    ussd = validated(AfricasTalkingUssd, {key: value for key, value in form.items() if isinstance(value, str)})
    step = UssdStep(ussd.sessionId, ussd.phoneNumber, ussd.text, ussd.serviceCode, ussd.networkCode)
    screen = await asyncio.to_thread(answer, request.app.state.conversation.engine, step)
    return PlainTextResponse(screen)
