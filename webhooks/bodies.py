"""The typed shape of each inbound body: the fields KAVI reads, with their types. A body that does not
fit is refused (422) before anything is stored; fields KAVI does not read are left alone."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# Strict: JSON's types as sent, so {} or ["x"] is never read as a string, nor "7" as a number.
_STRICT = ConfigDict(strict=True, extra="ignore", populate_by_name=True)

# Generous: a too-long message still gets a friendly reply from the core; beyond this is not chat.
MAX_TEXT = 20_000

# Telegram's ids have at most 52 significant bits; past 64 they fit no column (update_id 10**200 is 201
# characters of event key, for a 128-character column).
Int64 = Annotated[int, Field(ge=-(2**63), lt=2**63)]


class TelegramUser(BaseModel):
    model_config = _STRICT
    id: Int64
    is_bot: bool = False
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None


class TelegramChat(BaseModel):
    model_config = _STRICT
    id: Int64


class TelegramFile(BaseModel):
    model_config = _STRICT
    file_id: str
    file_size: int | None = None
    mime_type: str | None = None
    file_name: str | None = None


class TelegramContact(BaseModel):
    model_config = _STRICT
    phone_number: str
    user_id: Int64 | None = None


class TelegramMessage(BaseModel):
    model_config = _STRICT
    message_id: Int64
    chat: TelegramChat
    from_: TelegramUser | None = Field(default=None, alias="from")
    text: str | None = None
    caption: str | None = None
    voice: TelegramFile | None = None
    audio: TelegramFile | None = None
    document: TelegramFile | None = None
    photo: list[TelegramFile] | None = None
    contact: TelegramContact | None = None


class TelegramButtonMessage(BaseModel):
    """The message a tapped button sits on: it may be too old for Telegram to send more than its chat."""

    model_config = _STRICT
    chat: TelegramChat


class TelegramCallbackQuery(BaseModel):
    model_config = _STRICT
    id: str
    from_: TelegramUser = Field(alias="from")
    data: str | None = None
    message: TelegramButtonMessage | None = None


class TelegramUpdate(BaseModel):
    model_config = _STRICT
    update_id: int = Field(ge=0, lt=2**63)  # "start from a certain positive number and increase"
    message: TelegramMessage | None = None
    callback_query: TelegramCallbackQuery | None = None


class AfricasTalkingSms(BaseModel):
    """An incoming SMS callback (form fields or JSON): who sent what, under the gateway's id."""

    model_config = _STRICT
    id: str = Field(min_length=1, max_length=100)
    from_: str = Field(alias="from", pattern=r"^\+?[0-9]{6,15}$")
    text: str = Field(default="", max_length=MAX_TEXT)


class WebMessage(BaseModel):
    """A message typed (or a button tapped) in the web chat. Who sends it is the session cookie."""

    model_config = _STRICT
    text: str = Field(max_length=MAX_TEXT)
    # The page sends 32 hex digits; it is kept as "<session id>:<message_id>", 37 + 64 within the key's 128.
    message_id: str | None = Field(default=None, max_length=64)
    name: str | None = Field(default=None, max_length=80)
    # Set when the text is a tapped button: the question it answers.
    question_id: int | None = Field(default=None, ge=1)


class WebVoiceFields(BaseModel):
    """The form fields beside a clip recorded in the web chat."""

    model_config = _STRICT
    message_id: str | None = Field(default=None, max_length=64)  # as WebMessage's
