#!/usr/bin/env bash
# Rebuilds the real client bundles in __tests__/fixtures/bundles/ (see the README there).
#
#   bash scripts/bundle-fixtures/regenerate.sh              # every app
#   bash scripts/bundle-fixtures/regenerate.sh expo-web     # only the apps named (see APPS at the end)
#
# Needs Node 20.19+ and the npm registry; takes a few minutes. Not part of CI: run it by hand after changing an app
# or a version, then review and commit the fixtures (and the apps' package-lock.json files).
#
# Apps: vite-react/ and nextjs/ (built together, collected by collect.mjs), then nextjs-prop/ (also writes
# nextjs-turbopack-maps), expo-web/ and vite8-clerk-react/ (each alone, trimmed by trim-build.mjs; see the block at the
# end). The Expo app takes ~5 minutes to install and ~1 minute per build.
#
# Each app is copied to a temp folder, installed there with `npm install` from its
# package-lock.json (exact versions; when the lock file is missing, the one npm writes is copied back next to the app)
# and built once per key. Nothing is installed or built inside the repository. `npm ci` is not used: vite 8.4.0 names an
# optional dependency (napi-windows-process-start-time) that the registry does not serve, which `npm install` skips but
# `npm ci` rejects as a lock file out of sync. The keys are fake:
#   development: pk_test_ + base64('happy-hippo-42.clerk.accounts.dev$')
#   production:  pk_live_ + base64('clerk.example-gate.com$')
#   leaked-secret (Vite only): the development key plus VITE_CLERK_SECRET_KEY=sk_test_CANARY… (a canary, not a key)
# Builds run with a clean environment (env -i), so no Clerk variable of the shell leaks into a fixture. The Next.js
# build needs no CLERK_SECRET_KEY (no middleware, no server-side Clerk call), so none is given.
#
# The fixtures are written to the temp folder first and replace __tests__/fixtures/bundles/{vite-react,nextjs}/ only
# once every build and check has passed. Set KEEP_WORK=1 to keep the temp folder for inspection.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
FIXTURES="$ROOT/__tests__/fixtures/bundles"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bundle-fixtures.XXXXXX")"
OUT="$WORK/out"
if [ "${KEEP_WORK:-}" = 1 ]; then
  trap 'echo "build folder kept: $WORK"' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi

DEV_PK="$(node -p "'pk_test_' + Buffer.from('happy-hippo-42.clerk.accounts.dev\$').toString('base64')")"
PROD_PK="$(node -p "'pk_live_' + Buffer.from('clerk.example-gate.com\$').toString('base64')")"
CANARY_SK='sk_test_CANARYbundleLeak0123456789abcdefghijklmnopqrstu'

step() { printf '\n==> %s\n' "$*"; }

# A clean environment for the package manager and the builds, plus the variables given as arguments.
run_clean() {
  env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 CI=1 NEXT_TELEMETRY_DISABLED=1 "$@"
}

# prepare_app NAME: copies scripts/bundle-fixtures/NAME to the temp folder and installs its dependencies there.
prepare_app() {
  local name="$1" dir="$WORK/$1"
  mkdir -p "$dir"
  tar -C "$HERE/$name" --exclude=node_modules --exclude=dist --exclude=.next --exclude=next-env.d.ts -cf - . |
    tar -C "$dir" -xf -
  local had_lock=0
  [ -f "$dir/package-lock.json" ] && had_lock=1
  (cd "$dir" && run_clean npm install --no-audit --no-fund)
  if [ "$had_lock" = 0 ]; then
    cp "$dir/package-lock.json" "$HERE/$name/package-lock.json"
    echo "wrote $HERE/$name/package-lock.json"
  fi
}

node --version
npm --version

# The first two apps (vite-react/, nextjs/), built and checked together.
regenerate_vite_react_and_nextjs() {
step "Vite + React: install"
prepare_app vite-react
(cd "$WORK/vite-react" && npm ls --depth=0 vite @vitejs/plugin-react react react-dom @clerk/clerk-react)

vite_build() { # vite_build VARIANT ENV...
  local variant="$1"
  shift
  step "Vite + React: build '$variant'"
  (cd "$WORK/vite-react" && run_clean "$@" npx --no-install vite build --emptyOutDir)
  node "$HERE/collect.mjs" vite "$WORK/vite-react/dist" "$OUT/vite-react/$variant"
}
vite_build development VITE_CLERK_PUBLISHABLE_KEY="$DEV_PK"
vite_build production VITE_CLERK_PUBLISHABLE_KEY="$PROD_PK"
vite_build leaked-secret VITE_CLERK_PUBLISHABLE_KEY="$DEV_PK" VITE_CLERK_SECRET_KEY="$CANARY_SK"

step "Next.js: install"
prepare_app nextjs
(cd "$WORK/nextjs" && npm ls --depth=0 next react react-dom @clerk/nextjs)

next_build() { # next_build VARIANT KEY
  local variant="$1" key="$2"
  step "Next.js: build '$variant'"
  rm -rf "$WORK/nextjs/.next"
  (cd "$WORK/nextjs" &&
    run_clean NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY="$key" npx --no-install next build)
  node "$HERE/collect.mjs" next "$WORK/nextjs" "$OUT/nextjs/$variant" "$key"
}
next_build development "$DEV_PK"
next_build production "$PROD_PK"

step "checks"
fail() {
  echo "check failed: $*" >&2
  exit 1
}
# No machine path in any fixture file (source maps above all).
for path in "$WORK" "$ROOT" "$HOME/"; do
  if grep -rlF -- "$path" "$OUT"; then fail "the files above contain the machine path $path"; fi
done
# Each build carries its own key and nothing of the others.
has() { grep -rqF -- "$2" "$OUT/$1"; }
has vite-react/development "$DEV_PK" || fail "vite-react/development lacks the development key"
has vite-react/production "$PROD_PK" || fail "vite-react/production lacks the production key"
has vite-react/leaked-secret "$DEV_PK" || fail "vite-react/leaked-secret lacks the development key"
has vite-react/leaked-secret "$CANARY_SK" || fail "vite-react/leaked-secret lacks the canary secret"
has nextjs/development "$DEV_PK" || fail "nextjs/development lacks the development key"
has nextjs/production "$PROD_PK" || fail "nextjs/production lacks the production key"
grep -qF -- "$DEV_PK" "$OUT/nextjs/development/page.html" || fail "nextjs/development/page.html lacks the key"
grep -qF -- "$PROD_PK" "$OUT/nextjs/production/page.html" || fail "nextjs/production/page.html lacks the key"
for variant in vite-react/production nextjs/production; do
  if has "$variant" "$DEV_PK"; then fail "$variant contains the development key"; fi
done
for variant in vite-react/development vite-react/leaked-secret nextjs/development; do
  if has "$variant" "$PROD_PK"; then fail "$variant contains the production key"; fi
done
for variant in vite-react/development vite-react/production nextjs/development nextjs/production; do
  # (the SDK's own "sk_test_" / "sk_live_" prefix constants are fine: only a prefix followed by a key body is not)
  if grep -rqE -- 'sk_(test|live)_[A-Za-z0-9]{20}' "$OUT/$variant"; then fail "$variant contains a secret key"; fi
done

step "fixtures"
mkdir -p "$FIXTURES"
rm -rf "$FIXTURES/vite-react" "$FIXTURES/nextjs"
mv "$OUT/vite-react" "$OUT/nextjs" "$FIXTURES/"
(cd "$FIXTURES" && du -a vite-react nextjs)
}

# ---------------------------------------------------------------------------------------------------------------------
# nextjs-prop/, expo-web/, vite8-clerk-react/: each app builds, checks and replaces its own fixture folders alone
# (`regenerate.sh nextjs-prop`), trimmed by trim-build.mjs. The fixture folders look like the app root after the build
# (a package.json with the app's dependencies, the build output where the framework writes it).

# check_fixture DIR VALUE...: fails unless DIR holds each VALUE; check_absent DIR VALUE...: fails if it holds one.
check_fixture() {
  local dir="$1" value
  shift
  for value in "$@"; do grep -rqF -- "$value" "$dir" || fail_fixb "$dir lacks ${value:0:12}…"; done
}
check_absent() {
  local dir="$1" value
  shift
  for value in "$@"; do if grep -rqF -- "$value" "$dir"; then fail_fixb "$dir holds ${value:0:12}…"; fi; done
}
fail_fixb() {
  echo "check failed: $*" >&2
  exit 1
}
# publish_fixtures NAME...: checks that no machine path is in $OUT/NAME, then replaces the fixture folders.
publish_fixtures() {
  local name path
  for name in "$@"; do
    for path in "$WORK" "$ROOT" "$HOME/"; do
      if grep -rlF -- "$path" "$OUT/$name"; then fail_fixb "the files above contain the machine path $path"; fi
    done
  done
  mkdir -p "$FIXTURES"
  for name in "$@"; do
    rm -rf "${FIXTURES:?}/$name"
    mv "$OUT/$name" "$FIXTURES/"
    (cd "$FIXTURES" && du -sh "$name")
  done
}

# Next.js 16 (Turbopack), the key given to <ClerkProvider publishableKey={process.env.CLERK_PUBLISHABLE_KEY}> from a
# server-only variable: the key is in the prerendered pages only. The same app built once more with the minifier off
# (next.config.unminified.mjs) gives client chunks with index maps: nextjs-turbopack-maps/.
regenerate_nextjs_prop() {
  step "Next.js, key as a prop: install"
  prepare_app nextjs-prop
  local app="$WORK/nextjs-prop"
  (cd "$app" && npm ls --depth=0 next react react-dom @clerk/nextjs)
  next_prop_build() { # next_prop_build KIND FIXTURE VARIANT ENV...
    local kind="$1" fixture="$2" variant="$3"
    shift 3
    step "Next.js, key as a prop: build $fixture/$variant"
    rm -rf "$app/.next"
    (cd "$app" && run_clean "$@" npx --no-install next build)
    node "$HERE/trim-build.mjs" "$kind" "$app" "$OUT/$fixture/$variant" "$DEV_PK" "$PROD_PK" "$CANARY_SK"
  }
  next_prop_build next-prop nextjs-prop development CLERK_PUBLISHABLE_KEY="$DEV_PK"
  next_prop_build next-prop nextjs-prop production CLERK_PUBLISHABLE_KEY="$PROD_PK"
  next_prop_build next-prop nextjs-prop leaked-secret CLERK_PUBLISHABLE_KEY="$DEV_PK" \
    NEXT_PUBLIC_CLERK_SECRET_KEY="$CANARY_SK"
  cp "$app/next.config.unminified.mjs" "$app/next.config.mjs"
  next_prop_build next-maps nextjs-turbopack-maps leaked-secret CLERK_PUBLISHABLE_KEY="$DEV_PK" \
    NEXT_PUBLIC_CLERK_SECRET_KEY="$CANARY_SK"

  step "Next.js, key as a prop: checks"
  local o="$OUT/nextjs-prop"
  check_fixture "$o/development/.next/server/app" "$DEV_PK" "https://happy-hippo-42.clerk.accounts.dev/npm/@clerk/clerk-js"
  check_fixture "$o/production/.next/server/app" "$PROD_PK" "https://clerk.example-gate.com/npm/@clerk/clerk-js"
  check_fixture "$o/leaked-secret/.next/server/app" "$DEV_PK" "$CANARY_SK"
  check_fixture "$o/leaked-secret/.next/static" "$CANARY_SK"
  check_absent "$o/development" "$PROD_PK" "$CANARY_SK"
  check_absent "$o/production" "$DEV_PK" "$CANARY_SK"
  check_absent "$o/leaked-secret" "$PROD_PK"
  local variant
  for variant in development production leaked-secret; do
    # The key never reaches a client chunk: Next.js inlines NEXT_PUBLIC_ variables only.
    check_absent "$o/$variant/.next/static" "$DEV_PK" "$PROD_PK"
    ls "$o/$variant/.next/server/app/clerk-config.json.body" >/dev/null
  done
  grep -rqF '"sections"' "$OUT/nextjs-turbopack-maps/leaked-secret/.next/static" ||
    fail_fixb "nextjs-turbopack-maps has no index map"
  publish_fixtures nextjs-prop nextjs-turbopack-maps
}

# Expo (web export with Metro), @clerk/expo (Clerk Core 3), the key in EXPO_PUBLIC_CLERK_PUBLISHABLE_KEY.
# `expo export -p web --source-maps` writes one bundle (~0.9 MB) and its map (~3.7 MB), named by a root-relative
# `//# sourceMappingURL=/_expo/static/js/web/index-<hash>.js.map`. To stay near 1.5 MB per variant, only leaked-secret
# (development key + canary) keeps the map; production keeps the bundle alone. EXPO_OFFLINE: no call to Expo's API.
regenerate_expo_web() {
  step "Expo web: install"
  prepare_app expo-web
  local app="$WORK/expo-web"
  (cd "$app" && npm ls --depth=0 expo @clerk/expo react react-dom react-native react-native-web)
  expo_build() { # expo_build KIND VARIANT ENV...
    local kind="$1" variant="$2"
    shift 2
    step "Expo web: build $variant"
    rm -rf "$app/dist"
    # --clear: Metro's transform cache (in the temp folder, shared by every build) keeps the EXPO_PUBLIC_ values it
    # inlined; without it, a build with other values gives the previous build's bundle, key included.
    (cd "$app" && run_clean EXPO_NO_TELEMETRY=1 EXPO_OFFLINE=1 "$@" npx --no-install expo export -p web --source-maps --clear)
    node "$HERE/trim-build.mjs" "$kind" "$app" "$OUT/expo-web/$variant" "$DEV_PK" "$PROD_PK" "$CANARY_SK"
  }
  expo_build expo leaked-secret EXPO_PUBLIC_CLERK_PUBLISHABLE_KEY="$DEV_PK" EXPO_PUBLIC_CLERK_SECRET_KEY="$CANARY_SK"
  expo_build expo-without-map production EXPO_PUBLIC_CLERK_PUBLISHABLE_KEY="$PROD_PK"

  step "Expo web: checks"
  local o="$OUT/expo-web"
  check_fixture "$o/leaked-secret/dist/_expo/static/js/web" "$DEV_PK" "$CANARY_SK" "sourceMappingURL=/_expo/static/js/web/"
  check_fixture "$o/production/dist/_expo/static/js/web" "$PROD_PK"
  check_absent "$o/leaked-secret" "$PROD_PK"
  check_absent "$o/production" "$DEV_PK" "$CANARY_SK"
  ls "$o"/leaked-secret/dist/_expo/static/js/web/index-*.js.map >/dev/null
  publish_fixtures expo-web
}

# Vite 8 + React + @clerk/react (Clerk Core 3), the key in VITE_CLERK_PUBLISHABLE_KEY. @clerk/shared's getEnvVariable
# reads `import.meta.env[name]`, so Vite inlines the whole env object (twice, unmapped) besides the app's own
# `import.meta.env.VITE_…` reads. leaked-secret keeps the map; development and production the bundle alone.
regenerate_vite8_clerk_react() {
  step "Vite 8 + @clerk/react: install"
  prepare_app vite8-clerk-react
  local app="$WORK/vite8-clerk-react"
  (cd "$app" && npm ls --depth=0 vite @vitejs/plugin-react react react-dom @clerk/react && npm ls rolldown @clerk/shared)
  vite8_build() { # vite8_build KIND VARIANT ENV...
    local kind="$1" variant="$2"
    shift 2
    step "Vite 8 + @clerk/react: build $variant"
    (cd "$app" && run_clean "$@" npx --no-install vite build --emptyOutDir)
    node "$HERE/trim-build.mjs" "$kind" "$app" "$OUT/vite8-clerk-react/$variant" "$DEV_PK" "$PROD_PK" "$CANARY_SK"
  }
  vite8_build vite leaked-secret VITE_CLERK_PUBLISHABLE_KEY="$DEV_PK" VITE_CLERK_SECRET_KEY="$CANARY_SK"
  vite8_build vite-without-map development VITE_CLERK_PUBLISHABLE_KEY="$DEV_PK"
  vite8_build vite-without-map production VITE_CLERK_PUBLISHABLE_KEY="$PROD_PK"

  step "Vite 8 + @clerk/react: checks"
  local o="$OUT/vite8-clerk-react"
  check_fixture "$o/leaked-secret/dist/assets" "$DEV_PK" "$CANARY_SK"
  check_fixture "$o/development/dist/assets" "$DEV_PK"
  check_fixture "$o/production/dist/assets" "$PROD_PK"
  check_absent "$o/leaked-secret" "$PROD_PK"
  check_absent "$o/development" "$PROD_PK" "$CANARY_SK"
  check_absent "$o/production" "$DEV_PK" "$CANARY_SK"
  ls "$o"/leaked-secret/dist/assets/index-*.js.map >/dev/null
  publish_fixtures vite8-clerk-react
}

APPS=(vite-react+nextjs nextjs-prop expo-web vite8-clerk-react)
[ "$#" -gt 0 ] && APPS=("$@")
for app in "${APPS[@]}"; do
  case "$app" in
    vite-react | nextjs | vite-react+nextjs) regenerate_vite_react_and_nextjs ;;
    nextjs-prop | nextjs-turbopack-maps) regenerate_nextjs_prop ;;
    expo-web) regenerate_expo_web ;;
    vite8-clerk-react) regenerate_vite8_clerk_react ;;
    *) fail_fixb "unknown app $app (known: vite-react+nextjs nextjs-prop expo-web vite8-clerk-react)" ;;
  esac
done
du -sh "$FIXTURES"
