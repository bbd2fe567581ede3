// Builds the OneDial extension (npm run build):
//   dist/chrome/               unpacked, for Chrome and Edge (load unpacked)
//   dist/firefox/              unpacked, for Firefox (temporary add-on)
//   dist/onedial-chrome.zip    for the Chrome Web Store and Edge Add-ons
//   dist/onedial-firefox.xpi   for addons.mozilla.org
// The scripts are bundled with esbuild (libphonenumber-js goes into
// content.js). The archives are reproducible: entries sorted by name, one
// fixed timestamp and mode, so the same sources give the same bytes.

import { build } from 'esbuild';
import { createWriteStream } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { makeManifest } from './manifest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

// 2020-01-01 00:00 in the zip's DOS time fields (local-time fields, so the
// same on every machine).
const FIXED_MTIME = new Date(2020, 0, 1, 0, 0, 0);

const TARGETS = {
  chrome: { esbuildTarget: ['chrome102'], archive: 'onedial-chrome.zip' },
  firefox: { esbuildTarget: ['firefox115'], archive: 'onedial-firefox.xpi' },
};

const ENTRY_POINTS = ['background', 'content', 'popup', 'options'];

async function listFiles(dir, prefix = '') {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...await listFiles(path.join(dir, entry.name), relative));
    else files.push(relative);
  }
  return files.sort();
}

async function writeZip(fromDir, zipPath) {
  const zip = new yazl.ZipFile();
  for (const name of await listFiles(fromDir)) {
    const data = await readFile(path.join(fromDir, name));
    zip.addBuffer(data, name, { mtime: FIXED_MTIME, mode: 0o100644, compressionLevel: 9, forceDosTimestamp: true });
  }
  zip.end();
  await new Promise((resolve, reject) => {
    const out = createWriteStream(zipPath);
    zip.outputStream.pipe(out).on('close', resolve).on('error', reject);
  });
}

async function buildTarget(name, { esbuildTarget, archive }) {
  const out = path.join(dist, name);
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(ENTRY_POINTS.map((e) => [e, path.join(root, 'src', `${e}.js`)])),
    outdir: out,
    bundle: true,
    format: 'iife',
    target: esbuildTarget,
    minify: false, // readable for store reviewers
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
  });
  await cp(path.join(root, 'static'), out, { recursive: true });
  await cp(path.join(root, 'icons'), path.join(out, 'icons'), { recursive: true });
  await cp(path.join(root, '_locales'), path.join(out, '_locales'), { recursive: true });
  // libphonenumber-js (MIT; its metadata comes from Google's libphonenumber, Apache 2.0).
  await mkdir(path.join(out, 'licenses'), { recursive: true });
  const lib = path.join(root, 'node_modules', 'libphonenumber-js');
  await cp(path.join(lib, 'LICENSE'), path.join(out, 'licenses', 'libphonenumber-js.txt'));
  await cp(path.join(lib, 'LICENSE.Apache'), path.join(out, 'licenses', 'libphonenumber-metadata-apache-2.0.txt'));
  const manifest = makeManifest(name, version);
  await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const archivePath = path.join(dist, archive);
  await writeZip(out, archivePath);
  const { size } = await stat(archivePath);
  console.log(`${path.relative(root, archivePath)} (${(size / 1024).toFixed(1)} KiB), dist/${name}/`);
}

await rm(dist, { recursive: true, force: true });
for (const [name, target] of Object.entries(TARGETS)) await buildTarget(name, target);
