"""Receipt photos and PDFs read into a proposed expense: the picture cleaned up, its text read
(Tesseract offline, Gemini vision when configured), the total, date and merchant found in it."""
