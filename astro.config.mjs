// Astro configuration shared by every build. `buildSite` (src/site/build/buildSite.ts) runs Astro programmatically
// and adds outDir, base and the audience-specific routes inline; this file holds what never changes.
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

export default defineConfig({
  srcDir: './src/site',
  publicDir: './public',
  integrations: [react()],
  trailingSlash: 'ignore',
  build: { format: 'directory', assets: '_tai-nguyen' },
  devToolbar: { enabled: false },
  vite: { logLevel: 'warn', build: { chunkSizeWarningLimit: 1024 } },
});
