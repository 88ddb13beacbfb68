import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

it('npm runs in this project without a warning about its config', () => {
  const { stderr, status } = spawnSync('npm', ['config', 'get', 'fund'], { cwd: root, encoding: 'utf8' });
  expect(status).toBe(0);
  expect(stderr).not.toMatch(/Unknown (project|user|env|global) config/);
});
