"""The dispatcher: one person's messages in order, different people in parallel, failed deliveries
retried by recover(), and a message that fails three times given up on with one word to the person."""

import asyncio

from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from conversations.texts import t
from finance.models import Transaction
from tests.bot.helpers import dispatcher, event, run, stored, until
from tests.bot.recording import RecordingChannel


def _transactions(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Transaction)).one()


def test_one_person_in_order_others_in_parallel(engine: Engine) -> None:
    telegram = RecordingChannel()

    async def scenario() -> None:
        kavi = dispatcher(engine, telegram)
        held = telegram.gates["paid rent 15k"] = asyncio.Event()  # alice's first message is slow
        kavi.submit(*stored(engine, "paid rent 15k", "alice"))
        kavi.submit(*stored(engine, "no, it was 12,000", "alice"))
        kavi.submit(*stored(engine, "sold 700", "bob"))
        await until(lambda: telegram.texts("bob"), what="bob's answer while alice's first is held")
        await asyncio.sleep(0.2)
        assert telegram.texts("alice") == []  # her correction waits for the message it corrects
        held.set()
        await kavi.stop()

    run(scenario)
    first, second = telegram.texts("alice")
    assert "Ksh 15,000" in first and "Fixed" in second and "Ksh 12,000" in second
    assert "Recorded income: Ksh 700" in telegram.texts("bob")[0]


def test_failed_delivery_is_finished_by_recover(engine: Engine) -> None:
    telegram = RecordingChannel()
    telegram.fail_deliveries = {1}
    event_id, message = stored(engine, "sold 700")

    async def scenario() -> None:
        kavi = dispatcher(engine, telegram)
        kavi.submit(event_id, message)
        await kavi.drain()
        assert telegram.delivered == [] and event(engine, event_id).status == "answered"
        assert await kavi.recover() == 1
        await kavi.stop()

    run(scenario)
    [answer] = telegram.texts()
    assert "Recorded income: Ksh 700" in answer
    assert event(engine, event_id).status == "done" and _transactions(engine) == 1  # answered once, recorded once


def test_three_failures_fail_the_event_and_tell_the_person_once(engine: Engine) -> None:
    telegram = RecordingChannel()
    telegram.fetch_failures = 5  # the attachment can never be downloaded
    event_id, message = stored(engine, "sold 700")

    async def scenario() -> None:
        kavi = dispatcher(engine, telegram)
        kavi.submit(event_id, message)
        await kavi.drain()
        for _ in range(4):  # the sweep comes round again and again
            await kavi.recover()
            await kavi.drain()
        await kavi.stop()

    run(scenario)
    found = event(engine, event_id)
    assert (found.status, found.attempts) == ("failed", 3)
    assert telegram.texts() == [t("failed", "en")]  # once, right after the third failure
    assert _transactions(engine) == 0


def test_an_answer_that_cannot_be_delivered_is_not_called_unrecorded(engine: Engine) -> None:
    telegram = RecordingChannel()
    telegram.fail_deliveries = {1, 2, 3}
    event_id, message = stored(engine, "sold 700")

    async def scenario() -> None:
        kavi = dispatcher(engine, telegram)
        kavi.submit(event_id, message)
        await kavi.drain()
        for _ in range(3):
            await kavi.recover()
            await kavi.drain()
        await kavi.stop()

    run(scenario)
    assert event(engine, event_id).status == "failed"
    # The sale *was* recorded: "nothing was recorded, try again" would have it recorded twice.
    assert _transactions(engine) == 1 and telegram.deliveries == 3 and telegram.delivered == []
