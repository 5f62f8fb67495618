// Unit tests of the explorer's pure code (src/explorer/model.ts, elements.ts) under
// node's own test runner: each test/*.test.ts is bundled by esbuild into a temporary
// directory, then `node --test` runs them. `npm test`; `make test` runs it through
// tests/test_frontend.py.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), "samgraph-frontend-tests-"));
try {
  const tests = readdirSync(here).filter((f) => f.endsWith(".test.ts"));
  await esbuild.build({
    entryPoints: tests.map((f) => join(here, f)),
    outdir: out,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: ["node18"],
    logLevel: "warning",
  });
  const files = readdirSync(out).map((f) => join(out, f));
  const run = spawnSync(process.execPath, ["--test", ...files], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
