/**
 * @module cli/load
 * Reads policy files from paths: a file as given, a directory's `*.md` files that start with front
 * matter (so a folder README is not mistaken for a policy).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/**
 * Loads every policy source under the given paths, sorted by path.
 * @throws Error when a path does not exist (the CLI reports it and exits 2).
 */
export function loadSources(paths: readonly string[]): SourceFile[] {
  const out: SourceFile[] = [];
  for (const p of paths) {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw new Error(`No such file or directory: ${p}`);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (!name.endsWith('.md')) continue;
        const file = join(p, name);
        const text = readFileSync(file, 'utf8');
        if (text.startsWith('---')) out.push({ file, text });
      }
    } else out.push({ file: p, text: readFileSync(p, 'utf8') });
  }
  return out;
}
