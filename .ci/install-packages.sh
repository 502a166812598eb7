# shellcheck shell=bash
# install_packages PKG...: installs the Debian packages that are missing (apt-get, through sudo
# when not root); does nothing when all are there. Sourced by .ci/run and ./benchmark.sh.
install_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  (( ${#missing[@]} )) || return 0
  local sudo=
  (( EUID == 0 )) || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
