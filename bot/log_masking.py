"""Logs never hold a phone number in clear (Kenya Data Protection Act: logs are kept and read by
operators). Every log record's message, arguments and traceback pass through `mask` as the record is
made, whatever logger or handler writes it; names and message texts are simply never logged."""

import logging
import re
import traceback
from typing import Any

# Kenyan mobiles and any other long run of digits that reads as a phone (+254 7xx…, 07xx…, 2547…).
_PHONE = re.compile(r"(?<![\d])(\+?\d{1,3}[\s-]?)?(\d{2,3})[\s-]?(\d{3})[\s-]?(\d{3})(?![\d])")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def mask(text: str) -> str:
    """ "+254712345678" -> "+2547*****678": enough to tell two numbers apart, not to call one."""

    def hide(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) < 9:
            return m.group(0)  # an amount, an id: not a phone
        lead = "+" if m.group(0).startswith("+") else ""
        return f"{lead}{digits[:4]}{'*' * (len(digits) - 7)}{digits[-3:]}"

    return _PHONE.sub(hide, text)


def _masking_factory(original: Any) -> Any:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = original(*args, **kwargs)
        try:
            record.msg, record.args = mask(record.getMessage()), None
        except (TypeError, ValueError):  # a malformed format string: leave the record as it came
            return record
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = mask("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        return record

    make.masking = True  # type: ignore[attr-defined]
    return make


def install() -> None:
    """Once per process; a second call changes nothing."""
    factory = logging.getLogRecordFactory()
    if not getattr(factory, "masking", False):
        logging.setLogRecordFactory(_masking_factory(factory))


def configure(level: int = logging.INFO) -> None:
    """The processes' logging: one format, and phones masked."""
    logging.basicConfig(level=level, format=_FORMAT)
    install()
