"""Audio in -> text, text -> audio. Imports no other KAVI package (the voice issue fills this in)."""
