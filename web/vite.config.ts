/**
 * Builds the web app into web/dist. Each face (portal, desk, console) is its own lazily loaded
 * chunk so the desk's first load carries no editor code. After the build every text asset is
 * written again as .gz and .br so the server sends compressed files without compressing per request.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const gz = promisify(gzip);
const br = promisify(brotliCompress);

function precompress(outDir: string): Plugin {
  return {
    name: 'charter-precompress',
    apply: 'build',
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true });
      for (const f of files) {
        if (!/\.(js|css|html|svg|json)$/.test(f)) continue;
        const path = join(outDir, f);
        const data = await readFile(path);
        await writeFile(`${path}.gz`, await gz(data, { level: 9 }));
        await writeFile(`${path}.br`, await br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

const outDir = new URL('./dist', import.meta.url).pathname;

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react(), precompress(outDir)],
  // The policy editor's chunk (CodeMirror with Markdown and its embedded languages) is ~570 kB and
  // loads only when the editor opens; the desk's first load is measured by `npm run bench:web`.
  build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' } },
});
