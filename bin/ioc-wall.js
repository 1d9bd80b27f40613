#!/usr/bin/env node
// Entry of the `ioc-wall` command: runs the compiled host (npm run build makes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/main/host/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('ioc-wall: not built yet — run `npm run build` first\n');
  process.exit(2);
}
const { main } = await import(cli.href);
await main(process.argv);
