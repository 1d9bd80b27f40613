import { NO_CONNECTORS } from '../connectors/connector-replay.js';
import { describe, expect, it } from 'vitest';
import { commandArgs } from '../../src/contract/commands.js';
import { CommandRequest } from '../../src/contract/hub-protocol.js';
import { RulePayload } from '../../src/domain/alarms/rule-versions.js';
import { EventLog } from '../event-log.js';
import { openHubDatabaseFile } from '../hub-database.js';
import { executeCommand } from './command-handlers.js';
import type { CommandContext } from './execution.js';

const RULE = {
  id: 'cpi-cao',
  kind: 'threshold',
  name: 'Lạm phát vượt ngưỡng',
  priority: 'high',
  area: { province: null, unit: null },
  watch: { topic: 'econ.indicators', key: '*:cpi' },
  direction: 'above',
  limit: 4,
} as const;

function admin(): { ctx: CommandContext; current: () => RulePayload | undefined } {
  const log = new EventLog(openHubDatabaseFile(null));
  const ctx = {
    log,
    issuer: 'an@console-1',
    person: 'an',
    device: 'console-1',
    now: 1_000,
    connectors: NO_CONNECTORS,
  };
  const current = () => {
    const e = log.latestOf('alarm.rules', RULE.id);
    return e ? RulePayload.parse(e.payload) : undefined;
  };
  return { ctx, current };
}

describe('rule commands', () => {
  it('save, delete and undo a rule as versions, refusing a change based on an older version', () => {
    const { ctx, current } = admin();
    const save = (limit: number, baseVersion: number) =>
      executeCommand('rule.save', { rule: { ...RULE, limit }, baseVersion }, ctx).result;
    expect(save(4, 0)).toMatchObject({ status: 'applied', message: 'rule cpi-cao saved as version 1' });
    expect(current()).toMatchObject({ version: 1, deleted: false, savedBy: 'an@console-1', savedAt: 1_000 });
    expect(save(5, 0)).toMatchObject({ status: 'rejected', reason: 'conflict' });
    expect(save(5, 1).status).toBe('applied');
    expect(current()!.rule).toMatchObject({ limit: 5, deadband: 0, dedupKey: '{rule}:{key}' });

    const undo = (baseVersion: number) => executeCommand('rule.undo', { ruleId: RULE.id, baseVersion }, ctx).result;
    expect(undo(2)).toMatchObject({ status: 'applied', message: 'rule cpi-cao: version 1 restored as version 3' });
    expect(current()).toMatchObject({ version: 3, rule: { limit: 4 } });

    const remove = (baseVersion: number) => executeCommand('rule.delete', { ruleId: RULE.id, baseVersion }, ctx).result;
    expect(remove(2)).toMatchObject({ status: 'rejected', reason: 'conflict' });
    expect(remove(3).status).toBe('applied');
    expect(current()).toMatchObject({ version: 4, deleted: true });
    expect(remove(4)).toMatchObject({ status: 'rejected', reason: 'not-found' });
    expect(undo(4).status).toBe('applied');
    expect(current()).toMatchObject({ version: 5, deleted: false, rule: { limit: 4 } });
  });

  it('has nothing to undo at the first version, and nothing to delete or undo of a rule never saved', () => {
    const { ctx } = admin();
    expect(executeCommand('rule.undo', { ruleId: 'khong-co', baseVersion: 0 }, ctx).result).toMatchObject({
      reason: 'not-found',
    });
    executeCommand('rule.save', { rule: RULE, baseVersion: 0 }, ctx);
    expect(executeCommand('rule.undo', { ruleId: RULE.id, baseVersion: 1 }, ctx).result).toMatchObject({
      reason: 'nothing-to-undo',
    });
  });

  it('refuses a rule with bad fields, naming each field, and a rule watching a topic the hub does not carry', () => {
    const bad = commandArgs('rule.save').safeParse({
      rule: { ...RULE, id: 'Có Dấu', limit: 'cao', watch: { topic: 'env.stations', key: '*' } },
      baseVersion: 0,
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['rule.id', 'rule.limit']));
    const unknownTopic = CommandRequest.safeParse({
      key: 'k-000001',
      name: 'rule.save',
      args: { rule: { ...RULE, watch: { topic: 'env.stations', key: '*' } }, baseVersion: 0 },
      issuedAt: 1,
    });
    expect(unknownTopic.error?.issues).toEqual([
      expect.objectContaining({ path: ['args', 'rule', 'watch', 'topic'], message: 'topic: not one the hub carries' }),
    ]);
  });
});
