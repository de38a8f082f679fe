#!/usr/bin/env bash
# Installs the Debian packages the editor tests need (idempotent; skips apt when all are present):
#   chromium                     headless browser that drives VS Code's web workbench (code-server)
#   libkrb5-dev build-essential  code-server's native modules (kerberos needs gssapi.h) built by node-gyp
#   python3 pkg-config
#   neovim emacs-nox elpa-eglot  the two third-party LSP clients (Neovim 0.7, Emacs 28 + eglot)
set -euo pipefail
PACKAGES=(chromium libkrb5-dev build-essential python3 pkg-config neovim emacs-nox elpa-eglot)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then echo "system packages: all present"; exit 0; fi
echo "system packages: installing ${missing[*]}"
SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
# The lock timeout waits out an unattended apt run instead of failing at once.
$SUDO apt-get update -o DPkg::Lock::Timeout=600 >/dev/null
$SUDO apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
echo "system packages: installed"
