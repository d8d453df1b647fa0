"""The local parser: English, Swahili and Sheng, offline, well under a millisecond a message."""
