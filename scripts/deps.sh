#!/bin/sh
# Install the Debian packages listed in scripts/debian-packages.txt that are missing.
# Usage: scripts/deps.sh [LIST]   (default list: scripts/debian-packages.txt)
# A line is a package name, or PACKAGE:COMMAND for a tool that may come from elsewhere (Node.js
# from another repository): then it is installed only when COMMAND is not on the PATH either.
set -eu
list=${1:-$(dirname "$0")/debian-packages.txt}
missing=""
for entry in $(grep -v '^#' "$list" | sed 's/#.*//' | grep -v '^[[:space:]]*$'); do
	p=${entry%%:*}
	if [ "$p" != "$entry" ] && command -v "${entry#*:}" >/dev/null 2>&1; then
		continue
	fi
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "deps: installing missing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: done"
