// Imported first by main.ts: libuv reads this when its thread pool starts,
// and nslab overlaps many blocking kernel calls on it (unmounts in down).
process.env.UV_THREADPOOL_SIZE ??= '32';
export {};
