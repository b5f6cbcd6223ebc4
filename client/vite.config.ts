import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiServer = 'http://127.0.0.1:4000';

// GOV.UK Frontend keeps an IE 9–11 hack, `@media (min-width: 0\0)`, which Sass writes out as
// `0\uFFFD` and Vite's CSS minifier (Lightning CSS) refuses to parse. Harbour does not support IE,
// so drop those rules before minifying.
const dropIeMediaHacks = {
  postcssPlugin: 'harbour-drop-ie-media-hacks',
  AtRule: {
    media(rule: { params: string; remove(): void }) {
      if (rule.params.includes('\uFFFD')) rule.remove();
    },
  },
};

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // The server's CSP allows images and fonts from 'self' only, so never inline assets as data: URLs.
    assetsInlineLimit: 0,
  },
  css: {
    postcss: { plugins: [dropIeMediaHacks] },
    preprocessorOptions: {
      scss: {
        // Deprecation warnings about GOV.UK Frontend's own Sass are theirs to act on; keep our build quiet.
        quietDeps: true,
      },
    },
  },
  server: {
    proxy: {
      '/graphql': apiServer,
      '/healthz': apiServer,
      '/readyz': apiServer,
      '/api': apiServer,
    },
  },
});
