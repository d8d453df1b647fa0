from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from finance.models import ChannelIdentity, Person
from finance.services.members import find_person, link_phone, register_person


def test_phone_channels_find_one_person(engine: Engine) -> None:
    with Session(engine) as session:
        first = register_person(session, channel="whatsapp", external_user_id="+254712345678", phone="+254712345678")
        same = find_person(session, channel="sms", external_user_id="+254712345678", phone="+254712345678")
        assert same is not None and same.id == first.id
        channels = {i.channel for i in session.exec(select(ChannelIdentity)).all()}
        assert channels == {"whatsapp", "sms"}


def test_telegram_user_sharing_a_known_number_joins_that_person(engine: Engine) -> None:
    with Session(engine) as session:
        whatsapp = register_person(session, channel="whatsapp", external_user_id="+254712345678", phone="+254712345678")
        telegram = register_person(session, channel="telegram", external_user_id="1111111")
        joined = link_phone(session, person=telegram, phone="+254712345678")
        assert joined.id == whatsapp.id
        again = find_person(session, channel="telegram", external_user_id="1111111")
        assert again is not None and again.id == whatsapp.id
        session.commit()
        assert [p.phone for p in session.exec(select(Person).where(Person.phone.is_not(None))).all()] == [
            "+254712345678"
        ]


def test_sharing_a_new_number_sets_it(engine: Engine) -> None:
    with Session(engine) as session:
        telegram = register_person(session, channel="telegram", external_user_id="222")
        assert link_phone(session, person=telegram, phone="+254799000111").phone == "+254799000111"
