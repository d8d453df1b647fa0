"""The verbs and phrases that say money went out or came in ("nimelipa", "sold", "received")."""

from conversations.parser import vocabulary as v
from conversations.parser.text import PhraseTable

EXPENSE_CUES = PhraseTable.of(v.EXPENSE_CUES)
INCOME_CUES = PhraseTable.of(v.INCOME_CUES)
