// Bench hosts without a wall: one process holding `count` of the host's own feed clients (FeedClient from dist:
// the handshake, subscribe, gap check and move to the next hub of a real host), each with an in-memory sink that
// records what it is given. Driven by bench/fleet.mjs over IPC. argv[2]: JSON { hubs: [[url, …], …], credential }.
import { readDeviceCredential } from '../dist/main/host/device-credential-file.js';
import { FeedClient } from '../dist/main/host/feed-client.js';
import { summarize } from './stats.mjs';

const { hubs, credential: credentialFile } = JSON.parse(process.argv[2] ?? '{}');
const credential = readDeviceCredential(credentialFile);

/** What one host is given, per phase: lag of events made since the phase began, pauses between deliveries. */
function recorder() {
  const held = new Map();
  const r = {
    held,
    since: Infinity,
    lags: [],
    lastAt: null,
    longestGap: 0,
    longestGapEndedAt: null,
    /** Offsets that did not follow the one held (the client's own check should make these impossible). */
    gaps: 0,
    duplicates: 0,
    snapshots: 0,
    /** Warnings of the feed client: gaps it saw on the wire and asked again for, refused events. */
    warnings: {},
    /** { at, url }: the hub killed in this phase. */
    killed: null,
    firstAfter: null,
  };
  return r;
}

const clients = hubs.map((urls, i) => {
  const rec = recorder();
  const logger = {
    debug() {},
    info() {},
    warn: (msg) => (rec.warnings[msg] = (rec.warnings[msg] ?? 0) + 1),
    error: (msg) => (rec.warnings[msg] = (rec.warnings[msg] ?? 0) + 1),
  };
  const sink = {
    offset: (topic) => rec.held.get(topic) ?? 0,
    lastEventTime: () => null,
    apply(events) {
      const now = Date.now();
      for (const e of events) {
        const held = rec.held.get(e.topic) ?? 0;
        if (e.offset <= held) rec.duplicates++;
        else if (e.offset > held + 1) rec.gaps++;
        rec.held.set(e.topic, Math.max(held, e.offset));
        if (e.time >= rec.since) rec.lags.push(now - e.time);
      }
      if (now >= rec.since) {
        if (rec.lastAt !== null && now - rec.lastAt > rec.longestGap) {
          rec.longestGap = now - rec.lastAt;
          rec.longestGapEndedAt = now;
        }
      }
      // After a hub was killed: the first delivery from another one.
      if (rec.killed && !rec.firstAfter && now >= rec.killed.at && client.status().hub !== rec.killed.url) {
        rec.firstAfter = now;
      }
      rec.lastAt = now;
    },
    applySnapshot(topic, upTo) {
      rec.snapshots++;
      rec.held.set(topic, upTo);
    },
  };
  const client = new FeedClient({ hubUrls: urls, credential, sink, logger });
  return { i, rec, client };
});

const report = () =>
  clients.map(({ rec, client }) => {
    const status = client.status();
    const lag = summarize(rec.lags);
    return {
      hub: status.hub,
      state: status.state,
      lastError: status.lastError,
      lastMove: status.failover.lastMove,
      received: rec.lags.length,
      lagP50: lag.p50,
      lagP99: lag.p99,
      lagMax: lag.max,
      longestGap: rec.longestGap,
      longestGapEndedAt: rec.longestGapEndedAt,
      firstAfterKill: rec.firstAfter,
      gaps: rec.gaps,
      duplicates: rec.duplicates,
      snapshots: rec.snapshots,
      warnings: rec.warnings,
      held: Object.fromEntries(rec.held),
    };
  });

process.on('message', (msg) => {
  if (msg?.type === 'phase') {
    // A phase begins: record from `since` on (events made since, deliveries since).
    for (const { rec } of clients) Object.assign(rec, { ...recorder(), held: rec.held, since: msg.since });
    process.send({ type: 'phase-started' });
  } else if (msg?.type === 'killed') {
    for (const { rec } of clients) rec.killed = { at: msg.at, url: msg.url };
  } else if (msg?.type === 'report') {
    process.send({ type: 'report', clients: report(), cpu: process.cpuUsage() });
  } else if (msg?.type === 'close') {
    for (const { client } of clients) client.close();
    process.send({ type: 'closed' }, () => process.exit(0));
  }
});
process.send({ type: 'ready' });
