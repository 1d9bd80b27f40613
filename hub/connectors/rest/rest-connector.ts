// A JSON API polled on a schedule: GET with the configured headers (credentials read from env or file), mapped to
// events item by item. An unchanged answer (304) publishes nothing; failures back off (poll-loop.ts).
import { z } from 'zod';
import { EventMapping, mapDocument } from '../../../src/domain/connectors/event-mapping.js';
import type { ConnectorKind } from '../connector.js';
import { fetchIfChanged, type Validators } from '../conditional-fetch.js';
import { PollTiming, startPolling } from '../poll-loop.js';
import { publishMapped } from '../publish-mapped.js';
import { HeaderValues, resolveHeaders } from '../secret-value.js';

const ConnectorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'id: lower-case letters, digits and -');

export const RestConnectorConfig = z.strictObject({
  id: ConnectorId,
  kind: z.literal('rest'),
  url: z.url({ protocol: /^https?$/ }),
  headers: HeaderValues.default({}),
  poll: PollTiming,
  /** Largest response accepted, in bytes. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .max(64 * 1024 * 1024)
    .default(8 * 1024 * 1024),
  mapping: EventMapping,
});
export type RestConnectorConfig = z.infer<typeof RestConnectorConfig>;

export const REST_CONNECTOR: ConnectorKind<RestConnectorConfig> = {
  config: RestConnectorConfig,
  start(config, ctx) {
    const validators: Validators = {};
    const source = `rest:${config.id}`;
    return startPolling(config.poll, ctx, async (signal) => {
      // Read on every run, so a rotated token file is picked up without a restart.
      const headers = { Accept: 'application/json', ...resolveHeaders(config.headers) };
      const limits = { timeoutMs: config.poll.timeoutS * 1000, maxBytes: config.maxBytes, signal };
      const result = await fetchIfChanged(config.url, headers, validators, limits);
      if (!result.changed) return { accepted: 0, refused: 0 };
      let doc: unknown;
      try {
        doc = JSON.parse(result.body);
      } catch {
        // Not JSON: the validators of this answer must not hide the next, so they are forgotten.
        delete validators.etag;
        delete validators.lastModified;
        ctx.deadLetter({ input: result.body.slice(0, 4000), location: config.url, reason: 'phản hồi không phải JSON' });
        return { accepted: 0, refused: 1 };
      }
      return publishMapped(ctx, config.mapping.topic, source, mapDocument(doc, config.mapping, ctx.now()));
    });
  },
};
