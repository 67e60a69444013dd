// Builds the web desk into dist/: index.html plus content-hashed assets, all
// served by motcuad from /assets/ (a flat folder: motcuad serves no sub-folders
// and refuses unknown file types at start). No inline script or style: the
// page runs under "default-src 'self'".
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

const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: { app: 'src/main.ts' },
  bundle: true,
  format: 'esm',
  // Browsers of the last few years on the counter's PCs.
  target: ['es2020', 'chrome90', 'edge90', 'firefox90', 'safari15'],
  outdir: 'dist/assets',
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  charset: 'utf8',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

// The outputs of the entry point: its script and the CSS bundle it imports.
const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === 'src/main.ts');
if (!entry) throw new Error('build: no output for src/main.ts');
const [scriptPath, scriptOutput] = entry;
const stylePath = scriptOutput.cssBundle;
if (!stylePath) throw new Error('build: src/main.ts produced no CSS bundle');

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

const script = basename(scriptPath);
const style = basename(stylePath);
const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Bộ phận Một cửa</title>
<link rel="icon" type="image/svg+xml" href="/assets/${iconName}">
<link rel="stylesheet" href="/assets/${style}" integrity="${await integrity(stylePath)}">
<script type="module" src="/assets/${script}" integrity="${await integrity(scriptPath)}"></script>
</head>
<body>
<div id="app"></div>
<noscript><p>Trang này cần bật JavaScript trong trình duyệt.</p></noscript>
</body>
</html>
`;
await writeFile(join(dist, 'index.html'), html);

for (const name of ['index.html', `assets/${script}`, `assets/${style}`, `assets/${iconName}`]) {
  const bytes = await readFile(join(dist, name));
  console.log(`dist/${name}  ${bytes.length} B`);
}
