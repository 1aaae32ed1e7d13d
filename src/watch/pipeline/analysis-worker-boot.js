// The analysis thread's entry (see analysers.ts): TypeScript through tsx's loader, as the command
// itself runs it (bin/waakzaam.js), then the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
