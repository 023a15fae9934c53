#!/usr/bin/env bash
# Installs the Debian 12 packages Rapportverk builds and tests with (as root, or with sudo).
# Quiet and quick when everything is already there.
set -euo pipefail

packages=(
  cmake g++ make pkg-config clang-format
  libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev libhpdf-dev
  libtinyxml2-dev doctest-dev libvalijson-dev libkainjow-mustache-dev
  libhyphen-dev hyphen-no fonts-dejavu-core poppler-utils qpdf
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
