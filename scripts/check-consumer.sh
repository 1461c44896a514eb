#!/usr/bin/env bash
# Plays a new user: packs gan-verify, installs the tarball with vitest in a fresh project (as
# `npm init -y` makes it), runs examples/my-gan.test.ts (must pass), then plants a bug (a JSD
# without its ½) and runs it again (must fail, naming the theorem and the seed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -1)"
cd "$work"
mkdir consumer && cd consumer
npm init -y >/dev/null
vitest_version="$(node -p "require('$root/node_modules/vitest/package.json').version")"
npm install --silent --no-audit --no-fund "$work/$tarball" "vitest@$vitest_version" >/dev/null 2>&1
cp "$root/examples/my-gan.test.ts" .
npx vitest run my-gan.test.ts >out.txt 2>&1 || { cat out.txt; echo "check-consumer: the correct implementations failed"; exit 1; }
echo "check-consumer: correct implementations pass ($(grep -E 'Tests' out.txt | tail -1 | tr -s ' '))"
sed -i 's/  return 0.5 \* kl(p, m) + 0.5 \* kl(q, m);/  return kl(p, m) + kl(q, m);/' my-gan.test.ts
if npx vitest run my-gan.test.ts >bad.txt 2>&1; then echo "check-consumer: the planted bug was not caught"; exit 1; fi
grep -q 'theorem "jsd-exact"' bad.txt && grep -q 'replay: assertTheorems(impl, { seed: 1' bad.txt || { cat bad.txt; echo "check-consumer: the failure does " +
  "not name the theorem and the seed"; exit 1; }
echo "check-consumer: the planted bug (JSD without ½) is caught: $(grep -o 'theorem "jsd-exact"[^\n]*' bad.txt | head -1)"
