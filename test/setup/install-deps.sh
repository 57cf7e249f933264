#!/usr/bin/env bash
# Debian packages the test suite runs as reference tools (ip, ping, nft, tc,
# chromium, capsh…) or builds small C checks with. Installs only what is
# missing, so on a prepared machine it costs nothing. Called by `npm test`
# (pretest) and by .ci/run: the one list of what the tests need.
set -euo pipefail

PACKAGES=(
  iproute2       # ip, tc: every integration test checks the kernel with them
  iputils-ping   # ping across labs
  nftables       # nft -j list ruleset, golden captures
  chromium       # the viewer's browser tests (driven by playwright-core)
  libcap2-bin    # capsh, getpcaps: capability sets compared
  util-linux     # unshare, setpriv, mount: seccomp and netem probes
  gcc            # C checks of kernel constants and seccomp programs
  libc6-dev      # … and their headers
  linux-libc-dev # kernel UAPI headers for those checks
  libseccomp2    # seccomp programs compared with libseccomp's
  procps         # ps, inside nodes
  bsdutils       # script: progress output tested under a pseudo-terminal
  frr            # OSPF routers in sandboxed nodes (topologies/frr-ospf.yaml)
  python3        # a web server in a node (python3 -m http.server)
  etcd-server    # multi-host labs: the store agents and up --etcd share (test/integration/cluster*.test.ts)
  etcd-client    # etcdctl: reads back what nslab's etcd client wrote
  tcpdump        # reads nslab capture's pcapng files; its filters are the reference for --filter
)

missing=()
for p in "${PACKAGES[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "tests need these Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "installing test tools: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
