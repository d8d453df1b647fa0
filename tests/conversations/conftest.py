"""Fixtures shared by the conversation tests that talk to Gemini."""

from collections.abc import Iterator

import pytest

from tests.servers import serving
from tests.standins import gemini as g


@pytest.fixture
def standin() -> Iterator[tuple[g.GeminiStandIn, str]]:
    """The Gemini stand-in on 127.0.0.1 and its address."""
    stand = g.GeminiStandIn()
    with serving(stand.app) as url:
        yield stand, url
