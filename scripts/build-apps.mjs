// `npm run build`: bundles each deployed app's entry point into dist/<app>.js, plain CommonJS that
// `node --enable-source-maps dist/<app>.js` runs without a TypeScript loader (the image and
// docker-compose.yml run them so). The workspace packages (@naxio/*, TypeScript sources) go into
// each bundle; every other package stays external, loaded from node_modules at run time as before.
//   node scripts/build-apps.mjs [app ...]   (default: every app below)
//   node scripts/build-apps.mjs --list      (the apps' names, one a line)
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'dist');

/** The processes docker-compose.yml runs, by the entry point each one starts from. */
const APP_ENTRIES = JSON.parse(await readFile(join(ROOT, 'infra', 'docker', 'app-entries.json'), 'utf8'));

/** Bare imports are third-party packages and stay external, except the workspace's own. */
const externalPackages = {
  name: 'external-packages',
  setup(on) {
    on.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@naxio/') ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Sources read files beside them through `__dirname` (the Avro schemas, the SQL migrations, the
 * dashboard). In a bundle `__dirname` is dist/, so each source's own is rewritten to its directory
 * in the repository, found from the bundle's: dist/ sits at the root of the tree the image holds.
 */
const sourceDirname = {
  name: 'source-dirname',
  setup(on) {
    on.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!/\b__dirname\b/.test(source)) return undefined;
      const fromBundle = JSON.stringify(relative(OUT_DIR, dirname(args.path)).split('\\').join('/'));
      return { contents: source.replace(/\b__dirname\b/g, `require("node:path").join(__dirname, ${fromBundle})`), loader: 'ts' };
    });
  },
};

async function main() {
  if (process.argv.includes('--list')) return console.log(Object.keys(APP_ENTRIES).join('\n'));
  const asked = process.argv.slice(2);
  const unknown = asked.filter((app) => !(app in APP_ENTRIES));
  if (unknown.length > 0) throw new Error(`unknown app ${unknown.join(', ')}; the apps: ${Object.keys(APP_ENTRIES).join(', ')}`);
  const apps = asked.length > 0 ? asked : Object.keys(APP_ENTRIES);
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(apps.map((app) => [app, APP_ENTRIES[app]])),
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // The sources are CommonJS under tsx too (no "type": "module", no import.meta, no top-level await).
    format: 'cjs',
    sourcemap: true,
    // Stack traces name the .ts files, which the image holds: the maps need not carry them again.
    sourcesContent: false,
    // Class and function names stay as written, for logs and stack traces.
    keepNames: true,
    logLevel: 'warning',
    plugins: [externalPackages, sourceDirname],
  });
  if (result.errors.length > 0) process.exit(1);
  console.log(`built ${apps.map((app) => `dist/${app}.js`).join(', ')} in ${Date.now() - startedAt} ms`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
