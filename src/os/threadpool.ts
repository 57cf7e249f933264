// Imported first by cli/program.ts (every command but a plain exec): libuv
// reads this when its thread pool starts, and nslab overlaps many blocking
// kernel calls on it (unmounts in down). `nslab exec` keeps libuv's default.
const setHere = process.env.UV_THREADPOOL_SIZE === undefined;
process.env.UV_THREADPOOL_SIZE ??= '32';

/** The environment as the user gave it, for programs nslab starts (nslab's own thread-pool size is not theirs). */
export function userEnvironment(): NodeJS.ProcessEnv {
  if (!setHere) return process.env;
  const { UV_THREADPOOL_SIZE: _ours, ...env } = process.env;
  return env;
}
