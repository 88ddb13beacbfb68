// npm run corpus -- --out DIR: writes the bad-input corpus (scripts/lib/corpus.mjs) into DIR/bad,
// ready for `npm run eval -- --input DIR`, and DIR/expected.json with each file's outcome.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from './lib/browser-runner.mjs';
import { buildCorpus } from './lib/corpus.mjs';

const args = parseArgs(process.argv.slice(2), { out: '' });
if (!args.out) throw new Error('usage: npm run corpus -- --out DIR');
const cases = buildCorpus(join(resolve(args.out), 'fake'));
writeFileSync(join(resolve(args.out), 'expected.json'), JSON.stringify(cases.map(({ name, expect }) => ({ name, expect })), null, 1));
console.log(`${cases.length} files in ${join(resolve(args.out), 'fake')}`);
