// CAP 1.2 warnings: polled from a URL (one CAP document, or an Atom/RSS index of them) and read from a folder.
// Each new message becomes the warning's latest state on `ops.warnings` and drives one alarm per warning on
// `ops.alerts` (warning-alarm.ts). Messages other than real ones (Test, Exercise …) are skipped; a message older
// than what is known of its warning is ignored, so a late Alert cannot undo its Update.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Alarm } from '../../../src/domain/alarms/alarm-schema.js';
import type { ProvinceIndex } from '../../../src/domain/geo/area-provinces.js';
import type { CapAlert } from '../../../src/domain/warnings/cap-alert.js';
import { capWarning, warningKey } from '../../../src/domain/warnings/cap-warning.js';
import { warningAlarm, warningAlarmId } from '../../../src/domain/warnings/warning-alarm.js';
import type { WarningPayload } from '../../../src/domain/warnings/warning-schema.js';
import type { ConnectorContext, ConnectorKind } from '../connector.js';
import { fetchIfChanged, type Validators } from '../conditional-fetch.js';
import { PollTiming, type RunOutcome, startPolling } from '../poll-loop.js';
import { HeaderValues, resolveHeaders } from '../secret-value.js';
import { MAX_CAP_XML, capAlertOf, feedLinks, parseSafeXml } from './cap-xml.js';
import { loadProvinceIndex } from './province-index-file.js';

export const CapConnectorConfig = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'id: lower-case letters, digits and -'),
    kind: z.literal('cap'),
    /** One CAP document, or an Atom/RSS index listing them. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    headers: HeaderValues.default({}),
    /** A folder of `.xml` CAP documents (e.g. where another system drops them). */
    folder: z.string().min(1).optional(),
    poll: PollTiming,
    /** A site's own 34-province boundary file; the shipped one otherwise. */
    boundaries: z.string().min(1).optional(),
  })
  .refine((c) => c.url !== undefined || c.folder !== undefined, { message: 'give url, folder or both' });
export type CapConnectorConfig = z.infer<typeof CapConnectorConfig>;

/** Messages remembered as done, so a feed that still lists them costs nothing; bounded, oldest forgotten. */
const MAX_REMEMBERED = 5000;

class CapWarnings {
  private readonly warnings = new Map<string, WarningPayload>();
  private readonly done = new Set<string>();
  private readonly source: string;

  constructor(
    private readonly config: CapConnectorConfig,
    private readonly ctx: ConnectorContext,
    private readonly index: ProvinceIndex,
  ) {
    this.source = `cap:${config.id}`;
  }

  /** A message seen before (by URL or file and version) is skipped without parsing. */
  seen(id: string): boolean {
    return this.done.has(id);
  }

  remember(id: string): void {
    this.done.add(id);
    if (this.done.size > MAX_REMEMBERED) this.done.delete(this.done.values().next().value!);
  }

  refuse(input: string, location: string, reason: string): RunOutcome {
    this.ctx.deadLetter({ input: input.slice(0, 4000), location, reason });
    return { accepted: 0, refused: 1 };
  }

  /** Parses, checks and publishes one document; refusals go to the dead letters. */
  document(text: string, location: string): RunOutcome {
    const xml = parseSafeXml(text);
    const parsed = xml.ok ? capAlertOf(xml.doc) : xml;
    return parsed.ok ? this.alert(parsed.alert, location) : this.refuse(text, location, parsed.reason);
  }

  private alert(alert: CapAlert, location: string): RunOutcome {
    if (alert.status !== 'Actual') {
      this.ctx.logger.info('CAP message skipped: not an actual warning', { location, status: alert.status });
      return { accepted: 0, refused: 0 };
    }
    const key = warningKey(alert);
    const previous = this.warnings.get(key);
    // The same message again (a single CAP URL re-served), or an older one than what is known: nothing new.
    if (previous && (previous.id === alert.identifier || previous.sentAt > alert.sent))
      return { accepted: 0, refused: 0 };
    const warning = capWarning(alert, this.index, previous);
    try {
      this.ctx.publish([{ topic: 'ops.warnings', key, source: this.source, time: alert.sent, payload: warning }]);
    } catch (err) {
      const reason = `trung tâm từ chối cảnh báo: ${err instanceof Error ? err.message.slice(0, 500) : String(err)}`;
      return this.refuse(JSON.stringify(warning), location, reason);
    }
    this.warnings.set(key, warning);
    const by = { kind: 'system', source: this.source } as const;
    const stored = Alarm.safeParse(this.ctx.latest('ops.alerts', warningAlarmId(key)));
    const alarm = warningAlarm(key, warning, stored.success ? stored.data : undefined, by, this.ctx.now());
    if (alarm) {
      // The warning is in; an alarm the alerts topic refuses is our fault, not the sender's: logged, not dead-lettered.
      try {
        this.ctx.publish([
          { topic: 'ops.alerts', key: alarm.id, source: this.source, time: alarm.updatedAt, payload: alarm },
        ]);
      } catch (err) {
        this.ctx.logger.error('CAP alarm refused by the alerts topic', { key, error: String(err).slice(0, 500) });
      }
    }
    return { accepted: 1, refused: 0 };
  }
}

function add(a: RunOutcome, b: RunOutcome): RunOutcome {
  return { accepted: a.accepted + b.accepted, refused: a.refused + b.refused };
}

async function pollUrl(
  url: string,
  config: CapConnectorConfig,
  warnings: CapWarnings,
  validators: Validators,
  signal: AbortSignal,
): Promise<RunOutcome> {
  const headers = {
    Accept: 'application/cap+xml, application/atom+xml, application/rss+xml, application/xml',
    ...resolveHeaders(config.headers),
  };
  const limits = { timeoutMs: config.poll.timeoutS * 1000, maxBytes: MAX_CAP_XML, signal };
  const result = await fetchIfChanged(url, headers, validators, limits);
  if (!result.changed) return { accepted: 0, refused: 0 };
  const xml = parseSafeXml(result.body);
  const links = xml.ok ? feedLinks(xml.doc, url) : null;
  if (!links) return warnings.document(result.body, url);
  let outcome: RunOutcome = { accepted: 0, refused: 0 };
  const failed: string[] = [];
  for (const link of links) {
    if (warnings.seen(link)) continue;
    // One entry that cannot be fetched must not hold back the others; it is tried again at the next run.
    try {
      const entry = await fetchIfChanged(link, headers, {}, limits);
      if (entry.changed) outcome = add(outcome, warnings.document(entry.body, link));
      warnings.remember(link);
    } catch (err) {
      if (signal.aborted) throw err;
      failed.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (failed.length > 0) {
    // The index is read again next time, so the failed entries are too.
    delete validators.etag;
    delete validators.lastModified;
    throw new Error(`${failed.length} of ${links.length} entries not fetched: ${failed.slice(0, 3).join('; ')}`);
  }
  return outcome;
}

function readFolder(folder: string, warnings: CapWarnings): RunOutcome {
  let outcome: RunOutcome = { accepted: 0, refused: 0 };
  for (const name of readdirSync(folder)
    .filter((n) => n.toLowerCase().endsWith('.xml'))
    .sort()) {
    const file = join(folder, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    // Gone between listing and reading (moved away by the system that drops them): nothing to read.
    if (!stat) continue;
    const version = `${file}@${stat.size}:${stat.mtimeMs}`;
    if (!stat.isFile() || warnings.seen(version)) continue;
    warnings.remember(version);
    if (stat.size > MAX_CAP_XML) {
      outcome = add(outcome, warnings.refuse(`${stat.size} byte`, file, `tệp lớn hơn ${MAX_CAP_XML} byte`));
      continue;
    }
    outcome = add(outcome, warnings.document(readFileSync(file, 'utf8'), file));
  }
  return outcome;
}

export const CAP_CONNECTOR: ConnectorKind<CapConnectorConfig> = {
  config: CapConnectorConfig,
  start(config, ctx) {
    const warnings = new CapWarnings(config, ctx, loadProvinceIndex(config.boundaries));
    const validators: Validators = {};
    return startPolling(config.poll, ctx, async (signal) => {
      let outcome: RunOutcome = { accepted: 0, refused: 0 };
      if (config.folder) outcome = add(outcome, readFolder(config.folder, warnings));
      if (config.url) outcome = add(outcome, await pollUrl(config.url, config, warnings, validators, signal));
      return outcome;
    });
  },
};
