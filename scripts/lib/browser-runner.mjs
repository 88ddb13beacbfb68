// Drives the real app pipeline (runner.html, same worker as the UI) in headless Chromium.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

export const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');

const mimeTypes = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif', '.bmp': 'image/bmp',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.onnx': 'application/octet-stream',
  '.tflite': 'application/octet-stream', '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.mov': 'video/quicktime',
  '.webm': 'video/webm', '.mkv': 'video/x-matroska', '.avi': 'video/x-msvideo',
};

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Builds the app unless dist/ is newer than everything it is built from. */
export function ensureBuild() {
  const built = newestMtime(join(dist, 'runner.html'));
  const sources = ['src', 'public', 'models/manifest.json', 'index.html', 'runner.html', 'vite.config.ts', 'package.json']
    .map((p) => newestMtime(join(root, p)));
  const models = readdirSync(join(root, 'models')).filter((f) => f.endsWith('.onnx')).map((f) => newestMtime(join(root, 'models', f)));
  if (built > Math.max(...sources, ...models)) return;
  console.error('building the app (vite build)...');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

function send(res, file) {
  res.writeHead(200, {
    'content-type': mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    // As the app is served (vite.config.ts): isolated, so video decoding can share memory.
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  createReadStream(file).pipe(res);
}

/** Serves dist/ at / and, read-only, `inputDir` at /__input/. */
export async function serve(inputDir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [base, rel] = path.startsWith('/__input/') && inputDir
      ? [inputDir, path.slice('/__input/'.length)]
      : [dist, path === '/' ? 'index.html' : path.slice(1)];
    const file = normalize(join(base, rel));
    if (!file.startsWith(normalize(base) + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    send(res, file);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

export function inputUrl(origin, inputDir, file) {
  return `${origin}/__input/${relative(inputDir, file).split(sep).map(encodeURIComponent).join('/')}`;
}

/** Starts the pipeline page; `pages` independent pages (each with its own worker) share the load. */
export async function startRunner({ inputDir, pages = 1, backend = 'auto', webgpu = false }) {
  ensureBuild();
  const { server, origin } = await serve(inputDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ webgpu }) });
  const context = await browser.newContext();
  const opened = await Promise.all(Array.from({ length: pages }, async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${origin}/runner.html?backend=${backend}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    return page;
  }));
  return {
    origin,
    pages: opened,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

export const imageExtensions = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.bmp']);

/** Files below `dir` at any depth, sorted, skipping reference masks (NAME_mask.png). */
export function listMedia(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(full).isDirectory())) walk(full);
      else if (!/_mask\.png$/i.test(entry.name) && !entry.name.startsWith('.')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Runs `task(page, item)` over items with one worker page each, in order of arrival. */
export async function forEachOnPages(pages, items, task, onDone) {
  let next = 0;
  let done = 0;
  await Promise.all(pages.map(async (page) => {
    while (next < items.length) {
      const item = items[next++];
      await task(page, item);
      onDone?.(++done, items.length);
    }
  }));
}

export function parseArgs(argv, spec) {
  const args = { ...spec };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in spec)) throw new Error(`unknown option --${key}; expected ${Object.keys(spec).map((k) => `--${k}`).join(', ')}`);
    args[key] = typeof spec[key] === 'boolean' ? true : argv[++i];
  }
  return args;
}
