// `ioc-wall hub publish`: one event put on a data topic of a running hub, for scripts and an operator's one-off
// correction. It is a `data.publish` command like any other (src/contract/commands.ts): sent over a console
// device's connection (`--credential`) by a person who logs in (`--user`, password from stdin) and whose role
// allows it; checked against the topic's schema here before anything is sent, and again by the hub; applied once
// per idempotency key, and audited on the hub in that person's name.
import { type Command, InvalidArgumentError } from 'commander';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import { z } from 'zod';
import { commandArgs } from '../../src/contract/commands.js';
import { CommandResponse, HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import { LoginResponse } from '../../src/contract/people.js';
import { CredentialFileError, readDeviceCredential } from './device-credential-file.js';
import { PasswordInputError, readPassword } from './password-input.js';

interface PublishOptions {
  hub: string;
  credential: string;
  user: string;
  topic: string;
  key: string;
  payload: string;
  hubCa?: string;
}

/** What the user got wrong: exit 2, nothing sent. */
class PublishInputError extends Error {}

const TIMEOUT_MS = 10_000;

function payloadOf(value: string): unknown {
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = readFileSync(value.slice(1), 'utf8');
    } catch (err) {
      throw new PublishInputError(`cannot read ${value.slice(1)}: ${(err as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PublishInputError(`--payload is not JSON: ${(err as Error).message}`);
  }
}

function urlArg(value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new InvalidArgumentError('the hub is an http:// or https:// URL');
  }
  return value;
}

async function publish(o: PublishOptions): Promise<number> {
  const args = commandArgs('data.publish').safeParse({ topic: o.topic, key: o.key, payload: payloadOf(o.payload) });
  if (!args.success) throw new PublishInputError(`not a valid event:\n${z.prettifyError(args.error)}`);
  const credential = readDeviceCredential(o.credential);
  const password = await readPassword(`Password for ${o.user}: `, false);
  const socket = io(o.hub, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: credential,
    ...(o.hubCa ? { ca: readFileSync(o.hubCa, 'utf8') } : {}),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', (err) => reject(new Error(`the hub refused the connection: ${err.message}`)));
    });
    const login = LoginResponse.parse(
      await socket.timeout(TIMEOUT_MS).emitWithAck(HUB_EVENTS.login, { user: o.user, password }),
    );
    if (!login.ok) throw new Error(`login refused: ${login.reason}`);
    const answer = CommandResponse.parse(
      await socket.timeout(TIMEOUT_MS).emitWithAck(HUB_EVENTS.command, {
        key: `publish-${randomBytes(12).toString('base64url')}`,
        name: 'data.publish',
        args: args.data,
        issuedAt: Date.now(),
        session: login.grant.accessToken,
      }),
    );
    await socket.timeout(TIMEOUT_MS).emitWithAck(HUB_EVENTS.logout, { accessToken: login.grant.accessToken });
    if (!answer.ok) throw new Error(`the hub refused it: ${answer.error}`);
    if (answer.result.status === 'rejected')
      throw new Error(`rejected (${answer.result.reason}): ${answer.result.message}`);
    process.stdout.write(`${answer.result.message}\n`);
    return 0;
  } finally {
    socket.close();
  }
}

export function addHubPublishCommand(hub: Command): void {
  hub
    .command('publish')
    .description('publish one event to a running hub as a person (password from stdin); checked, then audited')
    .requiredOption('--hub <url>', 'the hub, e.g. https://hub.ioc.local:4181', urlArg)
    .requiredOption('--credential <file>', "a console device's credential (from hub device add --kind console)")
    .requiredOption('--user <name>', 'the person publishing (operator or admin); password read from stdin')
    .requiredOption('--topic <topic>', 'econ.indicators, econ.live, gov.tasks or ops.alerts')
    .requiredOption('--key <key>', "the event's key, e.g. 79:fdi")
    .requiredOption('--payload <json|@file>', 'the payload as JSON, or @file to read it from a file')
    .option('--hub-ca <file>', "PEM of the CA that signed an https hub's certificate")
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .action(async (o: PublishOptions) => {
      try {
        process.exitCode = await publish(o);
      } catch (err) {
        const input =
          err instanceof PublishInputError || err instanceof CredentialFileError || err instanceof PasswordInputError;
        process.stderr.write(`ioc-wall: ${(err as Error).message}\n`);
        process.exitCode = input ? 2 : 1;
      }
    });
}
