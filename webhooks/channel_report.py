"""What `kavi serve` says as it starts: each channel on, off (not configured), or refused for want of
the secret that proves a request came from it (the route then answers 503, saying which)."""

from bot.settings import ChannelSettings
from webhooks.settings import WebSettings


def channel_report(web: WebSettings, channels: ChannelSettings) -> list[tuple[str, str]]:
    """(channel, state) pairs; a state starts with "on", "off" or "refused"."""
    report = []
    if web.kavi_web_token and not web.kavi_session_secret:
        report.append(("web chat", "refused, KAVI_SESSION_SECRET is not set (it signs chat sessions)"))
    elif web.kavi_web_token:
        report.append(("web chat", "on, with KAVI_WEB_TOKEN"))
    else:
        report.append(("web chat", "on, on this machine only (KAVI_WEB_TOKEN is not set)"))
    if not channels.telegram_bot_token:
        report.append(("telegram", "off, TELEGRAM_BOT_TOKEN is not set"))
    elif not channels.telegram_webhook_secret:
        report.append(("telegram", "refused, TELEGRAM_WEBHOOK_SECRET is not set"))
    else:
        report.append(("telegram", "on"))
    if not channels.twilio_account_sid:
        report.append(("twilio (whatsapp, sms)", "off, TWILIO_ACCOUNT_SID is not set"))
    elif not channels.twilio_auth_token:
        report.append(("twilio (whatsapp, sms)", "refused, TWILIO_AUTH_TOKEN is not set"))
    else:
        report.append(("twilio (whatsapp, sms)", "on"))
    if not channels.africastalking_enabled:
        report.append(("africa's talking sms", "off, AFRICASTALKING_USERNAME and AFRICASTALKING_API_KEY are not set"))
    elif not channels.africastalking_callback_token:
        report.append(("africa's talking sms", "refused, AFRICASTALKING_CALLBACK_TOKEN is not set"))
    else:
        report.append(("africa's talking sms", "on"))
    report.append(("m-pesa callbacks", "on (each business's URLs carry its own token)"))
    return report
