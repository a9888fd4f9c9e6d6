import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'data/**'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    env: { TZ: 'UTC', NEXT_TELEMETRY_DISABLED: '1' },
  },
});
