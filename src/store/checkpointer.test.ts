import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from './index.ts';

const PAGE = 4096;

describe('the WAL under continuous writes', () => {
  it('starts over once it passes its bound, instead of growing to the writer’s own checkpoint threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-wal-'));
    const restartPages = 300;
    const store = await openStore({ dataDir: dir, walRestartPages: restartPages });
    try {
      await sql`create table pad (org_id text not null, n integer not null, v blob not null, primary key (org_id, n))`.execute(
        store.db,
      );
      const wal = join(dir, 'charter.db-wal');
      const blob = Buffer.alloc(3000, 7);
      let n = 0;
      let largest = 0;
      // Writes without a long break, as a busy desk does: batches of concurrent works, each one row
      // of about a page, a commit every millisecond or so, so that passive checkpoints alone never
      // catch up. Well past the writer's own threshold (20,000 pages), where the WAL would stop
      // growing without the restarts. The pause caps the rate (at most ~20 pages a millisecond) so
      // that what lands between two of the checkpointer's looks does not grow with the machine's
      // speed: unpaced, a fast machine wrote ~2,000 pages per look and the bound below measured the
      // machine instead of the restarts.
      while (n < 30_000) {
        await Promise.all(
          Array.from({ length: 20 }, () =>
            store.transact((trx) => sql`insert into pad values ('o', ${++n}, ${blob})`.execute(trx)),
          ),
        );
        largest = Math.max(largest, statSync(wal).size);
        await new Promise((r) => setTimeout(r, 1));
      }
      // The WAL file is reused from its start after a restart, so its size is its high-water mark:
      // the bound plus what lands between two of the checkpointer's looks (every 50 ms).
      expect(largest / PAGE).toBeLessThan(8000);
      const count = await sql<{ c: number }>`select count(*) as c from pad`.execute(store.db);
      expect(count.rows[0]?.c).toBe(n);
    } finally {
      await store.close();
    }
  });
});
