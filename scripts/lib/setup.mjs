// Installs what a fresh machine lacks before the app can be built or tested.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

const run = (command, env = {}) => execSync(command, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

/** npm ci when node_modules is missing or older than the lockfile. */
export function ensureNodeModules() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs
    && existsSync(join(root, 'public', 'vendor', 'models', 'face_detection_short_range.tflite'))) return;
  console.log('Installing dependencies (npm ci)...');
  // onnxruntime-node (the benchmark's native baseline) ships its CPU binaries; where npm runs its install script, it
  // would download GPU ones from nuget.org, which is unreachable here. (Its own variable: npm has no config key for it.)
  run('npm ci --no-audit --no-fund', { ONNXRUNTIME_NODE_INSTALL: 'skip' });
}

/** Debian's chromium drives the browser tests (Playwright cannot download a browser here). */
export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${path}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  console.log('Installing Chromium (apt-get install chromium)...');
  run('apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium');
}

/** Installs Debian's `pkg` (as root) when `binary` is missing. */
function ensureDebianPackage(binary, pkg) {
  if (existsSync(binary)) return;
  if (process.getuid?.() !== 0) throw new Error(`${binary} is missing. Install it (sudo apt-get install ${pkg}).`);
  console.log(`Installing ${pkg} (apt-get install ${pkg})...`);
  run(`apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ${pkg}`);
}

/** Debian's ffmpeg makes the test videos (H.264, VP8, VP9, MPEG-4 in MP4, WebM, MOV, AVI). */
export const ensureFfmpeg = () => ensureDebianPackage('/usr/bin/ffmpeg', 'ffmpeg');

/** Debian's poppler-utils reads the PDF reports in the tests (pdftotext, pdfimages) and renders their pages (pdftoppm). */
export const ensurePoppler = () => ensureDebianPackage('/usr/bin/pdftotext', 'poppler-utils');
