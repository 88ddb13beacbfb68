import { existsSync } from 'node:fs';

/** Debian's chromium (Playwright cannot download its own browser here). */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run "apt-get install chromium" or set CHROMIUM_PATH`);
  return path;
}

export function chromiumArgs({ webgpu = false } = {}) {
  return [
    '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-dev-shm-usage',
    ...(webgpu ? ['--enable-unsafe-webgpu'] : []),
  ];
}
