#!/usr/bin/env bash
# Plays a new user from `npm pack`, in fresh projects as `npm init -y` makes them:
# 1. the testing-only install: `npm install gan-verify` installs no optional peer (TensorFlow.js, Vega,
#    KaTeX, the Markdown stack, the LaTeX parser, tsx); its node_modules must be at most 30 MB;
# 2. every light entry point (theory, numeric, testing) type-checks with strict and skipLibCheck: false
#    under moduleResolution nodenext, bundler and node10 (typesVersions), and runs;
# 3. with the peers installed, every entry point (also train, claims, checks) type-checks the same way;
# 4. examples/my-gan.test.ts passes in vitest, and a planted bug (a JSD without its ½) fails naming
#    the theorem and the seed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -1)"
tsc="$root/node_modules/.bin/tsc"
fail() {
  echo "check-consumer: $*"
  exit 1
}

# typecheck DIR ENTRY...: one file importing each entry point, under the three module resolutions
typecheck() {
  local dir="$1"
  shift
  (
    cd "$dir"
    for mode in "nodenext nodenext" "esnext bundler" "commonjs node10"; do
      local module="${mode% *}" resolution="${mode#* }"
      : >entries.ts
      for e in "$@"; do
        # fast-check 4's own declarations import pure-rand by subpath exports, which node10 cannot resolve:
        # under node10 the entry points whose types are fast-check's (testing, checks, claims) cannot type-check
        if [ "$resolution" = node10 ] && [[ " testing checks claims " == *" $e "* ]]; then continue; fi
        echo "export * as e_${e//[^a-z]/_} from 'gan-verify/$e';" >>entries.ts
      done
      cat >tsconfig.json <<EOF
{ "compilerOptions": { "strict": true, "skipLibCheck": false, "noEmit": true, "target": "es2022", "lib": ["es2022", "dom"],
  "types": ["node"], "module": "$module", "moduleResolution": "$resolution" }, "files": ["entries.ts"] }
EOF
      "$tsc" -p tsconfig.json >tsc.txt 2>&1 || {
        head -20 tsc.txt
        fail "entry points $* do not type-check under moduleResolution $resolution (skipLibCheck: false)"
      }
    done
  )
  echo "check-consumer: $* type-check with strict and skipLibCheck: false under nodenext and bundler, and under node10 (typesVersions)" \
    "all but testing, checks and claims, whose types are fast-check's (fast-check 4 does not support node10)"
}

# 1. the testing-only install
mkdir "$work/light" && cd "$work/light"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "$work/$tarball" >/dev/null 2>&1 || fail "npm install of the tarball failed"
bytes="$(du -sb node_modules | cut -f1)"
mb="$(node -p "($bytes / 1048576).toFixed(1)")"
echo "check-consumer: the testing-only install (npm install gan-verify, no optional peers) is $mb MB of node_modules"
node -e "process.exit($bytes <= 30 * 1048576 ? 0 : 1)" || fail "the testing-only install is $mb MB, more than 30 MB"
for heavy in @tensorflow/tfjs vega vega-lite katex unified @cortex-js/compute-engine tsx; do
  [ ! -d "node_modules/$heavy" ] || fail "the testing-only install holds $heavy"
done
# 2. the light entry points type-check and run
types_node="$(node -p "require('$root/node_modules/@types/node/package.json').version")"
npm install --silent --no-audit --no-fund "@types/node@$types_node" >/dev/null 2>&1 || fail "npm install @types/node failed"
typecheck . theory numeric testing
node --input-type=module -e "
import { jsd } from 'gan-verify/theory'; import { kl } from 'gan-verify/numeric'; import { assertTheorems } from 'gan-verify/testing';
const r = await assertTheorems({ kl: (p, q) => kl(p, q) }, { numRuns: 20 });
console.log('check-consumer: the light entry points run without the peers (' + jsd(['1', '0'], ['0', '1']).value.slice(0, 8) + ', ' + r.theorems.join(' ') + ')');
"
# the fused engine trains without TensorFlow.js (issue 26) ...
out="$(npx --no-install gan-verify train --steps 1 2>&1)" || fail "gan-verify train (the fused engine) without the peers failed: $out"
[ "$out" = "Step 0: D_loss=1.0106, G_loss=0.6775" ] || fail "gan-verify train (the fused engine) without the peers printed: $out"
echo "check-consumer: without the peers, gan-verify train (the fused engine) prints: $out"
# ... and a command that needs a missing peer says which, in one line (exit 2)
set +e
out="$(npx --no-install gan-verify train --steps 1 --engine autodiff 2>&1)"
code=$?
set -e
[ "$code" = 2 ] && echo "$out" | grep -qE "^gan-verify: this command needs [^ ]+, an optional dependency .*npm install .*@tensorflow/tfjs" ||
  fail "gan-verify train --engine autodiff without TensorFlow.js printed (exit $code): $out"
echo "check-consumer: without the peers, gan-verify train --engine autodiff says: $out"

# 3. with the peers, every entry point
mkdir "$work/full" && cd "$work/full"
npm init -y >/dev/null
vitest_version="$(node -p "require('$root/node_modules/vitest/package.json').version")"
peers="$(node -p "Object.entries(require('$root/package.json').peerDependencies).map(([k, v]) => k + '@' + v).join(' ')")"
# shellcheck disable=SC2086
npm install --silent --no-audit --no-fund "$work/$tarball" $peers "vitest@$vitest_version" "@types/node@$types_node" >/dev/null 2>&1 ||
  fail "npm install with the peers failed"
typecheck . theory numeric testing train claims checks

# 4. the testing kit in vitest, and a planted bug
cp "$root/examples/my-gan.test.ts" .
npx vitest run my-gan.test.ts >out.txt 2>&1 || {
  cat out.txt
  fail "the correct implementations failed"
}
echo "check-consumer: correct implementations pass ($(grep -E 'Tests' out.txt | tail -1 | tr -s ' '))"
sed -i 's/  return 0.5 \* kl(p, m) + 0.5 \* kl(q, m);/  return kl(p, m) + kl(q, m);/' my-gan.test.ts
if npx vitest run my-gan.test.ts >bad.txt 2>&1; then fail "the planted bug was not caught"; fi
grep -q 'theorem "jsd-exact"' bad.txt && grep -q 'replay: assertTheorems(impl, { seed: 1' bad.txt || {
  cat bad.txt
  fail "the failure does not name the theorem and the seed"
}
echo "check-consumer: the planted bug (JSD without ½) is caught: $(grep -o 'theorem "jsd-exact"[^\n]*' bad.txt | head -1)"
