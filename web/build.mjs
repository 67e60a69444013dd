// Builds the web desk into dist/: index.html plus content-hashed assets, all
// served by motcuad from /assets/ (a flat folder: motcuad serves no sub-folders
// and refuses unknown file types at start). No inline script or style: the
// page runs under "default-src 'self'".
//
// A second page, citizen.html (the citizen's lookup, served at /tra-cuu), is its
// own entry with its own script and style: a citizen on a phone loads only what
// that page needs. The build fails if its bundle takes in any of the desk's code.
//
//   node build.mjs            minified production build
//   node build.mjs --dev      unminified, with source maps (assets/*.map)

import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const assets = join(dist, 'assets');
const dev = process.argv.includes('--dev');

await rm(dist, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

// Options both builds share.
const common = {
  absWorkingDir: here,
  bundle: true,
  format: 'esm',
  // Browsers of the last few years on the counter's PCs.
  target: ['es2020', 'chrome90', 'edge90', 'firefox90', 'safari15'],
  outdir: 'dist/assets',
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  charset: 'utf8',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

// The desk is split: the leader's dashboard (src/dashboard/, reached by a dynamic
// import()) is its own chunk, so the counter's first load does not carry it. Code both
// need goes into shared chunks, all flat in dist/assets.
const deskBuild = await esbuild.build({ ...common, entryPoints: { app: 'src/main.ts' }, splitting: true });
// The citizen's page is built on its own, unsplit: one script for a phone, and no chunk
// it could share with the desk.
const citizenBuild = await esbuild.build({ ...common, entryPoints: { citizen: 'src/citizen/main.ts' } });

/** The outputs of an entry point: its script, the CSS bundle it imports, the chunks it imports at load. */
function outputsOf(result, entryPoint) {
  const outputs = result.metafile.outputs;
  const entry = Object.entries(outputs).find(([, o]) => o.entryPoint === entryPoint);
  if (!entry) throw new Error(`build: no output for ${entryPoint}`);
  const [scriptPath, scriptOutput] = entry;
  const stylePath = scriptOutput.cssBundle;
  if (!stylePath) throw new Error(`build: ${entryPoint} produced no CSS bundle`);
  // Chunks loaded with the entry (static imports, transitively); dynamic ones load later.
  const staticChunks = [];
  const pending = [scriptOutput];
  while (pending.length > 0) {
    for (const imported of pending.pop().imports ?? []) {
      if (imported.kind !== 'import-statement' || staticChunks.includes(imported.path)) continue;
      staticChunks.push(imported.path);
      pending.push(outputs[imported.path]);
    }
  }
  const loaded = [scriptOutput, outputs[stylePath], ...staticChunks.map((p) => outputs[p])];
  return { scriptPath, stylePath, staticChunks, inputs: loaded.flatMap((o) => Object.keys(o?.inputs ?? {})) };
}

const desk = outputsOf(deskBuild, 'src/main.ts');
const citizen = outputsOf(citizenBuild, 'src/citizen/main.ts');

// The lookup page may use its own folder, the shared base sheet and the two helpers that hold no desk
// logic; one import of anything else (api.ts, contract.ts, …) would ship the desk's
// code to every citizen's phone.
const CITIZEN_MAY_USE = /^src\/(citizen\/[\w.-]+|dom\.ts|format\.ts|base\.css)$/;
const strays = citizen.inputs.filter((input) => !CITIZEN_MAY_USE.test(input));
if (strays.length > 0) throw new Error(`build: the lookup page bundles desk code: ${strays.join(', ')}`);

// The dashboard must stay out of the desk's first load (it is the leader's alone).
const eager = desk.inputs.filter((input) => input.startsWith('src/dashboard/') && !input.endsWith('.css'));
if (eager.length > 0) throw new Error(`build: the desk loads dashboard code at start: ${eager.join(', ')}`);

function hash(bytes, length = 8) {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, length).toUpperCase();
}

async function integrity(path) {
  return 'sha384-' + createHash('sha384').update(await readFile(join(here, path))).digest('base64');
}

// The icon, hashed like the rest so it can be cached for good.
const icon = await readFile(join(here, 'src/icon.svg'));
const iconName = `icon-${hash(icon)}.svg`;
await writeFile(join(assets, iconName), icon);

async function page({ title, scriptPath, stylePath, staticChunks }) {
  // The chunks the entry imports at once, preloaded with their own integrity hashes.
  const preloads = await Promise.all(
    staticChunks.map(async (p) => `<link rel="modulepreload" href="/assets/${basename(p)}" integrity="${await integrity(p)}">\n`),
  );
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" type="image/svg+xml" href="/assets/${iconName}">
<link rel="stylesheet" href="/assets/${basename(stylePath)}" integrity="${await integrity(stylePath)}">
${preloads.join('')}<script type="module" src="/assets/${basename(scriptPath)}" integrity="${await integrity(scriptPath)}"></script>
</head>
<body>
<div id="app"></div>
<noscript><p>Trang này cần bật JavaScript trong trình duyệt.</p></noscript>
</body>
</html>
`;
}

await writeFile(join(dist, 'index.html'), await page({ title: 'Bộ phận Một cửa', ...desk }));
await writeFile(join(dist, 'citizen.html'), await page({ title: 'Tra cứu hồ sơ — Bộ phận Một cửa', ...citizen }));

const written = [
  'index.html', `assets/${iconName}`, 'citizen.html',
  ...[deskBuild, citizenBuild].flatMap((r) => Object.keys(r.metafile.outputs)).filter((p) => !p.endsWith('.map')).map((p) => `assets/${basename(p)}`),
];
for (const name of written) {
  const bytes = await readFile(join(dist, name));
  console.log(`dist/${name}  ${bytes.length} B`);
}
