import { defineConfig } from 'vitest/config';

// Unit and DOM tests (jsdom per file via `// @vitest-environment jsdom`).
// The browser tests have their own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
