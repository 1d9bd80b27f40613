// The layer rules of DESIGN.md are held by lint: a forbidden import fails, an allowed one passes.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(import.meta.dirname, '../..', file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/domain/x.ts', "import { app } from 'electron';"],
    ['src/domain/x.ts', "import { useState } from 'react';"],
    ['src/domain/x.ts', "import { startHub } from '../../hub/hub-server.js';"],
    ['renderer/x.ts', "import { startHost } from '../main/host/host.js';"],
    ['renderer/x.ts', "import { join } from 'path';"],
    ['main/host/x.ts', "import { BrowserWindow } from 'electron';"],
    ['main/electron/x.ts', "import { startHost } from '../host/host.js';"],
    ['hub/x.ts', "import { startHost } from '../main/host/host.js';"],
    ['platform/x.ts', "import { startHub } from '../hub/hub-server.js';"],
    ['platform/sqlite/x.ts', "import { startHost } from '../../main/host/host.js';"],
    ['platform/x.ts', "import { App } from '../renderer/app.js';"],
    ['platform/x.ts', "import { app } from 'electron';"],
    ['platform/x.ts', "import { useState } from 'react';"],
    ['platform/x.ts', "import { until } from '../test/support/start-test-host.js';"],
    ['src/domain/x.ts', "import { createLogger } from '../../platform/logger.js';"],
    ['renderer/x.ts', "import { createLogger } from '../platform/logger.js';"],
    ['main/electron/x.ts', "import { createLogger } from '../../platform/logger.js';"],
  ])('%s may not: %s', async (file, code) => {
    expect((await restricted(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    ['src/domain/x.ts', "import { z } from 'zod';"],
    ['hub/x.ts', "import { createServer } from 'node:http';"],
    ['main/host/x.ts', "import { startHub } from '../../hub/hub-server.js';"],
    ['main/electron/x.ts', "import { app } from 'electron';"],
    ['renderer/x.ts', "import { PROVINCES } from '../src/domain/provinces.js';"],
    ['platform/x.ts', "import { mkdirSync } from 'node:fs';"],
    ['platform/sqlite/x.ts', "import Database from 'better-sqlite3';"],
    ['platform/x.ts', "import type { Envelope } from '../src/contract/hub-protocol.js';"],
    ['hub/x.ts', "import { createLogger } from '../platform/logger.js';"],
    ['main/host/x.ts', "import { openDatabase } from '../../platform/sqlite/open-database.js';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
