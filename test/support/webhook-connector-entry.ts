// A webhook connector as a hub's `--connectors` entry (its shared secret in a 0600 file in `dir`): for tests that
// need a hub running a connector without any outside source.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectorEntry } from '../../hub/connectors/connectors-file.js';
import { WebhookConnectorConfig } from '../../hub/connectors/webhook/webhook-connector.js';

export function webhookConnectorEntry(dir: string, id: string): ConnectorEntry {
  const secretFile = join(dir, `${id}.secret`);
  writeFileSync(secretFile, `webhook-shared-secret-${id}\n`, { mode: 0o600 });
  const config = WebhookConnectorConfig.parse({
    id,
    kind: 'webhook',
    secret: { fromFile: secretFile },
    mapping: {
      topic: 'econ.live',
      items: '$.counters[*]',
      key: '{metric}',
      fields: { metric: 'name', value: 'count' },
    },
  });
  return { id, kind: 'webhook', config };
}
