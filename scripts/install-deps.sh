#!/usr/bin/env bash
# Installs what Rapportverk builds with (as root, or with sudo): Debian 12 packages, and
# the default theme's npm packages (Designsystemet) into themes/default/node_modules.
# With --test also what the tests need: Debian's Chromium and the browser tests' npm
# packages (playwright-core, axe-core, html-validate) into tests/browser/node_modules.
# Quiet and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
if [ "${1:-}" = "--test" ]; then with_tests=1; fi

packages=(
  cmake g++ make pkg-config clang-format
  libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev libhpdf-dev
  libtinyxml2-dev doctest-dev libvalijson-dev
  libhyphen-dev hyphen-no fonts-dejavu-core poppler-utils qpdf libcpp-httplib-dev
  zlib1g-dev icc-profiles-free libjemalloc-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages, exactly as package-lock.json pins them; skipped when already installed.
npm_install() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
     [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}
npm_install themes/default
if [ "$with_tests" -eq 1 ]; then npm_install tests/browser; fi
