# KAVI web server. Production points KAVI_DATABASE_URL at PostgreSQL and runs
# `kavi db upgrade` once per release before starting the workers.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    KAVI_DATABASE_URL=sqlite:////data/kavi.db

# espeak-ng: KAVI's offline voice (PyAV brings its own FFmpeg, pocketsphinx its own model).
# tesseract-ocr with English and Swahili: receipt photos read offline.
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng tesseract-ocr tesseract-ocr-eng \
    tesseract-ocr-swa \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md main.py ./
COPY bot ./bot
COPY conversations ./conversations
COPY finance ./finance
COPY voice ./voice
COPY webhooks ./webhooks
COPY migrations ./migrations
RUN pip install . \
    && useradd --create-home --uid 10001 kavi \
    && mkdir -p /data && chown kavi /data

USER kavi
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health').status != 200)"
# Listening beyond loopback needs KAVI_WEB_TOKEN (the web chat writes to the books).
CMD ["kavi", "serve", "--host", "0.0.0.0", "--port", "8000"]
