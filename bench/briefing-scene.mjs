// Briefing scene change: a presenter's "next" (bridge call `command briefing.next`, as the console or the
// presenter page makes it) → every surface of a 2×2 wall painted with the new scene. The wall of
// bench/preset-switch.mjs (four wall pages of one host in headless Chromium); p50/p95 of the slowest page.
//
//   node bench/briefing-scene.mjs [--quick]      alone (after `npm run build`)
// The functions handed to page.evaluate run in the wall pages, where these exist.
/* global window */
import { fmt, section, table, targetLines } from './report.mjs';
import { now, openWall, PRESETS, SURFACES, TARGET_MS, arm, tileIds } from './preset-switch.mjs';
import { percentile } from './stats.mjs';
import { round, runAlone, sleep, tempDir } from './support.mjs';

export async function run({ quick, print }) {
  const changes = quick ? 6 : 40;
  const warmup = 2;
  print(
    section('briefing: scene change → every surface of a 4-monitor wall painted (ms)', [
      `\`ioc-wall start --shell headless --wall\` with four 1920×1080 monitors (2×2) and its embedded demo hub; four`,
      `wall pages (960×540) in one headless Chromium. A briefing of ${warmup + changes + 1} scenes alternating`,
      `${PRESETS.join(' ↔ ')} (each scene a KPI highlighted); a change is \`command {briefing.next}\`: outbox →`,
      `hub → briefing.state → host applies the scene's preset and focus → \`layout\` event → each page. Clock from`,
      `just before the call until the last page painted the scene's tiles. ${warmup} changes first, not counted.`,
    ]),
  );
  const { bridge, pages, browser, call } = await openWall(tempDir('briefing'));
  const scenes = Array.from({ length: warmup + changes + 1 }, (_, i) => {
    const presetId = PRESETS[i % PRESETS.length];
    return {
      id: `canh-${i + 1}`,
      title: `Cảnh ${i + 1}`,
      presetId,
      focus: [{ kind: 'kpi', surfaceId: 'wall-1', tileId: tileIds(presetId, 'wall-1')[0] }],
    };
  });
  await call('briefing.save', { briefing: { id: 'bench', name: 'Bench', scenes }, baseVersion: 0 });
  await Promise.all(pages.map(({ surface, page }) => arm(page, tileIds(PRESETS[0], surface))));
  await sleep(500); // the save reaches the hub before the start
  await call('briefing.start', { briefingId: 'bench' });
  await Promise.all(pages.map(({ page }) => page.evaluate(() => window.__painted)));

  const results = [];
  for (let i = 1; i <= warmup + changes; i++) {
    const presetId = scenes[i].presetId;
    await Promise.all(pages.map(({ surface, page }) => arm(page, tileIds(presetId, surface))));
    const t0 = now();
    await call('briefing.next', { from: scenes[i - 1].id });
    const painted = await Promise.all(
      pages.map(({ page }) =>
        page.evaluate(() => Promise.race([window.__painted, new Promise((r) => setTimeout(() => r(null), 10_000))])),
      ),
    );
    if (painted.some((p) => p === null)) throw new Error(`scene ${i + 1}: a page never painted it`);
    const perPage = painted.map((p) => p - t0);
    if (i > warmup) results.push({ first: Math.min(...perPage), all: Math.max(...perPage) });
    await sleep(300);
  }
  bridge.close();
  await browser.close();

  const col = (key) => Float64Array.from(results.map((r) => r[key])).sort();
  const row = (label, key) => {
    const v = col(key);
    return [label, fmt(percentile(v, 50), 1), fmt(percentile(v, 95), 1), fmt(v[v.length - 1], 1)];
  };
  print(
    table(
      ['from "next" until', 'p50', 'p95', 'max'],
      [row('first surface painted', 'first'), row(`all ${SURFACES.length} surfaces painted`, 'all')],
    ),
  );
  const all = col('all');
  const p95 = percentile(all, 95);
  const targets = [
    {
      what: `scene change, all surfaces painted: p95 < ${TARGET_MS} ms`,
      measured: `${fmt(p95, 1)} ms`,
      met: p95 < TARGET_MS,
    },
  ];
  print(targetLines(targets));
  return {
    bench: 'briefing-scene',
    changes,
    surfaces: SURFACES.length,
    allPaintedMs: { p50: round(percentile(all, 50), 1), p95: round(p95, 1), max: round(all[all.length - 1], 1) },
    targets,
  };
}

// Run alone: `node bench/briefing-scene.mjs [--quick]`.
if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
