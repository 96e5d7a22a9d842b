/**
 * Whether a cell's Python code drives an event loop, so that its cell offers "Show the loop". Read
 * at build time from the chapter's code: a call that runs a loop (the chapters' EventLoop, asyncio),
 * top-level await, or a `while` loop that steps generators with next() (chapter 1's first loop). A reader's renamed loop in such a cell is traced all the same: the tracer
 * watches what the loop calls, not these names.
 */
const DRIVES_A_LOOP = /\.run_until_complete\(|\.run_forever\(|\basyncio\.run\(|^\s*(?:\w+\s*=\s*)?await\s|\bcreate_task\(|\bTaskGroup\(|^\s*while\b[^\n]*:\n[\s\S]*\bnext\(/m;

export function runsLoop(code: string): boolean {
  return DRIVES_A_LOOP.test(code);
}
