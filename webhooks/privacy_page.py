"""GET /privacy: the full privacy notice the first reply links to (Kenya Data Protection Act 2019):
what KAVI keeps, why, who processes it (the outside processors only when configured), how long, and
the person's rights — in English and Swahili (`?lang=sw`)."""

from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from bot.erasure import RetentionSettings
from conversations.privacy import ProcessorSettings

router = APIRouter()

_SECTIONS = {
    "en": (
        "KAVI privacy notice",
        [
            (
                "What we keep",
                "What you send KAVI: your entries, customers, suppliers, invoices and payments; your "
                "name, phone number and the channel you write on; your messages and voice notes.",
            ),
            (
                "Why",
                "Only to keep your business's books and answer you: recording, invoices, reminders you ask "
                "for, reports, forecasts and nudges. Nothing is sold or shared with anyone.",
            ),
            ("Who processes it", "KAVI's own server. {abroad}"),
            (
                "How long",
                "Your books for as long as you use KAVI (businesses must keep money records for tax). "
                "The text of handled messages for {days} days; voice notes and media until they expire.",
            ),
            (
                "Your rights",
                'Send "export my data" for a copy of everything (a ZIP). Send "delete my data" to '
                'erase it: after seven days (send "cancel deletion" to stop it) your name, phone and messages '
                "are erased; the money records a business must keep stay, with no names.",
            ),
        ],
    ),
    "sw": (
        "Taarifa ya faragha ya KAVI",
        [
            (
                "Tunachohifadhi",
                "Unachotuma kwa KAVI: rekodi, wateja, wasambazaji, ankara na malipo; jina lako, "
                "namba ya simu na njia unayotumia; jumbe na sauti zako.",
            ),
            ("Kwa nini", "Kwa ajili ya hesabu za biashara yako na kukujibu tu. Hatuuzi wala kushiriki na mtu yeyote."),
            ("Nani anashughulikia", "Seva ya KAVI. {abroad}"),
            (
                "Kwa muda gani",
                "Hesabu zako muda wote unaotumia KAVI. Maandishi ya jumbe kwa siku {days}; sauti "
                "na picha hadi muda wake uishe.",
            ),
            (
                "Haki zako",
                'Tuma "nipe data yangu" upate nakala ya kila kitu. Tuma "futa data yangu" kuifuta: '
                'baada ya siku saba (tuma "usifute data yangu" kusitisha) jina, simu na jumbe zako zinafutwa; '
                "rekodi za pesa ambazo biashara lazima iweke zinabaki bila majina.",
            ),
        ],
    ),
}
_ABROAD = {
    "en": (
        "With {names} configured, some message text (and the text of spoken replies) is sent to them, "
        "outside Kenya, to be read or spoken.",
        "No outside service is used.",
    ),
    "sw": (
        "Kwa kuwa {names} wamewekwa, baadhi ya maandishi hutumwa kwao, nje ya Kenya, kusomwa au kutamkwa.",
        "Hakuna huduma ya nje inayotumika.",
    ),
}


def page(lang: str, abroad: tuple[str, ...], retention_days: int) -> str:
    lang = lang if lang in _SECTIONS else "en"
    title, sections = _SECTIONS[lang]
    with_names, none = _ABROAD[lang]
    outside = with_names.format(names=" & ".join(abroad)) if abroad else none
    body = "".join(
        f"<h2>{escape(head)}</h2><p>{escape(text.format(abroad=outside, days=retention_days))}</p>"
        for head, text in sections
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
        f"</head><body><h1>{escape(title)}</h1>{body}"
        '<p><a href="/privacy?lang=en">English</a> · <a href="/privacy?lang=sw">Kiswahili</a></p></body></html>'
    )


@router.get("/privacy", response_class=HTMLResponse)
async def privacy(lang: str = "en") -> HTMLResponse:
    return HTMLResponse(page(lang, ProcessorSettings().abroad(), RetentionSettings().kavi_message_retention_days))
