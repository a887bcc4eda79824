#!/bin/sh
# The SDK example plugin builds out of tree against the installed SDK alone
# (headers + fastest-sdk.pc found through pkg-config), loads through
# FASTEST_PLUGIN_PATH, and reports a run.
#   example_plugin.sh BUILD_ROOT SOURCE_ROOT
set -eu
build_root=$1 source_root=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

DESTDIR=$stage meson install -C "$build_root" --quiet --no-rebuild >/dev/null
pc_file=$(find "$stage" -name fastest-sdk.pc)
[ -n "$pc_file" ] || { echo "fastest-sdk.pc was not installed" >&2; exit 1; }
# --define-prefix re-roots the .pc file at its staged location.
pkg() { PKG_CONFIG_PATH=$(dirname "$pc_file") pkg-config --define-prefix "$@" fastest-sdk; }
cflags=$(pkg --cflags)
abi="$(pkg --variable=abi_major).$(pkg --variable=abi_minor)"

mkdir "$stage/plugins"
cc -std=c11 -Wall -Wextra -Werror -shared -fPIC -fvisibility=hidden $cflags \
    -o "$stage/plugins/fastest-tap.so" "$source_root/sdk/examples/tap/tap.c"

listing=$(FASTEST_PLUGIN_PATH=$stage/plugins "$build_root/fastest" --list-plugins)
echo "$listing"
echo "$listing" | grep -Eq "^tap +reporter +1\.0\.0 +$abi +$stage/plugins/fastest-tap\.so$"

# Its option is accepted and it writes TAP for a real run.
cd "$source_root/examples/quickstart"
FASTEST_PLUGIN_PATH=$stage/plugins "$build_root/fastest" -q -p no:cacheprovider \
    --tap-file="$stage/run.tap" >/dev/null || true
cat "$stage/run.tap"
head -1 "$stage/run.tap" | grep -qx "TAP version 13"
grep -Eq '^1\.\.[0-9]+$' "$stage/run.tap"
grep -Eq '^ok [0-9]+ - test_basics\.py::test_addition$' "$stage/run.tap"
