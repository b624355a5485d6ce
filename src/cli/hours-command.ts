/**
 * @module cli/hours-command
 * `charter hours add|elapsed|open <file> --calendar <name> …`: business-time arithmetic on a
 * policy's `Hours:` section; each prints one JSON object.
 */
import { compileCalendar } from '../hours/index.ts';
import type { HoursSection } from '../policy/model.ts';
import { parsePolicy } from '../policy/parse/index.ts';
import type { Io } from './lint-command.ts';
import { loadSources } from './load.ts';

function instant(text: string | undefined, flag: string): number {
  const ms = text && /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`Unexpected --${flag} "${text ?? ''}", expected an ISO 8601 instant`);
  return ms;
}

export function hoursCommand(
  args: readonly string[],
  opts: { calendar?: string; start?: string; end?: string; at?: string; minutes?: string },
  io: Io,
): number {
  const [op, path] = args;
  if (!op || !path || !['add', 'elapsed', 'open'].includes(op) || !opts.calendar) {
    io.err(
      'Usage: charter hours add|elapsed|open <file> --calendar <name> [--start ISO --minutes n | --end ISO | --at ISO]',
    );
    return 2;
  }
  const sections: { section: HoursSection; file: string }[] = [];
  for (const s of loadSources([path])) {
    const r = parsePolicy(s.text, s.file);
    if (!r.ok) {
      for (const p of r.problems) io.err(`${p.file}:${p.position.line}:${p.position.column}  ${p.message}`);
      return 1;
    }
    for (const sec of r.value.sections)
      if (sec.kind === 'hours') sections.push({ section: sec, file: s.file });
  }
  const found = sections.find((s) => s.section.name === opts.calendar);
  if (!found) {
    io.err(
      `Unexpected calendar "${opts.calendar}", expected one of ${sections.map((s) => s.section.name).join(', ') || '(none)'}`,
    );
    return 2;
  }
  const c = compileCalendar(found.section, { file: found.file });
  if (!c.ok) {
    for (const p of c.problems)
      io.err(`${p.file ?? found.file}:${p.position.line}:${p.position.column}  ${p.message}`);
    return 1;
  }
  const cal = c.value;
  if (op === 'add') {
    const minutes = Number(opts.minutes);
    if (opts.minutes === undefined || !Number.isFinite(minutes))
      throw new Error(`Unexpected --minutes "${opts.minutes ?? ''}", expected a number`);
    io.out(
      JSON.stringify({ due: new Date(cal.addMinutes(instant(opts.start, 'start'), minutes)).toISOString() }),
    );
  } else if (op === 'elapsed') {
    io.out(
      JSON.stringify({ minutes: cal.elapsedMinutes(instant(opts.start, 'start'), instant(opts.end, 'end')) }),
    );
  } else {
    io.out(JSON.stringify({ open: cal.isOpen(instant(opts.at, 'at')) }));
  }
  return 0;
}
