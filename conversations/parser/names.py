"""People and businesses named in a message: "from Jumbo Traders", "Baraka amelipa", "salary for Otieno"."""

import re

from conversations.parser import vocabulary as v
from conversations.parser.currency import NAMES as CURRENCY_NAMES
from conversations.parser.swahili_verbs import is_verb, names_someone_next
from conversations.parser.text import Analysed, PhraseTable, words_of


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
     "my", "our", "the", "wa", "ya", "gas", "mboga", "maziwa", "kijana", "vijana", "makanga", "watchman",
     "cleaner", "mpishi", "cook", "househelp", "mjakazi", "msaidizi", "assistant", "staff", "caretaker", "mason",
     "plumber", "electrician", "mechanic", "welder", "carpenter", "painter", "guard", "photographer", "new",
     "mfanyikazi", "transporter", "locum", "helper", "head", "waiter", "waiters", "cooks", "chef", "neighbour",
     "neighbor", "jirani", "parent", "son", "daughter", "brother", "sister", "cousin", "herdsman", "milker",
     "jaboya", "mvuvi", "wavuvi", "fisherman"}
)  # fmt: skip
# Money of someone: "mshahara ya Akinyi", "deni ya Unga Ltd", "doh ya Wanjiru", "pesa ya Bi Rehema".
_OWNED_MONEY = frozenset(
    {"mshahara", "salary", "deni", "loan", "mkopo", "doh", "pesa", "malipo", "ganji", "mzigo", "bill", "payment",
     "invoice", "ankara", "order", "oda"}
)  # fmt: skip
# Verbs whose object is the person paid: the name follows them.
_PAY_A_PERSON = frozenset(
    {"paid", "pay", "nimelipa", "sent", "nimetuma", "nimetumia", "gave", "nimepeana", "nimempa", "refunded"}
)
# "nimelipwa 1500 na kamau": paid by (after a passive verb).
_PASSIVE_PAID = frozenset({"nimelipwa", "imelipwa", "tumelipwa", "amelipwa", "paid", "received"})
_INTRODUCERS = ("from", "to", "for", "by", "kwa", "kutoka", "toka", "kwenye", "with", "via")
_ABBREVIATIONS = frozenset({"st", "mt", "dr", "mr", "mrs", "ms", "bros", "co", "prof", "rev", "fr", "sr"})
_WEAK_INTRODUCERS = frozenset({"pale", "at", "ya", "huko", "kwenye"})
# Where a tenant or a trader is: "house B4", "nyumba 12", "stall 7".
_UNITS = frozenset({"house", "nyumba", "room", "chumba", "unit", "plot", "shop", "stall", "apartment", "flat", "hse"})
_CHANNELS = frozenset({"bank transfer", "bank", "card", "cheque", "cash", "eft", "rtgs", "mpesa", "m-pesa"})
_DESTINATION = frozenset({"to", "kwenda", "hadi", "mpaka"})
# Who someone is by their trade, after what they deal in: "boat owner Otieno", "ice man Odhiambo".
_TRADE_ROLES = frozenset(  # "the uganda supplier kato", "the juba buyer deng"
    {
        "owner",
        "man",
        "guy",
        "lady",
        "boy",
        "girl",
        "hand",
        "dealer",
        "seller",
        "vendor",
        "supplier",
        "buyer",
        "client",
        "broker",
    }
)
_ORIGIN = frozenset({"from", "wa", "of", "kutoka", "in"})
# Said between a payer and the verb: "Tasha finally paid", "Wanjiru tayari amelipa".
_ADVERBS = frozenset({"finally", "just", "already", "also", "hatimaye", "tayari", "pia", "eventually"})
# A day said between the payer and the verb: "Mama Gathoni jana amelipa".
_DAYS_BETWEEN = frozenset({"jana", "leo", "juzi", "yesterday", "today", "asubuhi"})
# Never part of a name, even capitalised mid-name: a currency ("Baraka Stores Ksh 45,000"), spoken
# filler ("eh Njoroge", "Musyoka like four thousand"), "is"/"his" in Swahili ("Achieng ako na deni").
NEVER_IN_NAME = frozenset(
    {*v.CURRENCY_WORDS, "rest", "later", "it", "it's", "its", "i'm", "im", "that's", "there's", "he's", "she's",
     "eh", "eeh", "aah", "ah", "uh", "um", "umm", "sasa", "like", "basically", "ako", "yuko",
     "ana", "yake", "wake", "wangu", "yangu", "kindly", "ebu", "hebu", "bana", "buda", "boss", "sawa", "been",
     "being", "that", "which", "regarding", "against", "re", "concerning", "towards", "alipe", "walipe", "anilipe",
     "akumbuke", "wakumbuke", "partial", "an", "a", "bado", "pale", "hapo", "huko", "amount", "amt", "exp", "kilo",
     "kilos", "kg", "watatu", "wawili", "wanne", "watano", "parents", "wazazi", "ndio", "ndiyo", "ili", "sababu",
     "halafu", "lakini", "niweke", "nilipe", "ninunue", "account", "akaunti", "doh", "dough", "ganji", "mulla",
     "inv", "abt", "about",
     *_ADVERBS}
)  # fmt: skip


def display_name(words: list[str]) -> str:
    """Normalised capitalisation that keeps acronyms: "jumbo traders" -> "Jumbo Traders", "KCB" stays."""
    out = []
    if words and words[-1].lower().endswith(("'s", "’s")) and len(words[-1]) > 3:
        words = [*words[:-1], words[-1][:-2]]  # "Herdsman Mwangi's salary": Mwangi was paid
    for i, word in enumerate(words):
        if word.isupper() and 1 < len(word) <= 5:
            out.append(word)
        elif i and word.islower() and word in _NAME_JOINERS:
            out.append(word)  # "Shule ya Msingi Kathiani"
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
    if text.islower() and len(low) > 5 and low.endswith("ing"):
        return False  # "for repairing the scale", "for bringing": an English verb form ("-ed" ends Mohamed)
    if low in KNOWN_WORDS:
        # A capitalised known word mid-name ("Zawadi Salon") still counts when not first.
        return not first and text[:1].isupper() and low not in v.STOPWORDS
    return True


def _starts_a_business(msg: Analysed, j: int, words: list[str]) -> bool:
    """ "Mabati Rolling Mills", "Dawa Mart": a capitalised word KAVI knows may open a business name
    when a capitalised name word follows it (never the message's first word, capitalised anyway)."""
    token = msg.tokens[j]
    if words or j == 0 or not token.text[:1].isupper() or token.low in NEVER_IN_NAME:
        return False
    if token.low in v.STOPWORDS and not token.text[1:2].islower():
        return False  # "Total Machakos" opens a name; "IN" or "TO" shouted does not
    if j + 1 >= len(msg.tokens):
        return False
    after = msg.tokens[j + 1]
    return after.text[:1].isupper() and _is_name_word(after.low, after.text, first=False)


# The word a business or institution's name ends with: what comes before it is its name, even in
# lower case and in words KAVI knows ("moi girls high school", "poa place hotel").
_BUSINESS_ENDS = frozenset(
    {"hotel", "hotels", "school", "academy", "college", "church", "clinic", "hospital", "pharmacy", "chemist",
     "restaurant", "cafe", "hardware", "stores", "supermarket", "wholesalers", "wholesale", "traders",
     "transporters", "enterprises", "ltd", "limited", "agencies", "agency", "farm", "farms", "bakery", "butchery",
     "motors", "company", "investments", "distributors", "suppliers", "agrovet", "boutique", "lodge", "resort",
     "electronics", "textiles", "garments", "furniture", "cosmetics"}
)  # fmt: skip
# Towns said after a business's name: "Kamau Electronics Nakuru" is Kamau Electronics, of Nakuru.
_TOWNS = frozenset(
    {"nairobi", "mombasa", "kisumu", "nakuru", "eldoret", "thika", "machakos", "nyeri", "meru", "kericho", "kitale",
     "garissa", "kakamega", "naivasha", "malindi", "embu", "kisii", "nanyuki", "bungoma", "voi", "narok", "kitui",
     "kiambu", "ruiru", "eastleigh", "kampala", "arusha", "dar", "juba", "kigali", "mwanza", "isiolo", "wajir",
     "lodwar", "kilifi", "lamu", "busia", "migori", "homa", "siaya", "nyahururu", "karatina", "muranga"}
)  # fmt: skip


def _business_phrase(msg: Analysed, j: int) -> int | None:
    """The end of "<words> <business word>" starting at j ("poa place hotel"), or None."""
    end = None
    for k in range(j, min(j + 5, len(msg.tokens))):
        token = msg.tokens[k]
        if not token.is_word or token.low in NEVER_IN_NAME or is_verb(token.low):
            break
        if token.low in v.STOPWORDS and token.low not in _BUSINESS_ENDS:
            break
        if token.low in _BUSINESS_ENDS and k > j:
            end = k + 1
    return end


def name_at(msg: Analysed, i: int, limit: int = 4) -> tuple[str, int] | None:
    """The name starting at token i, if one does: (name, end index). Role words before it go
    ("driver Onyango" is Onyango); a role word alone is no name."""
    words: list[str] = []
    j = i
    while (
        j < len(msg.tokens) - 1
        and j - i < 3
        and (
            msg.tokens[j].low in ROLE_WORDS
            or (msg.tokens[j].low in NAME_PARTS and msg.lows[j + 1] in ROLE_WORDS)
            or (msg.tokens[j].text.islower() and msg.lows[j + 1] in _TRADE_ROLES and msg.lows[j] not in v.STOPWORDS)
        )
    ):
        j += 2 if msg.lows[j + 1] in _TRADE_ROLES and msg.lows[j] not in ROLE_WORDS else 1
        # "driver Onyango", "my shop assistant Mercy", "ice man Odhiambo"
    if j > i and msg.lows[j] == "," and j + 1 < len(msg.tokens) and msg.tokens[j + 1].text[:1].isupper():
        j += 1  # "my assistant, Kelvin, KSh 3,000": the name set off after the role
    business = _business_phrase(msg, j) if j < len(msg.tokens) else None
    # Only for names written in lower case: capitals already show where a name ends ("Unga Farm Care").
    lower = business is not None and any(t.text.islower() for t in msg.tokens[j:business])
    if lower and business and msg.lows[j] not in _BUSINESS_ENDS and (j == 0 or msg.lows[j - 1] != "the"):
        return display_name([t.text for t in msg.tokens[j:business]]), business
    while j < len(msg.tokens) and len(words) < limit:
        token = msg.tokens[j]
        if token.low == "." and words and words[-1].lower() in _ABBREVIATIONS and j + 1 < len(msg.tokens):
            words[-1] += "."  # "St. Mary's Primary", "Dr. Otieno": the stop belongs to the name
            j += 1
            continue
        named = _is_name_word(token.low, token.text, first=not words) or _acronym(msg, j)
        named = named or _inside_a_title(msg, j, words) or _joins_a_title(msg, j, words)
        if not named and not _starts_a_business(msg, j, words):
            break
        lower_after_title = words and _capitalised_name(words) and token.text[:1].islower()
        if lower_after_title and token.low not in NAME_PARTS and not _joins_a_title(msg, j, words):
            break  # "Apiyo took 4kg", "Kapsoya Primary sports day": a name written with capitals ends there
        words.append(token.text)
        j += 1
    if not words or all(w.lower() in NAME_PARTS for w in words):
        return None
    if len(words) >= 3 and words[-1].lower() in _TOWNS and words[-2].lower() in _BUSINESS_ENDS | NAME_PARTS:
        words.pop()  # "Nyota Traders Kisumu"
    return display_name(words), j


# Lower-case words inside a person's name: "Jan de Vries", "Ahmed bin Salim", "Lemayian ole Sankale".
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "del", "la", "bin", "binti", "ole", "arap"})


# "Shule ya Msingi Kathiani", "Kanisa la AIC Masii", "Bank of Africa": a small word inside an
# institution's name ("Otieno ya Kisumu" is Otieno, from Kisumu).
_NAME_JOINERS = frozenset({"ya", "la", "wa", "cha", "za", "of"})
_INSTITUTIONS = frozenset(
    {"shule", "school", "kanisa", "church", "hospitali", "hospital", "chama", "bank", "benki", "kampuni", "chuo",
     "university", "college", "ofisi", "msikiti", "klabu", "club", "sacco", "jumuiya", "umoja", "muungano"}
)  # fmt: skip


def _joins_a_title(msg: Analysed, j: int, words: list[str]) -> bool:
    if msg.lows[j] not in _NAME_JOINERS or not words or not words[-1][:1].isupper() or j + 1 >= len(msg.tokens):
        return False
    if words[0].lower() not in _INSTITUTIONS:
        return False
    after = msg.tokens[j + 1]
    return after.text[:1].isupper() and after.is_word and after.low not in NEVER_IN_NAME


def _title_word(text: str) -> bool:
    return len(text) > 1 and text[:1].isupper() and text[1:].islower()


def _inside_a_title(msg: Analysed, j: int, words: list[str]) -> bool:
    """A word that is a name part only by where it stands: a particle between two capitalised words
    ("Jan de Vries"), a capitalised common word inside a capitalised name ("Kisumu Day School"), or a
    capitalised first word a particle follows ("Jan de Vries", though "Jan" is a month)."""
    tokens = msg.tokens
    if j + 1 >= len(tokens) or not tokens[j + 1].is_word or not _title_word(tokens[j + 1].text):
        return False
    nxt = tokens[j + 1]
    text = tokens[j].text
    if text in _PARTICLES:
        return bool(words) and _title_word(words[-1])
    if not _title_word(text) or tokens[j].low in NEVER_IN_NAME or tokens[j].low in CURRENCY_NAMES:
        return False
    if not words:
        return j > 0 and j + 2 < len(tokens) and tokens[j + 1].text in _PARTICLES
    # "Day" in "Kisumu Day School": within capitalised words, before a capitalised name word
    return _title_word(words[-1]) and j > 0 and _is_name_word(nxt.low, nxt.text, first=False)


_BUSINESSES = PhraseTable.grouped({name: (low,) for low, name in v.WELL_KNOWN_BUSINESSES.items()})


def _after_amount(msg: Analysed, i: int) -> bool:
    return (i > 0 and msg.lows[i - 1][:1].isdigit()) or (i > 1 and msg.lows[i - 2][:1].isdigit())


def _written_as_a_name(msg: Analysed, skip: set[int]) -> str | None:
    """ "Water bill Kiwasco 640 paid": a word KAVI does not know, written with a capital after the first
    word (which is capitalised anyway), names the business paid or paid by."""
    if not any(ch.islower() for ch in msg.raw):
        return None
    for i in range(1, len(msg.tokens)):
        token = msg.tokens[i]
        if i in skip or not token.text[:1].isupper() or not _is_name_word(token.low, token.text, first=True):
            continue
        if msg.lows[i - 1] in _INTRODUCERS or msg.lows[i - 1] in _ORIGIN or msg.lows[i - 1] in _WEAK_INTRODUCERS:
            continue  # weighed above: "client from Eldoret" is where they are
        found = name_at(msg, i, limit=3)
        if found and not _a_product(msg, found[1]):
            return found[0]
    return None


_MODEL_RE = re.compile(r"^(?=.*\d)(?=.*[a-z])[a-z0-9-]{2,12}$")


def _a_product(msg: Analysed, end: int) -> bool:
    """A name followed by a model ("Samsung A54", "Redmi Note 13", "Oraimo 20000mAh"): goods, not a party."""
    nxt = msg.lows[end] if end < len(msg.lows) else ""
    return bool(_MODEL_RE.match(nxt))


def _acronym(msg: Analysed, j: int) -> bool:
    """ "KRA", "KPLC", "G4S": an organisation written in capitals, though KAVI knows the word (not when
    the whole message is in capitals)."""
    text = msg.tokens[j].text
    return (
        text.isupper()
        and 2 <= len(text) <= 6
        and sum(ch.isalpha() for ch in text) >= 2
        and msg.tokens[j].low not in v.STOPWORDS
        and msg.tokens[j].low not in NEVER_IN_NAME
        and msg.tokens[j].low not in CURRENCY_NAMES  # "invoice Kampala Traders UGX 350,000"
        and any(ch.islower() for ch in msg.raw)
    )


def _capitalised_name(words: list[str]) -> bool:
    return all(w[:1].isupper() for w in words) and any(w.lower() not in NAME_PARTS for w in words)


def name_before(msg: Analysed, i: int, limit: int = 3) -> str | None:
    """The name that ends just before token i ("Baraka amelipa", "Mama Njeri paid", "Tasha finally paid")."""
    j = _past_aside(msg, i)
    titled = _title_run_before(msg, j, limit)
    if titled:
        return titled
    words: list[str] = []
    while j > 0 and len(words) < limit:
        token = msg.tokens[j - 1]
        if token.low == "." and words and j > 1 and msg.lows[j - 2] in _ABBREVIATIONS:
            words.insert(0, msg.tokens[j - 2].text + ".")  # "St. Mary's Primary paid"
            j -= 2
            continue
        if token.low in ROLE_WORDS and token.low not in NAME_PARTS:
            break  # "rider Kibet ameleta": who Kibet is, not his name
        named = _is_name_word(token.low, token.text, first=True) or token.low in NAME_PARTS or _acronym(msg, j - 1)
        if not named and not (j > 1 and _ends_a_business(msg, j - 1)):
            break
        words.insert(0, token.text)
        j -= 1
    if words and all(w.islower() for w in words) and j > 1 and msg.lows[j - 1] in {"wa", "of", "from"}:
        owner = name_before(msg, j - 1, limit)  # "Njeri wa hoteli amenilipa": Njeri, of the hotel
        if owner and owner[:1].isupper() and any(t.text[:1].isupper() for t in msg.tokens[max(0, j - 4) : j - 1]):
            return owner
    while len(words) > 1 and words[-1].lower() in _OFFICE_ROLES:
        words.pop()  # "Moi Girls bursar sent 50,000": the school paid, through its bursar
    return display_name(words) if words else None


def _title_run_before(msg: Analysed, j: int, limit: int) -> str | None:
    """ "Pwani Oil Products settled": capitalised words KAVI knows ("Oil", "Products") after a name word
    it does not ("Pwani") are all the business's name."""
    k = j
    while k > 0 and j - k < limit and _title_word(msg.tokens[k - 1].text) and msg.lows[k - 1] not in NEVER_IN_NAME:
        k -= 1
    first = msg.tokens[k] if k < j else None
    if j - k < 2 or first is None or first.low in KNOWN_WORDS or is_verb(first.low):
        return None
    if not any(t.low in KNOWN_WORDS for t in msg.tokens[k + 1 : j]):
        return None  # all name words: the word-by-word reading below takes them as well
    return display_name([t.text for t in msg.tokens[k:j]])


# Who pays for an institution, said after its name.
_OFFICE_ROLES = frozenset({"bursar", "accountant", "accounts", "secretary", "principal", "headteacher", "clerk"})


def _past_aside(msg: Analysed, i: int) -> int:
    """Where the name before token i ends, past what people put between a payer and the verb: an adverb
    ("Tasha finally paid"), a house or stall ("Kevin of house B4 has paid", "Mama Shiro wa A6 ameleta"),
    the commas of an aside ("Tenant wa C2, Brian, amelipa")."""
    lows, tokens = msg.lows, msg.tokens
    j = i
    while j > 1 and (lows[j - 1] in _ADVERBS or lows[j - 1] in _DAYS_BETWEEN):
        j -= 1
    if j > 1 and lows[j - 1] == "," and tokens[j - 2].text[:1].isupper():
        k = j - 2
        while k > 0 and tokens[k - 1].text[:1].isupper() and lows[k - 1] != ",":
            k -= 1
        if k > 0 and lows[k - 1] == ",":
            return j - 1  # "Tenant wa C2, Brian, amelipa": the name set off by commas ("the CCTV, paid" is none)
    k = j
    if k > 2 and lows[k - 1].isdigit() and len(lows[k - 2]) == 1 and tokens[k - 2].end == tokens[k - 1].start:
        k -= 2  # "B4", "A6": a letter glued to a number names a house or a stall
    elif k > 2 and lows[k - 1].isdigit():
        k -= 1  # "house 12"
    else:
        return j
    if k > 1 and lows[k - 1] in _UNITS:
        k -= 1
    if k > 1 and lows[k - 1] in _ORIGIN:
        return k - 1
    return j


def _ends_a_business(msg: Analysed, j: int) -> bool:
    """ "Githunguri Dairy imenilipa": a capitalised word KAVI knows may close a name a name word opens."""
    token, before = msg.tokens[j], msg.tokens[j - 1]
    if not token.text[:1].isupper() or token.low in v.STOPWORDS or token.low in NEVER_IN_NAME:
        return False
    return before.text[:1].isupper() and _is_name_word(before.low, before.text, first=True)


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


def _written_capitalised(msg: Analysed, i: int) -> bool:
    """The name starting at token i (past role words) was written with a capital."""
    while i < len(msg.tokens) - 1 and msg.lows[i] in ROLE_WORDS:
        i += 1
    return msg.tokens[i].text[:1].isupper()


def _a_place(msg: Analysed, verb: int, name: str) -> bool:
    """ "client from Kampala paid": the words before the verb say where the customer is from."""
    k = verb - len(name.split())
    return (k >= 2 and msg.lows[k - 1] in _ORIGIN and msg.lows[k - 2] in v.CUSTOMER_WORDS) or route_end(msg, k)


# "lorry transport from kitale to eldoret paid kipchumba 18000": the end of a route is where, not who
# paid ("goods to Kamau, paid 5000" is Kamau paying).
def route_end(msg: Analysed, start: int) -> bool:
    """Whether the words from `start` are where a journey said before them ended."""
    if start <= 0 or msg.lows[start - 1] not in _DESTINATION:
        return False
    return bool({"from", "kutoka", "toka"} & set(msg.lows[max(0, start - 5) : start - 1]))


def _is_role_only(name: str) -> bool:
    return all(word.lower() in ROLE_WORDS or word.lower() in KNOWN_WORDS for word in name.split())


def counterparty(
    msg: Analysed, skip: set[int], verbs: set[int], income: bool = False, travel: bool = False
) -> str | None:
    """Whom the money went to or came from.

    `skip` are token indices already explained (amount, date, category);
    `verbs` are where the payment verbs stand, for "Baraka amelipa" and "paid Otieno".
    The verb's own person comes first ("Mama Atieno paid … for padlocks", "paid Otieno Transporters …
    to Kondele"), then whose money it was, then a name after from/to/for.
    """
    for i in sorted(verbs):
        if msg.lows[i] in v.THIRD_PERSON_PAID or (i + 1 < len(msg.lows) and msg.lows[i + 1] == "paid"):
            before = name_before(msg, i)
            if before and i - 1 not in skip and before.lower() not in {"i", "we"} and not _a_place(msg, i, before):
                return before
        # Paying takes a person ("paid Otieno Transporters"); buying and selling take goods ("nimeuza wig").
        if msg.lows[i] in _PAY_A_PERSON and i + 1 < len(msg.tokens) and i + 1 not in skip:
            found = name_at(msg, i + 1)
            if found:
                return found[0]
        if names_someone_next(msg.tokens[i].low) and i - 1 not in skip:
            before = name_before(msg, i)  # "helper wangu Beatrice nimemlipa 500": the one paid, said first
            if before and before.lower() not in {"i", "we"} and before[:1].isupper():
                return before
    introduced_names: list[tuple[int, str]] = []
    for i, low in enumerate(msg.lows):
        if income and low == "for" and not (i + 1 < len(msg.tokens) and msg.tokens[i + 1].text[:1].isupper()):
            continue  # money in "for earrings", "for the wig": what was sold ("for Chebet" names the payer)
        if low in _ORIGIN and i and msg.lows[i - 1] in v.CUSTOMER_WORDS:
            continue  # "client from Kampala", "mteja wa IG": where the customer is, not their name
        capitalised = i + 1 < len(msg.tokens) and msg.tokens[i + 1].text[:1].isupper()
        # "fuel 4,500 pale Total Machakos", "blender 8,500 ya Naivas", "lunch at Java": a place or a shop,
        # taken only when written as a name (lower-case, "ya" and "at" join anything).
        introduced = low in _INTRODUCERS or (low in _WEAK_INTRODUCERS and i and capitalised)
        if introduced and i + 1 < len(msg.tokens) and i + 1 not in skip:
            found = name_at(msg, i + 1)
            if found and found[0].lower() in _CHANNELS:
                continue  # "by bank transfer", "via card": how the money came, not who sent it
            if found:
                # "Fuel for the trip to Kericho ... paid at Rubis": a name written as one beats a lower-case
                # word, and on a journey the place gone to is no counterparty unless nothing else is named.
                # Right after the amount or the verb ("paid 800 to Otieno", "pd ksh1,200/= to omosh") it is the payee.
                payee = i - 1 in skip or i - 1 in verbs
                rank = (
                    4 if payee else int(_written_capitalised(msg, i + 1)) + (0 if travel and low in _DESTINATION else 2)
                )
                introduced_names.append((rank, found[0]))
    if introduced_names:
        best = max(rank for rank, _ in introduced_names)
        return next(name for rank, name in introduced_names if rank == best)
    owner = _owned_or_passive(msg, skip)
    if owner:
        return owner
    written = _written_as_a_name(msg, skip)
    if written:
        return written
    known = _BUSINESSES.first(msg.lows)
    # "fuel 3k shell", "uber payout 23,450" ("total" alone is a word, not the brand)
    brand = known is not None and (
        known.phrase != "total" or msg.tokens[known.start].text[:1].isupper() or _after_amount(msg, known.start)
    )
    if known is not None and brand and not any(k in skip for k in range(known.start, known.end)):
        return known.value
    for i in sorted(verbs):
        if msg.lows[i] in v.THIRD_PERSON_PAID or (i + 1 < len(msg.lows) and msg.lows[i + 1] == "paid"):
            before = name_before(msg, i)
            if before and i - 1 not in skip and not _a_place(msg, i, before):
                return before
        if i + 1 < len(msg.tokens) and i + 1 not in skip:
            found = name_at(msg, i + 1)
            if found:
                return found[0]
    return None
