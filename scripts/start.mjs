// npm start: installs what is missing, builds the app and serves it on http://localhost:4173.
import { spawn, execSync } from 'node:child_process';
import { ensureNodeModules, root } from './lib/setup.mjs';

ensureNodeModules();
console.log('Building...');
execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
const port = process.env.PORT ?? '4173';
const server = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
console.log(`\nMikiwame is running at http://localhost:${port}/  (Ctrl+C to stop)\n`);
server.on('exit', (code) => process.exit(code ?? 0));
