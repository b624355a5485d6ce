/**
 * @module cli/main
 * The `charter` command: parses arguments and dispatches to one command module per verb.
 */
import { parseArgs } from 'node:util';
import { decideCommand } from './decide-command.ts';
import { diffCommand } from './diff-command.ts';
import { hoursCommand } from './hours-command.ts';
import { type Io, lintCommand } from './lint-command.ts';

const USAGE = `charter — customer service policies that run

Usage:
  charter lint <files|dirs> [--format json] [--today YYYY-MM-DD]
  charter decide <file|dir> --decision "<name>" --facts '<json>'
  charter diff <old> <new> [--format json]
  charter hours add <file> --calendar <name> --start <ISO> --minutes <n>
  charter hours elapsed <file> --calendar <name> --start <ISO> --end <ISO>
  charter hours open <file> --calendar <name> --at <ISO>
  charter serve            (PORT, DATA_DIR, DATABASE_URL from the environment)
  charter init [--demo]    migrate the database; --demo also creates the demo company
  charter audit verify [--org <slug>]
                           check the audit chains; exit 1 naming the first broken entry
  charter demo             walk a few refund requests through the demo charter`;

const stdio: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

/**
 * Runs the command line; returns the exit code.
 * @example await main(['lint', 'examples/charter'])
 */
export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  const [verb, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        today: { type: 'string' },
        decision: { type: 'string' },
        facts: { type: 'string' },
        calendar: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        at: { type: 'string' },
        minutes: { type: 'string' },
        org: { type: 'string' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const opts = Object.fromEntries(
      Object.entries(values).filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>;
    const flags = { ...opts, ...(values.demo === true ? { demo: true } : {}) };
    switch (verb) {
      case 'lint':
        return lintCommand(positionals, opts, io);
      case 'decide':
        return decideCommand(positionals, opts, io);
      case 'diff':
        return diffCommand(positionals, opts, io);
      case 'hours':
        return hoursCommand(positionals, opts, io);
      case 'serve': {
        const { serveCommand } = await import('./serve-command.ts');
        return serveCommand(io);
      }
      case 'init': {
        const { initCommand } = await import('./store-commands.ts');
        return initCommand(flags, io);
      }
      case 'audit': {
        const { auditCommand } = await import('./store-commands.ts');
        return auditCommand(positionals, flags, io);
      }
      case 'demo': {
        const { demoCommand } = await import('./demo-command.ts');
        return demoCommand(io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return verb === undefined ? 2 : 0;
      default:
        io.err(
          `Unexpected command "${verb}", expected one of lint, decide, diff, hours, serve, init, audit, demo\n\n${USAGE}`,
        );
        return 2;
    }
  } catch (e) {
    io.err(`charter ${verb}: ${(e as Error).message}`);
    return 2;
  }
}
