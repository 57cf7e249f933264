#!/usr/bin/env bash
# Debian packages the test suite runs as reference tools (ip, ping, nft, tc…).
# Installs only what is missing, so on a prepared machine it costs nothing.
# Called by `npm test` (pretest) and by .ci/run; the one list of what tests need.
set -euo pipefail

# command → Debian package
declare -A NEED=(
  [ip]=iproute2
  [tc]=iproute2
  [ping]=iputils-ping
  [nft]=nftables
  [chromium]=chromium
  [capsh]=libcap2-bin
  [getpcaps]=libcap2-bin
)

missing=()
for cmd in "${!NEED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEED[$cmd]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

mapfile -t pkgs < <(printf '%s\n' "${missing[@]}" | sort -u)
if [ "$(id -u)" -ne 0 ]; then
  echo "tests need these Debian packages: ${pkgs[*]} (run as root, or: sudo apt-get install ${pkgs[*]})" >&2
  exit 1
fi
echo "installing test tools: ${pkgs[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
