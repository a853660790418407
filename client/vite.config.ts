/** Builds the explorer page: root client/, output client/dist, no network, no CDN. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * main.ts imports the explorer dynamically, so that the first requests leave before the browser parses
 * Cytoscape and the panels. This link has the browser fetch that chunk with the entry, not after it.
 */
function preloadExplorer(): Plugin {
  return {
    name: 'preload-explorer-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.moduleIds.includes(path.join(root, 'src', 'explorer.ts')));
        return chunk ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` }, injectTo: 'head' }] : [];
      },
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [preloadExplorer()],
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    // No inline scripts: the server's Content-Security-Policy forbids them.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
