const mod = await import(`./${process.argv[2]}.mjs`);
import { cleanupAll } from './support.mjs';
try {
  const r = await mod.run({ quick: process.argv.includes('--quick'), print: console.log });
  console.log(JSON.stringify(r));
} finally {
  await cleanupAll();
}
