// The compiler refuses a command without a handler: the hub's handler table, type-checked against the command
// table with one more command and no handler for it, fails with an error naming that command, in the handler
// table, and no other. (`tsc -b` checks that the table as it is compiles.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TABLE = path.join(root, 'src/contract/commands.ts');
const HANDLERS = path.join(root, 'hub/commands/command-handlers.ts');
const TABLE_END = '} as const satisfies Record<string, CommandSpec>;';

function hubOptions(): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'hub/tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('hub/tsconfig.json not read');
  // Sources, not the referenced projects' built declarations, so the table read is the one given below.
  return {
    ...config.options,
    noEmit: true,
    composite: false,
    incremental: false,
    declaration: false,
    declarationMap: false,
  };
}

/**
 * Type-checks the handler table, and the command table it reads, with `tableSource` in place of
 * src/contract/commands.ts. Only these two files are checked (what they import is read for its types).
 */
function errorsWithTable(tableSource: string): { file: string; message: string }[] {
  const options = hubOptions();
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === TABLE ? ts.createSourceFile(file, tableSource, language) : read(file, language, ...rest);
  const program = ts.createProgram({ rootNames: [HANDLERS], options, host });
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[TABLE, HANDLERS].flatMap((file) => {
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`${file} not in the program`);
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    }),
  ];
  return diagnostics.map((d) => ({
    file: d.file ? path.relative(root, d.file.fileName) : '',
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('command handler table', () => {
  it('does not compile when the table has a command the hub has no handler for', () => {
    const table = readFileSync(TABLE, 'utf8');
    expect(table).toContain(TABLE_END);
    const withExtra = table.replace(
      TABLE_END,
      `  'test.unhandled': { args: z.object({ x: z.number() }), roles: ADMINS },\n${TABLE_END}`,
    );
    const errors = errorsWithTable(withExtra);
    // The table with the extra command is valid; the only errors are the handler table's missing entry.
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.file).toBe('hub/commands/command-handlers.ts');
      expect(e.message).toMatch(/'"test\.unhandled"' is missing in type .* required in type 'CommandHandlers'/s);
    }
  }, 60_000);
});
