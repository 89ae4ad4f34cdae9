# Sourced by regenerate.sh: nextjs-prop/ (also writes nextjs-turbopack-maps), expo-web/, vite8-clerk-react/.
# ---------------------------------------------------------------------------------------------------------------------
# nextjs-prop/, expo-web/, vite8-clerk-react/: each app builds, checks and replaces its own fixture folders alone
# (`regenerate.sh nextjs-prop`), trimmed by trim-build.mjs. The fixture folders look like the app root after the build
# (a package.json with the app's dependencies, the build output where the framework writes it).

# check_fixture DIR VALUE...: fails unless DIR holds each VALUE; check_absent DIR VALUE...: fails if it holds one.
check_fixture() {
  local dir="$1" value
  shift
  for value in "$@"; do grep -rqF -- "$value" "$dir" || fail "$dir lacks ${value:0:12}…"; done
}
check_absent() {
  local dir="$1" value
  shift
  for value in "$@"; do if grep -rqF -- "$value" "$dir"; then fail "$dir holds ${value:0:12}…"; fi; done
}
# publish_fixtures NAME...: checks that no machine path is in $OUT/NAME, then replaces the fixture folders.
publish_fixtures() {
  local name path
  for name in "$@"; do
    for path in "$WORK" "$ROOT" "$HOME/"; do
      if grep -rlF -- "$path" "$OUT/$name"; then fail "the files above contain the machine path $path"; fi
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
    fail "nextjs-turbopack-maps has no index map"
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

