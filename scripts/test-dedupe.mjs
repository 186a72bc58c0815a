#!/usr/bin/env node
// `npm run test:dedupe`: the Send Once Per Key node tests (test/dedupe) against n8n's own
// deduplication store, on n8n's Node (installed like for npm start and the e2e suite).
import { runOnN8nNode } from './n8n/on-n8n-node.mjs';

process.exit(await runOnN8nNode('jest/bin/jest.js', ['--config', 'jest.dedupe.config.js']));
