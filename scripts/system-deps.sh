#!/usr/bin/env bash
# `npm test`'s first step: the Debian packages the suites drive for real (the browser, the PDF,
# spreadsheet and calendar tools, strace). As root on Debian it installs what is missing;
# elsewhere it prints the one command to run and stops.
set -euo pipefail

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_cmd chromium || need+=(chromium)
have_cmd pdftotext || need+=(poppler-utils)
have_cmd soffice || need+=(libreoffice-calc-nogui)
have_cmd strace || need+=(strace)
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
"$PY" -c "import icalendar" >/dev/null 2>&1 || need+=(python3-icalendar)
# The browser suites screenshot Korean and Chinese pages; the PDFs bring their own fonts from npm.
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
have_cmd unzip || need+=(unzip)

[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && have_cmd apt-get; then
  echo "Installing Debian packages the tests need: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "The tests need these Debian packages: ${need[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
