"""The python-telegram-bot Application: our endpoints, Telegram's rate limits, no updater of its own."""

from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot.settings import ChannelSettings


def builder(settings: ChannelSettings) -> ApplicationBuilder:
    base = settings.telegram_api_base_url.rstrip("/")
    return (
        Application.builder()
        .token(settings.telegram_bot_token or "")
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        # 30 messages/s overall, 20/min per group, and a 429's retry_after honoured (3 tries).
        .rate_limiter(AIORateLimiter(max_retries=3))
    )


def webhook_application(settings: ChannelSettings) -> Application:
    """For `kavi serve`: updates arrive on our own route, so no updater (the PTB custom-webhook pattern)."""
    return builder(settings).updater(None).build()
