#!/usr/bin/env bash
# Headless Chromium + chromedriver for tests/test_web_browser.py (Debian/Ubuntu packages).
# Idempotent: does nothing when both are already on PATH. Needs root (or sudo) to install.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

if (have chromium || have chromium-browser) && have chromedriver; then
  echo "chromium and chromedriver already installed"
  exit 0
fi
if ! have apt-get; then
  echo "apt-get not found: install chromium and chromedriver with your package manager" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if have sudo; then SUDO="sudo -n"; else echo "need root to install chromium" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
chromium --version 2>/dev/null || true
chromedriver --version
