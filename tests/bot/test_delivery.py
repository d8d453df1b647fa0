"""Each reply is claimed before it is sent and marked sent after: a retry after a fault sends only
what was not sent, the reply in flight at a crash is not sent again, and a replay sends nothing."""

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.records.models import ReplyDelivery
from bot.records.outbox import queue
from conversations.messages import IncomingMessage
from finance.db import session_scope
from finance.models import Business
from tests.bot.helpers import dispatcher, event, onboard, run, stored, until
from tests.bot.recording import RecordingChannel

NOTICE = "Payment in: Ksh 2,500 from Jane Achieng."


def _two_replies(engine: Engine, web: RecordingChannel) -> tuple[int, IncomingMessage]:
    """A web-chat owner with a notice waiting: their next message gets the notice, then its answer."""
    run(lambda: onboard(engine, web))
    with session_scope(engine) as session:
        business = session.exec(select(Business)).one()
        payload = {"channel": "web", "to": "owner", "text": NOTICE, "choices": []}
        queue(session, business_id=business.id or 0, kind="payment", subject="p1", period="-", payload=payload)
    return stored(engine, "sold 700", channel="web")


def _deliveries(engine: Engine, event_id: int) -> list[tuple[int, str]]:
    with Session(engine) as session:
        rows = session.exec(select(ReplyDelivery).where(ReplyDelivery.event_id == event_id)).all()
        return sorted((row.position, row.status) for row in rows)


def _replay(engine: Engine, web: RecordingChannel, event_id: int, message: IncomingMessage) -> None:
    """The same event handed in again (a second worker, a platform's retry that got through)."""

    async def again() -> None:
        kavi = dispatcher(engine, web)
        kavi.submit(event_id, message)
        await kavi.stop()

    run(again)


def test_retry_after_a_failed_second_reply_sends_only_that_reply(engine: Engine) -> None:
    web = RecordingChannel("web", can_push=False)
    event_id, message = _two_replies(engine, web)
    web.fail_deliveries = {2}

    async def first() -> None:
        kavi = dispatcher(engine, web)
        kavi.submit(event_id, message)
        await kavi.stop()

    run(first)
    assert web.texts() == [NOTICE] and event(engine, event_id).status == "answered"

    async def retry() -> None:  # a fresh process after the fault
        kavi = dispatcher(engine, web)
        assert await kavi.recover() == 1
        await kavi.stop()

    run(retry)
    notice, answer = web.texts()
    assert notice == NOTICE and "Recorded income: Ksh 700" in answer
    assert event(engine, event_id).status == "done"
    assert _deliveries(engine, event_id) == [(0, "sent"), (1, "sent")]
    _replay(engine, web, event_id, message)
    assert len(web.texts()) == 2  # nothing more


def test_reply_in_flight_at_a_crash_is_not_sent_twice(engine: Engine) -> None:
    web = RecordingChannel("web", can_push=False)
    event_id, message = _two_replies(engine, web)
    web.hang_after = {1}  # the notice reaches the platform; then the process is killed

    async def killed() -> None:
        kavi = dispatcher(engine, web)
        kavi.submit(event_id, message)
        await until(lambda: web.delivered, what="the first reply on the wire")
        # Returning tears the loop down mid-send, as SIGKILL would: nothing after the send runs.

    run(killed)
    assert web.texts() == [NOTICE] and _deliveries(engine, event_id) == [(0, "sending")]

    async def restarted() -> None:
        kavi = dispatcher(engine, web)
        await kavi.recover()
        await kavi.stop()

    run(restarted)
    notice, answer = web.texts()  # the notice once, not again
    assert notice == NOTICE and "Recorded income: Ksh 700" in answer
    assert event(engine, event_id).status == "done"
    _replay(engine, web, event_id, message)
    assert len(web.texts()) == 2
