// Bundles each page of src/ into ../src/samgraph/web/static/<page>/<page>.{js,css}
// (served by the app under /static/). Add a page: one line in PAGES.
// `node build.mjs` builds every page; `node build.mjs graphiql` only the ones named.
import { copyFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, "..", "src", "samgraph", "web", "static");
const PAGES = {
  graphiql: "src/graphiql.tsx",
  explorer: "src/explorer.tsx",
};

/** Files a page loads as they are (not bundled): ELK's layout worker for the explorer. */
const COPIES = {
  explorer: { "elk-worker.min.js": "node_modules/elkjs/lib/elk-worker.min.js" },
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in PAGES)) throw new Error(`unknown page ${name} (pages: ${Object.keys(PAGES).join(", ")})`);
}
const names = wanted.length ? wanted : Object.keys(PAGES);

for (const name of names) {
  rmSync(join(OUT, name), { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: here,
    entryPoints: { [name]: PAGES[name] },
    outdir: join(OUT, name),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    minify: true,
    sourcemap: false,
    // Fonts and images stay beside the bundle (graphiql's own fonts are already inlined).
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file", ".png": "file" },
    assetNames: "[name]-[hash]",
    define: { "process.env.NODE_ENV": '"production"' },
    jsx: "automatic",
    logLevel: "warning",
    metafile: true,
  });
  for (const [file, from] of Object.entries(COPIES[name] ?? {})) {
    copyFileSync(join(here, from), join(OUT, name, file));
    console.log(`static/${name}/${file}  (copied from ${from})`);
  }
  for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
    console.log(`${file.replace(/^.*\/static\//, "static/")}  ${(bytes / 1024).toFixed(0)} KiB`);
  }
}
