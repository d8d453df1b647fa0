"""What the speaker is likely to say, given by the caller: example sentences and proper names.

The offline recognizer listens only for these sentences' words and word orders; Whisper, which
knows the language already, is nudged towards the names' spellings.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Vocabulary:
    sentences: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
