"""Numbers as words, for replies read aloud: "fifteen thousand", "elfu kumi na tano".

English comes from num2words; it has no Swahili, so Swahili is spelt here, the way Kenyans say
amounts (laki for hundreds of thousands) and the way our parser reads them back.
"""

from decimal import Decimal

from num2words import num2words

_SW_UNITS = ("", "moja", "mbili", "tatu", "nne", "tano", "sita", "saba", "nane", "tisa")
_SW_TENS = ("", "kumi", "ishirini", "thelathini", "arobaini", "hamsini", "sitini", "sabini", "themanini", "tisini")


def words(number: int, language: str) -> str:
    if language == "sw":
        return swahili(number)
    # "two thousand, seven hundred and fifty-one" -> without punctuation, which speech engines pause on
    return num2words(number, lang="en").replace(",", "").replace("-", " ")


def swahili(number: int) -> str:
    if number < 0:
        return "hasi " + swahili(-number)
    if number == 0:
        return "sifuri"
    parts: list[str] = []
    for size, name in ((1_000_000_000, "bilioni"), (1_000_000, "milioni"), (100_000, "laki"), (1000, "elfu")):
        count, number = divmod(number, size)
        if count and count % 10 == 0 and count < 100 and number < 10 and number and size == 1000:
            # "elfu tisini na moja" is heard as 91,000; for 90,001 the Kenyan order leaves no doubt.
            parts.append(f"{swahili(count)} {name}")
        elif count:
            parts.append(f"{name} {swahili(count)}")
    hundreds, number = divmod(number, 100)
    if hundreds:
        parts.append(f"mia {_SW_UNITS[hundreds]}")
    if number:
        tens, units = divmod(number, 10)
        below = " na ".join(w for w in (_SW_TENS[tens], _SW_UNITS[units]) if w)
        parts.append(below)
    if len(parts) > 1:
        return " ".join(parts[:-1]) + " na " + parts[-1]
    return parts[0]


def money_words(amount: Decimal, language: str) -> str:
    """ "fifteen thousand shillings", "shilingi elfu kumi na tano"; cents only when there are some."""
    whole = int(amount)
    cents = int((abs(amount) - abs(whole)) * 100)
    if language == "sw":
        text = f"shilingi {swahili(whole)}"
        return text + (f" na senti {swahili(cents)}" if cents else "")
    text = f"{words(whole, 'en')} shilling{'' if whole == 1 else 's'}"
    return text + (f" and {words(cents, 'en')} cents" if cents else "")
