"""The Gemini path: for what the local parser cannot resolve, and for free questions."""
