// A host in its own process, as in production (hub and host are separate programs): started with startHost from
// dist, driven by the benchmark over IPC. argv[2]: JSON { hub, dataDir, hubCredential }.
import { createLogger } from '../dist/platform/logger.js';
import { startHost } from '../dist/main/host/host.js';
import { StartOptions } from '../dist/main/host/start-options.js';

const { hub, dataDir, hubCredential } = JSON.parse(process.argv[2] ?? '{}');
const options = StartOptions.parse({ shell: 'headless', port: 0, hub, dataDir, hubCredential });
const host = await startHost({
  options,
  shell: { kind: 'headless', reason: 'bench' },
  monitors: [{ id: 'm', name: 'm', x: 0, y: 0, width: 1920, height: 1080, primary: true }],
  monitorSource: 'default',
  logger: createLogger('bench', 'error'),
});
process.send({ type: 'ready', at: Date.now(), origin: host.origin, token: host.token });

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await host.close();
  // ru_maxrss: the peak resident set of this process over its life, in KiB.
  process.send?.({
    type: 'closed',
    maxRssKiB: process.resourceUsage().maxRSS,
    rssKiB: process.memoryUsage().rss / 1024,
  });
  process.disconnect?.();
  setTimeout(() => process.exit(0), 100).unref();
};
process.on('message', (msg) => {
  if (msg?.type === 'close') void close();
  if (msg?.type === 'memory')
    process.send({
      type: 'memory',
      maxRssKiB: process.resourceUsage().maxRSS,
      rssKiB: process.memoryUsage().rss / 1024,
    });
});
// The benchmark is gone: do not outlive it.
process.on('disconnect', () => {
  if (!closing) void close().finally(() => process.exit(0));
});
