/// <reference types="vitest/config" />
import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// dist/.gitkeep is committed so that Go's `//go:embed all:frontend/dist` always has a
// directory to embed. Vite empties dist on every build; this plugin puts the file back.
function keepGitkeep(): Plugin {
  let outDir = 'dist';
  return {
    name: 'shopdesk-keep-gitkeep',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(resolve(outDir, '.gitkeep'), '');
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the bundle is served by Wails (desktop) and by `shopdesk serve` at /.
  base: './',
  plugins: [react(), keepGitkeep()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
