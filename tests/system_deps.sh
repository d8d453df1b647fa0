#!/usr/bin/env bash
# Installs what the test suite needs from Debian when it is missing: PostgreSQL
# (the tests start a throwaway server), Chromium (the real-browser test), espeak-ng (KAVI's
# offline voice; the voice tests synthesise and recognise speech with it) and Tesseract with its
# English and Swahili data (receipt photos).
set -euo pipefail

need=()
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  need+=(chromium)
fi
if ! command -v espeak-ng >/dev/null 2>&1; then
  need+=(espeak-ng)
fi
if ! command -v tesseract >/dev/null 2>&1; then
  need+=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-swa)
elif ! tesseract --list-langs 2>/dev/null | grep -qx swa; then
  need+=(tesseract-ocr-eng tesseract-ocr-swa)
fi
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "installing ${need[*]} with apt-get"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
