#!/usr/bin/env node
// The `waakzaam` command. TypeScript runs through tsx's loader (see docs/decisions/0001-runtime.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), process.env);
