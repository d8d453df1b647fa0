"""greeting, help, unknown, language, voice replies and the business's own settings."""

from conversations.contract import IntentSpec
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.registry import ADMINS, EVERYONE, Help, coming, declare, help_lines
from conversations.texts import t
from conversations.turn import Turn
from finance.services.members import set_language, set_voice_replies, update_business


def greeting(turn: Turn, intent: Intent) -> Reply:
    name = f" {turn.person.name.split()[0]}" if turn.person.name else ""
    return Reply(
        t("greeting", turn.lang, name=name, business=turn.business.name),
        choices=[t("help_button", turn.lang)],
    )


def help_(turn: Turn, intent: Intent) -> Reply:
    """From the registry: a line for each thing this person's role may do, then what is still to come."""
    lines = "\n".join(help_lines(turn.member.role, turn.lang))
    features = coming(turn.lang)
    later = t("help_coming", turn.lang, features=", ".join(f[:1].lower() + f[1:] for f in features)) if features else ""
    return Reply(t("help", turn.lang, lines=lines, coming=later))


_THANKS = {"thanks", "thank you", "thank u", "thanx", "asante", "asante sana", "shukran", "sawa asante", "ok thanks"}


def unknown(turn: Turn, intent: Intent) -> Reply:
    if " ".join(turn.message.text.lower().strip(" !.🙏").split()) in _THANKS:
        return Reply(t("thanks", turn.lang))
    return Reply(t("unknown", turn.lang), choices=[t("help_button", turn.lang)])


def language(turn: Turn, intent: Intent) -> Reply:
    lang = intent.slots.get("language")
    if lang not in ("en", "sw"):
        return Reply(t("language_which", turn.lang), choices=["English", "Kiswahili"])
    set_language(turn.session, person=turn.person, language=lang, fixed=True)
    turn.lang = lang
    return Reply(t("language_set", lang))


def voice_replies(turn: Turn, intent: Intent) -> Reply:
    mode = intent.slots.get("mode") or "always"
    set_voice_replies(turn.session, person=turn.person, mode=str(mode))
    return Reply(t(f"voice_mode_{mode}", turn.lang))


def business_settings(turn: Turn, intent: Intent) -> Reply:
    slots = intent.slots
    business = update_business(
        turn.session,
        actor=turn.member,
        paybill=slots.get("paybill"),
        till=slots.get("till"),
        kra_pin=slots.get("kra_pin"),
        invoice_due_days=slots.get("due_days"),
    )
    parts = [
        t("settings_paybill", turn.lang, value=business.mpesa_paybill) if business.mpesa_paybill else "",
        t("settings_till", turn.lang, value=business.mpesa_till) if business.mpesa_till else "",
        t("settings_pin", turn.lang, value=business.kra_pin) if business.kra_pin else "",
        t("settings_due", turn.lang, days=business.invoice_due_days),
    ]
    return Reply(t("settings_saved", turn.lang, details="\n".join(p for p in parts if p)))


declare("greeting", greeting, roles=EVERYONE, command=True, gemini=False)
declare("help", help_, roles=EVERYONE, spec=IntentSpec("Explain what KAVI can do."), command=True, gemini=False)
declare("unknown", unknown, roles=EVERYONE)
declare(
    "set_language",
    language,
    roles=EVERYONE,
    command=True,
    gemini=False,
    help=Help(60, '• Language: "speak Swahili" / "speak English"', '• Lugha: "tumia Kiswahili" / "speak English"'),
)
declare(
    "voice_replies",
    voice_replies,
    roles=EVERYONE,
    says=(
        "reply by voice",
        "reply with voice always",
        "text only",
        "stop voice replies",
        "voice replies on",
        "jibu kwa sauti",
        "maandishi tu",
    ),
    command=True,
    gemini=False,
    help=Help(
        61,
        '• Voice: send a voice note; "reply by voice", "text only"',
        '• Sauti: tuma ujumbe wa sauti; "nijibu kwa sauti", "text only"',
    ),
)
declare(
    "business_settings",
    business_settings,
    roles=ADMINS,
    help=Help(
        62,
        '• Settings: "my paybill is 522522", "invoices due in 14 days"',
        '• Mipangilio: "my paybill is 522522", "invoices due in 14 days"',
    ),
)
