"""People and businesses named in a message: "from Jumbo Traders", "Baraka amelipa", "salary for Otieno"."""

from conversations.parser import vocabulary as v
from conversations.parser.currency import NAMES as CURRENCY_NAMES
from conversations.parser.text import Analysed, words_of


def _vocabulary_words() -> frozenset[str]:
    words: set[str] = set()
    tables: list[tuple[str, ...]] = [
        v.EXPENSE_CUES,
        v.INCOME_CUES,
        v.THIRD_PERSON_PAID,
        v.TODAY_WORDS,
        v.YESTERDAY_WORDS,
        v.DAY_BEFORE_YESTERDAY_WORDS,
        v.GREETING_WORDS,
        v.HELP_PHRASES,
        v.UNDO_PHRASES,
        v.REDO_PHRASES,
        v.QUESTION_CUES,
        v.STOPWORDS,
        v.CURRENCY_WORDS,
        v.UNIT_WORDS,
        v.INVOICE_WORDS,
        v.BUDGET_WORDS,
        v.FORECAST_WORDS,
        v.CHART_WORDS,
        v.EXPORT_WORDS,
        v.CUSTOMER_WORDS,
        v.SUPPLIER_WORDS,
        v.ADD_WORDS,
        v.INVITE_WORDS,
        v.REMIND_WORDS,
        v.REQUEST_WORDS,
        v.CORRECTION_OPENERS,
        v.LIST_INVOICE_CUES,
        tuple(v.PERIOD_PHRASES),
        tuple(v.WEEKDAYS),
        tuple(v.MONTHS),
        tuple(v.NUMBER_WORDS),
        tuple(v.PRE_MULTIPLIERS),
        tuple(v.POST_MULTIPLIERS),
        tuple(v.AMOUNT_WORDS),
    ]
    for groups in (
        v.EXPENSE_CATEGORY_WORDS,
        v.INCOME_CATEGORY_WORDS,
        v.METRIC_WORDS,
        v.ROLE_WORDS,
        v.INVOICE_STATUS_WORDS,
    ):
        tables.extend(groups.values())
    for table in tables:
        for phrase in table:
            words.update(words_of(phrase))
    return frozenset(words)


KNOWN_WORDS = _vocabulary_words()
# Words that may stand inside a business name even though KAVI knows them.
NAME_PARTS = frozenset(
    {
        "traders",
        "ltd",
        "limited",
        "enterprises",
        "shop",
        "store",
        "salon",
        "hardware",
        "wholesalers",
        "supermarket",
        "mama",
        "baba",
        "mzee",
        "bank",
        "sacco",
        "&",
    }
)
_INTRODUCERS = ("from", "to", "for", "by", "kwa", "kutoka", "toka", "kwenye", "with")


def display_name(words: list[str]) -> str:
    """Normalised capitalisation that keeps acronyms: "jumbo traders" -> "Jumbo Traders", "KCB" stays."""
    out = []
    for word in words:
        if word.isupper() and 1 < len(word) <= 5:
            out.append(word)
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def _is_name_word(low: str, text: str, first: bool) -> bool:
    if not low[:1].isalpha() or (len(low) < 2 and low != "&") or low in CURRENCY_NAMES:
        return False  # "invoice Acme Ltd USD 200": the customer is Acme Ltd
    if low in NAME_PARTS:
        return True
    if low in KNOWN_WORDS:
        # A capitalised known word mid-name ("Zawadi Salon") still counts when not first.
        return not first and text[:1].isupper() and low not in v.STOPWORDS
    return True


def name_at(msg: Analysed, i: int, limit: int = 4) -> tuple[str, int] | None:
    """The name starting at token i, if one does: (name, end index)."""
    words: list[str] = []
    j = i
    while j < len(msg.tokens) and len(words) < limit:
        token = msg.tokens[j]
        if not _is_name_word(token.low, token.text, first=not words):
            break
        words.append(token.text)
        j += 1
    if not words or all(w.lower() in NAME_PARTS for w in words):
        return None
    return display_name(words), j


def name_before(msg: Analysed, i: int, limit: int = 3) -> str | None:
    """The name that ends just before token i ("Baraka amelipa", "Mama Njeri paid")."""
    j = i
    words: list[str] = []
    while j > 0 and len(words) < limit:
        token = msg.tokens[j - 1]
        if not _is_name_word(token.low, token.text, first=True) and token.low not in NAME_PARTS:
            break
        words.insert(0, token.text)
        j -= 1
    return display_name(words) if words else None


def counterparty(msg: Analysed, skip: set[int], verbs: set[int]) -> str | None:
    """Whom the money went to or came from.

    `skip` are token indices already explained (amount, date, category);
    `verbs` are where the payment verbs stand, for "Baraka amelipa" and "paid Otieno".
    """
    for i, low in enumerate(msg.lows):
        if low in _INTRODUCERS and i + 1 < len(msg.tokens) and i + 1 not in skip:
            found = name_at(msg, i + 1)
            if found:
                return found[0]
    for i in sorted(verbs):
        if msg.lows[i] in v.THIRD_PERSON_PAID or (i + 1 < len(msg.lows) and msg.lows[i + 1] == "paid"):
            before = name_before(msg, i)
            if before and i - 1 not in skip:
                return before
        if i + 1 < len(msg.tokens) and i + 1 not in skip:
            found = name_at(msg, i + 1)
            if found:
                return found[0]
    return None
