"""People and businesses named in a message: "from Jumbo Traders", "Baraka amelipa", "salary for Otieno"."""

from conversations.parser import vocabulary as v
from conversations.parser.currency import NAMES as CURRENCY_NAMES
from conversations.parser.swahili_verbs import is_verb, names_someone_next
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
        "bi",
        "bw",
        "mr",
        "mrs",
        "ms",
        "dr",
    }
)
# Who someone is to the business, said before their name: "driver Onyango", "supplier omondi",
# "stylist wangu Shiro". Dropped from the name; alone ("paid the turnboy 500") they name no one.
ROLE_WORDS = frozenset(
    {*v.CUSTOMER_WORDS, *v.SUPPLIER_WORDS, "driver", "dereva", "rider", "stylist", "fundi", "turnboy", "askari",
     "conductor", "tenant", "landlord", "mwenye", "msee", "jamaa", "dada", "kaka", "shangazi", "mjomba", "worker",
     "mfanyakazi", "cashier", "attendant", "pharmtech", "casual", "kibarua", "wangu", "yangu", "wetu", "yetu",
     "my", "our", "the", "wa", "ya", "gas", "mboga", "maziwa"}
)  # fmt: skip
# Money of someone: "mshahara ya Akinyi", "deni ya Unga Ltd", "doh ya Wanjiru", "pesa ya Bi Rehema".
_OWNED_MONEY = frozenset(
    {"mshahara", "salary", "deni", "loan", "mkopo", "doh", "pesa", "malipo", "ganji", "mzigo", "bill", "payment",
     "invoice", "ankara", "order", "oda"}
)  # fmt: skip
# Verbs whose object is the person paid: the name follows them.
_PAY_A_PERSON = frozenset({"paid", "pay", "nimelipa", "sent", "nimetuma", "nimetumia", "gave", "nimepeana", "nimempa"})
# "nimelipwa 1500 na kamau": paid by (after a passive verb).
_PASSIVE_PAID = frozenset({"nimelipwa", "imelipwa", "tumelipwa", "amelipwa", "paid", "received"})
_INTRODUCERS = ("from", "to", "for", "by", "kwa", "kutoka", "toka", "kwenye", "with")
# Never part of a name, even capitalised mid-name: a currency ("Baraka Stores Ksh 45,000"), spoken
# filler ("eh Njoroge", "Musyoka like four thousand"), "is"/"his" in Swahili ("Achieng ako na deni").
NEVER_IN_NAME = frozenset(
    {*v.CURRENCY_WORDS, "eh", "eeh", "aah", "ah", "uh", "um", "umm", "sasa", "like", "basically", "ako", "yuko",
     "ana", "yake", "wake", "wangu", "yangu", "kindly", "ebu", "hebu", "bana", "buda", "boss", "sawa", "been",
     "being", "that", "which", "regarding", "against", "re", "concerning", "towards", "alipe", "walipe", "anilipe",
     "akumbuke", "wakumbuke", "partial", "an", "a", "bado", "pale", "hapo", "huko"}
)  # fmt: skip


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
    if (
        not low[:1].isalpha()
        or any(ch.isdigit() for ch in low)  # "A012345678Z" is a PIN, not a name
        or (len(low) < 2 and low != "&")
        or low in CURRENCY_NAMES
        or low in NEVER_IN_NAME
    ):
        return False  # "invoice Acme Ltd USD 200": the customer is Acme Ltd
    if low in NAME_PARTS:
        return True
    if is_verb(low):
        return False  # "mwambie Wafula", "nimemlipa Akinyi": the verb points at the name, is none
    if low in KNOWN_WORDS:
        # A capitalised known word mid-name ("Zawadi Salon") still counts when not first.
        return not first and text[:1].isupper() and low not in v.STOPWORDS
    return True


def _starts_a_business(msg: Analysed, j: int, words: list[str]) -> bool:
    """ "Mabati Rolling Mills", "Dawa Mart": a capitalised word KAVI knows may open a business name
    when a capitalised name word follows it (never the message's first word, capitalised anyway)."""
    token = msg.tokens[j]
    if words or j == 0 or not token.text[:1].isupper() or token.low in v.STOPWORDS or token.low in NEVER_IN_NAME:
        return False
    if j + 1 >= len(msg.tokens):
        return False
    after = msg.tokens[j + 1]
    return after.text[:1].isupper() and _is_name_word(after.low, after.text, first=False)


def name_at(msg: Analysed, i: int, limit: int = 4) -> tuple[str, int] | None:
    """The name starting at token i, if one does: (name, end index). Role words before it go
    ("driver Onyango" is Onyango); a role word alone is no name."""
    words: list[str] = []
    j = i
    while j < len(msg.tokens) - 1 and msg.tokens[j].low in ROLE_WORDS and j - i < 3:
        j += 1
    while j < len(msg.tokens) and len(words) < limit:
        token = msg.tokens[j]
        if not _is_name_word(token.low, token.text, first=not words) and not _starts_a_business(msg, j, words):
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


def acted_on(msg: Analysed, skip: frozenset[int] = frozenset()) -> str | None:
    """The person a Swahili verb points at with its object marker: "mtumie otieno reminder",
    "nimemlipa Wanjiku", "mwandikie akinyi invoice" (the name follows the verb)."""
    for i, token in enumerate(msg.tokens[:-1]):
        if i + 1 not in skip and names_someone_next(token.low):
            found = name_at(msg, i + 1, limit=2)
            if found:
                return found[0]
    return None


def _owned_or_passive(msg: Analysed, skip: set[int]) -> str | None:
    """ "mshahara ya Akinyi", "deni la Unga Ltd", "nimelipwa 1500 na Kamau": whose money it was."""
    lows = msg.lows
    for i, low in enumerate(lows[:-2]):
        link = lows[i + 1]
        owned = low in _OWNED_MONEY and link in {"ya", "wa", "la", "za", "of"}
        if not owned or i + 2 in skip:
            continue
        found = name_at(msg, i + 2, limit=3)
        if found and not _is_role_only(found[0]):
            return found[0]
    for i, low in enumerate(lows):
        if low == "na" and i + 1 < len(lows) and i + 1 not in skip and any(w in _PASSIVE_PAID for w in lows[:i]):
            found = name_at(msg, i + 1, limit=3)
            if found:
                return found[0]
    return None


def _is_role_only(name: str) -> bool:
    return all(word.lower() in ROLE_WORDS or word.lower() in KNOWN_WORDS for word in name.split())


def counterparty(msg: Analysed, skip: set[int], verbs: set[int]) -> str | None:
    """Whom the money went to or came from.

    `skip` are token indices already explained (amount, date, category);
    `verbs` are where the payment verbs stand, for "Baraka amelipa" and "paid Otieno".
    The verb's own person comes first ("Mama Atieno paid … for padlocks", "paid Otieno Transporters …
    to Kondele"), then whose money it was, then a name after from/to/for.
    """
    for i in sorted(verbs):
        if msg.lows[i] in v.THIRD_PERSON_PAID or (i + 1 < len(msg.lows) and msg.lows[i + 1] == "paid"):
            before = name_before(msg, i)
            if before and i - 1 not in skip and before.lower() not in {"i", "we"}:
                return before
        # Paying takes a person ("paid Otieno Transporters"); buying and selling take goods ("nimeuza wig").
        if msg.lows[i] in _PAY_A_PERSON and i + 1 < len(msg.tokens) and i + 1 not in skip:
            found = name_at(msg, i + 1)
            if found:
                return found[0]
    for i, low in enumerate(msg.lows):
        if low in _INTRODUCERS and i + 1 < len(msg.tokens) and i + 1 not in skip:
            found = name_at(msg, i + 1)
            if found:
                return found[0]
    owner = _owned_or_passive(msg, skip)
    if owner:
        return owner
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
