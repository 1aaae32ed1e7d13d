#!/usr/bin/env node
// The `waakzaam` command's entry: sizes libuv's thread pool, then loads bin/waakzaam.js. Only code
// that runs before Node first uses the pool can size it, and loading ES modules already uses it,
// hence this CommonJS first step. Photo intake (streaming to disk, fsync, reading back) and photo
// processing (sharp) share the pool; with the default four threads an upload flood queued behind
// them (BENCHMARKS.md, "tips"). An operator's own UV_THREADPOOL_SIZE wins.
process.env.UV_THREADPOOL_SIZE ??= '16';
import('./waakzaam.js');
