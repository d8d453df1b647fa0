"""Per-chat pacing: a short burst, then about one message a second (Telegram's advice)."""

import asyncio
import time


class ChatPacer:
    def __init__(self, per_second: float = 1.0, burst: int = 3) -> None:
        self.rate = per_second
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}  # chat -> (tokens, last refill)

    async def wait(self, chat: str) -> None:
        while True:
            now = time.monotonic()
            tokens, last = self._buckets.get(chat, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[chat] = (tokens - 1, now)
                return
            self._buckets[chat] = (tokens, now)
            await asyncio.sleep((1 - tokens) / self.rate)
