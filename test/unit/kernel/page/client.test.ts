import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Kernel, RestartEvent, RunHandle, RunSink } from '../../../../src/kernel/page/kernel.ts';
import type { KernelEvent, KernelRequest, OutputMessage, PendingWork } from '../../../../src/kernel/protocol.ts';

// Node has no Worker. The client sends through `Worker.prototype.postMessage`, so the stand-in's
// prototype method records on the instance; the fake worker below extends it. Hoisted so the
// global exists before the client module loads, whenever the client chooses to read it.
vi.hoisted(() => {
  class WorkerStandIn {
    sent: unknown[] = [];
    postMessage(message: unknown): void {
      this.sent.push(message);
    }
  }
  (globalThis as Record<string, unknown>)['Worker'] = WorkerStandIn;
});

const { createWorkerKernel } = await import('../../../../src/kernel/page/client.ts');

type Listener = (event: unknown) => void;

class FakeWorker extends (globalThis as unknown as { Worker: new () => { sent: unknown[] } }).Worker {
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker posts `data` to the page. */
  emit(data: KernelEvent | unknown): void {
    for (const listener of this.listeners.get('message') ?? []) listener({ data });
  }

  fail(message: string): void {
    for (const listener of this.listeners.get('error') ?? []) listener({ message });
  }

  get requests(): KernelRequest[] {
    return this.sent as KernelRequest[];
  }

  /** The id the page gave the n-th run request this worker received. */
  runId(n = 0): number {
    const runs = this.requests.filter((request) => request.type === 'run');
    const run = runs[n];
    if (run?.type !== 'run') throw new Error(`no run request #${n}`);
    return run.runId;
  }
}

interface RecordingSink extends RunSink {
  outputs: OutputMessage[];
  work: PendingWork[];
  texts(): string[];
}

function recordingSink(): RecordingSink {
  const outputs: OutputMessage[] = [];
  const work: PendingWork[] = [];
  return {
    outputs,
    work,
    output: (message) => outputs.push(message),
    pending: (next) => work.push(next),
    texts: () => outputs.map((message) => ('text' in message ? message.text : 'evalue' in message ? message.evalue : message.output_type)),
  };
}

const stdout = (text: string): OutputMessage => ({ output_type: 'stream', name: 'stdout', text });
const request = (code = 'print(1)') => ({ code, filename: 'Cell 1', executionCount: 1 });

let workers: FakeWorker[];
let restarts: RestartEvent[];

function setup(options: { interruptible?: boolean } = {}): Kernel {
  const kernel = createWorkerKernel({
    label: 'Python',
    interruptible: options.interruptible ?? false,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  kernel.onRestart((event) => restarts.push(event));
  return kernel;
}

/** A started kernel whose worker said it is ready. */
function ready(options: { interruptible?: boolean } = {}): { kernel: Kernel; worker: FakeWorker } {
  const kernel = setup(options);
  kernel.start();
  const worker = workers[0]!;
  worker.emit({ type: 'ready', version: '1.0' });
  return { kernel, worker };
}

/** Whether the promise has settled by now (every promise involved settles synchronously here). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  return (await Promise.race([promise, Promise.resolve(marker)])) !== marker;
}

beforeEach(() => {
  workers = [];
  restarts = [];
});

describe('starting and status', () => {
  it('creates its worker only when started, once, and follows progress and ready', () => {
    const kernel = setup();
    expect(workers).toHaveLength(0);
    expect(kernel.status.state).toBe('not-started');
    const seen: string[] = [];
    kernel.onStatus((status) => seen.push(`${status.state}:${status.detail}`));
    kernel.start();
    kernel.start();
    expect(workers).toHaveLength(1);
    expect(kernel.status.state).toBe('starting');
    workers[0]!.emit({ type: 'progress', stage: 'Loading packages', step: 2, steps: 3 });
    expect(kernel.status).toMatchObject({ state: 'starting', detail: 'Loading packages', step: 2, steps: 3 });
    workers[0]!.emit({ type: 'ready', version: '0.27' });
    expect(kernel.status).toMatchObject({ state: 'idle', detail: '0.27' });
    expect(seen).toEqual(['starting:Starting the Python worker', 'starting:Loading packages', 'idle:0.27']);
  });

  it('is busy while a run executes and idle once it is done', () => {
    const { kernel, worker } = ready();
    const handle = kernel.run(request(), recordingSink());
    expect(kernel.status.state).toBe('busy');
    worker.emit({ type: 'done', runId: worker.runId(), status: 'ok' });
    expect(kernel.status.state).toBe('idle');
    expect(handle).toBeDefined();
  });

  it('a run queued while starting makes the kernel busy once it is ready', () => {
    const kernel = setup();
    kernel.run(request(), recordingSink());
    expect(workers).toHaveLength(1);
    expect(kernel.status.state).toBe('starting');
    workers[0]!.emit({ type: 'ready', version: '1.0' });
    expect(kernel.status.state).toBe('busy');
  });

  it('ignores malformed messages, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { kernel, worker } = ready();
      const sink = recordingSink();
      kernel.run(request(), sink);
      worker.emit({ type: 'output', runId: worker.runId(), output: { output_type: 'stream', name: 'stdout' } });
      worker.emit('done');
      expect(sink.outputs).toEqual([]);
      expect(kernel.running).toBe(true);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('routing by run id', () => {
  it('sends each run with its own id and the request it was given', () => {
    const { kernel, worker } = ready();
    kernel.run({ code: 'a = 1', filename: 'Cell 4', executionCount: 7 }, recordingSink());
    worker.emit({ type: 'done', runId: worker.runId(0), status: 'ok' });
    kernel.run(request('b'), recordingSink());
    const runs = worker.requests.filter((sent) => sent.type === 'run');
    expect(runs[0]).toEqual({ type: 'run', runId: worker.runId(0), code: 'a = 1', filename: 'Cell 4', executionCount: 7 });
    expect(worker.runId(1)).not.toBe(worker.runId(0));
  });

  it("delivers each output to its own run's sink", () => {
    const { kernel, worker } = ready();
    const first = recordingSink();
    const second = recordingSink();
    kernel.run(request(), first);
    const firstId = worker.runId(0);
    worker.emit({ type: 'output', runId: firstId, output: stdout('one\n') });
    worker.emit({ type: 'done', runId: firstId, status: 'ok' });
    kernel.run(request(), second);
    const secondId = worker.runId(1);
    worker.emit({ type: 'output', runId: secondId, output: stdout('two\n') });
    worker.emit({ type: 'output', runId: firstId, output: stdout('one again\n') });
    expect(first.texts()).toEqual(['one\n', 'one again\n']);
    expect(second.texts()).toEqual(['two\n']);
  });

  it('keeps delivering output that arrives after the run is done (late output)', async () => {
    const { kernel, worker } = ready();
    const sink = recordingSink();
    const handle = kernel.run(request(), sink);
    worker.emit({ type: 'done', runId: worker.runId(), status: 'ok' });
    expect(await handle.done).toBe('ok');
    worker.emit({ type: 'output', runId: worker.runId(), output: stdout('late\n') });
    expect(sink.texts()).toEqual(['late\n']);
    expect(kernel.running).toBe(false);
  });

  it('passes every output message kind through unchanged', () => {
    const { kernel, worker } = ready();
    const sink = recordingSink();
    kernel.run(request(), sink);
    const messages: OutputMessage[] = [
      { output_type: 'display_data', data: { 'text/plain': 'a' }, transient: { display_id: 'x' } },
      { output_type: 'update_display_data', data: { 'text/plain': 'b' }, transient: { display_id: 'x' } },
      { output_type: 'clear_output', wait: true },
    ];
    for (const output of messages) worker.emit({ type: 'output', runId: worker.runId(), output });
    expect(sink.outputs).toEqual(messages);
  });

  it('reports pending work to the sink of the run that left it', () => {
    const { kernel, worker } = ready();
    const first = recordingSink();
    const second = recordingSink();
    kernel.run(request(), first);
    worker.emit({ type: 'done', runId: worker.runId(0), status: 'ok' });
    kernel.run(request(), second);
    worker.emit({ type: 'pending', runId: worker.runId(0), tasks: 1, timers: 2 });
    worker.emit({ type: 'pending', runId: worker.runId(0), tasks: 0, timers: 0 });
    expect(first.work).toEqual([
      { tasks: 1, timers: 2 },
      { tasks: 0, timers: 0 },
    ]);
    expect(second.work).toEqual([]);
  });

  it('ignores output for a run it does not know', () => {
    const { kernel, worker } = ready();
    const sink = recordingSink();
    kernel.run(request(), sink);
    expect(() => worker.emit({ type: 'output', runId: 999, output: stdout('stray') })).not.toThrow();
    expect(sink.outputs).toEqual([]);
  });

  it('settles done with the status the worker sent, once', async () => {
    const { kernel, worker } = ready();
    const handle = kernel.run(request(), recordingSink());
    expect(await settled(handle.done)).toBe(false);
    worker.emit({ type: 'done', runId: worker.runId(), status: 'error' });
    worker.emit({ type: 'done', runId: worker.runId(), status: 'ok' });
    expect(await handle.done).toBe('error');
  });
});

describe('running', () => {
  it("is true while a run's code runs and false after done, even with its work pending", () => {
    const { kernel, worker } = ready();
    expect(kernel.running).toBe(false);
    kernel.run(request(), recordingSink());
    expect(kernel.running).toBe(true);
    worker.emit({ type: 'pending', runId: worker.runId(), tasks: 0, timers: 1 });
    worker.emit({ type: 'done', runId: worker.runId(), status: 'ok' });
    expect(kernel.running).toBe(false);
  });
});

describe('cancel', () => {
  it('asks the worker to cancel the run, reports no work left, and drops its later output', () => {
    const { kernel, worker } = ready();
    const sink = recordingSink();
    const handle = kernel.run(request(), sink);
    const runId = worker.runId();
    worker.emit({ type: 'done', runId, status: 'ok' });
    worker.emit({ type: 'pending', runId, tasks: 0, timers: 1 });
    handle.cancel();
    expect(worker.requests.at(-1)).toEqual({ type: 'cancel', runId });
    expect(sink.work.at(-1)).toEqual({ tasks: 0, timers: 0 });
    worker.emit({ type: 'output', runId, output: stdout('after cancel\n') });
    worker.emit({ type: 'pending', runId, tasks: 0, timers: 1 });
    expect(sink.outputs).toEqual([]);
    expect(sink.work.at(-1)).toEqual({ tasks: 0, timers: 0 });
  });

  it('leaves the other runs alone', () => {
    const { kernel, worker } = ready();
    const first = recordingSink();
    const second = recordingSink();
    const handle = kernel.run(request(), first);
    worker.emit({ type: 'done', runId: worker.runId(0), status: 'ok' });
    kernel.run(request(), second);
    handle.cancel();
    worker.emit({ type: 'output', runId: worker.runId(1), output: stdout('still here\n') });
    expect(second.texts()).toEqual(['still here\n']);
  });

  it('a second cancel sends nothing more', () => {
    const { kernel, worker } = ready();
    const handle = kernel.run(request(), recordingSink());
    worker.emit({ type: 'done', runId: worker.runId(), status: 'ok' });
    handle.cancel();
    handle.cancel();
    expect(worker.requests.filter((sent) => sent.type === 'cancel')).toHaveLength(1);
  });

  it('after a restart, cancelling an old run sends nothing to the new worker', () => {
    const { kernel, worker } = ready();
    const handle = kernel.run(request(), recordingSink());
    worker.emit({ type: 'done', runId: worker.runId(), status: 'ok' });
    kernel.restart();
    handle.cancel();
    expect(workers[1]!.requests.filter((sent) => sent.type === 'cancel')).toEqual([]);
  });

  // cancel() on a run whose code is still running stops routing its output but must keep its record
  // until the worker's `done`: otherwise `done` never settles (the page's run queue would wait on it
  // forever) and the status stays 'busy'.
  it('cancel() while the code still runs: done still settles and the kernel goes idle', async () => {
    const { kernel, worker } = ready();
    const handle = kernel.run(request(), recordingSink());
    handle.cancel();
    worker.emit({ type: 'done', runId: worker.runId(), status: 'ok' });
    expect(await settled(handle.done)).toBe(true);
    expect(kernel.status.state).toBe('idle');
  });
});

describe('restart', () => {
  it('terminates the worker, starts a new one, and tells listeners it was asked for', () => {
    const { kernel, worker } = ready();
    kernel.restart('Reset asked');
    expect(worker.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(kernel.status.state).toBe('starting');
    expect(restarts).toEqual([{ reason: 'Reset asked', fromStop: false }]);
  });

  it('has a default reason that says the variables are gone', () => {
    const { kernel } = ready();
    kernel.restart();
    expect(restarts[0]?.reason).toMatch(/Python was restarted.*variables are gone/);
  });

  it('ends a running run with a KernelError output and status error', async () => {
    const { kernel } = ready();
    const sink = recordingSink();
    const handle = kernel.run(request(), sink);
    kernel.restart('gone');
    expect(await handle.done).toBe('error');
    expect(sink.outputs).toEqual([{ output_type: 'error', ename: 'KernelError', evalue: 'gone', traceback: ['KernelError: gone\n'] }]);
    expect(kernel.running).toBe(false);
  });

  it('tells finished runs their pending work is gone, without an error', () => {
    const { kernel, worker } = ready();
    const sink = recordingSink();
    kernel.run(request(), sink);
    worker.emit({ type: 'done', runId: worker.runId(), status: 'ok' });
    worker.emit({ type: 'pending', runId: worker.runId(), tasks: 2, timers: 0 });
    kernel.restart();
    expect(sink.work.at(-1)).toEqual({ tasks: 0, timers: 0 });
    expect(sink.outputs).toEqual([]);
  });

  // A bug this test keeps fixed: only finished runs are told their work is gone. A run
  // still running when the kernel restarts or dies (an async cell awaiting, its interval already
  // reported as pending) ends with a KernelError but keeps its last pending count, so its cell goes
  // on showing "2 timers pending" and a Stop that cancels work the new worker never had. dropAll
  // should report zeros to every run that it drops.
  it('tells a run that was still running its pending work is gone too', () => {
    const { kernel, worker } = ready();
    const sink = recordingSink();
    kernel.run(request(), sink);
    worker.emit({ type: 'pending', runId: worker.runId(), tasks: 0, timers: 2 });
    kernel.restart();
    expect(sink.work.at(-1)).toEqual({ tasks: 0, timers: 0 });
  });

  it('ignores everything the replaced worker still sends', () => {
    const { kernel, worker } = ready();
    const sink = recordingSink();
    kernel.run(request(), sink);
    const oldId = worker.runId();
    worker.emit({ type: 'done', runId: oldId, status: 'ok' });
    kernel.restart();
    const fresh = recordingSink();
    kernel.run(request(), fresh);
    const newId = workers[1]!.runId();
    for (const runId of [oldId, newId]) {
      worker.emit({ type: 'output', runId, output: stdout('ghost\n') });
      worker.emit({ type: 'pending', runId, tasks: 1, timers: 1 });
    }
    worker.emit({ type: 'done', runId: newId, status: 'ok' });
    worker.emit({ type: 'ready', version: 'old' });
    worker.emit({ type: 'fatal', message: 'old worker died' });
    worker.fail('old worker failed');
    expect(fresh.outputs).toEqual([]);
    expect(fresh.work).toEqual([]);
    expect(kernel.running).toBe(true);
    expect(kernel.status.state).toBe('starting');
  });

  it('runs after a restart go to the new worker', () => {
    const { kernel } = ready();
    kernel.restart();
    kernel.run(request('x = 1'), recordingSink());
    expect(workers[0]!.requests.filter((sent) => sent.type === 'run')).toEqual([]);
    expect(workers[1]!.requests.filter((sent) => sent.type === 'run')).toHaveLength(1);
  });

  it('an unsubscribed restart listener hears nothing', () => {
    const { kernel } = ready();
    const heard: RestartEvent[] = [];
    const unsubscribe = kernel.onRestart((event) => heard.push(event));
    unsubscribe();
    kernel.restart();
    expect(heard).toEqual([]);
  });
});

describe('fatal and load errors', () => {
  it('a fatal event marks the kernel dead and fails the running run with its message', async () => {
    const { kernel, worker } = ready();
    const sink = recordingSink();
    const handle = kernel.run(request(), sink);
    worker.emit({ type: 'fatal', message: 'Pyodide broke' });
    expect(kernel.status).toMatchObject({ state: 'dead', detail: 'Pyodide broke' });
    expect(await handle.done).toBe('error');
    expect(sink.outputs).toMatchObject([{ output_type: 'error', ename: 'KernelError', evalue: 'Pyodide broke' }]);
    expect(kernel.running).toBe(false);
  });

  it('a run on a dead kernel fails at once, sending nothing', async () => {
    const { kernel, worker } = ready();
    worker.emit({ type: 'fatal', message: 'Pyodide broke' });
    const sink = recordingSink();
    const sentBefore = worker.sent.length;
    const handle: RunHandle = kernel.run(request(), sink);
    expect(await handle.done).toBe('error');
    expect(sink.texts()).toEqual(['Pyodide broke']);
    expect(worker.sent.length).toBe(sentBefore);
    expect(() => handle.cancel()).not.toThrow();
  });

  it('a worker that fails to load marks the kernel dead with a reason', async () => {
    const kernel = setup();
    const sink = recordingSink();
    const handle = kernel.run(request(), sink);
    workers[0]!.fail('');
    expect(kernel.status.state).toBe('dead');
    expect(kernel.status.detail).toBe('The Python worker could not be loaded. Check the network connection, then retry.');
    expect(await handle.done).toBe('error');
  });

  it('a restart brings a dead kernel back', () => {
    const { kernel, worker } = ready();
    worker.emit({ type: 'fatal', message: 'broke' });
    kernel.restart();
    workers[1]!.emit({ type: 'ready', version: '1.0' });
    expect(kernel.status.state).toBe('idle');
  });
});

describe('interrupt without cross-origin isolation', () => {
  it('cannot interrupt in place: Stop restarts and says the restart came from a Stop', async () => {
    const { kernel } = ready({ interruptible: true });
    expect(kernel.canInterrupt).toBe(false);
    const sink = recordingSink();
    const handle = kernel.run(request(), sink);
    expect(kernel.interrupt()).toBe('restarted');
    expect(restarts).toHaveLength(1);
    expect(restarts[0]?.fromStop).toBe(true);
    expect(restarts[0]?.reason).toMatch(/stopped by restarting Python/);
    expect(await handle.done).toBe('error');
    expect(workers).toHaveLength(2);
  });

  it('sends no init message', () => {
    const { worker } = ready({ interruptible: true });
    expect(worker.requests.filter((sent) => sent.type === 'init')).toEqual([]);
  });
});

describe('interrupt with cross-origin isolation', () => {
  const scope = globalThis as { crossOriginIsolated?: boolean };

  beforeEach(() => {
    scope.crossOriginIsolated = true;
    vi.useFakeTimers();
  });

  afterEach(() => {
    delete scope.crossOriginIsolated;
    vi.useRealTimers();
  });

  function buffer(worker: FakeWorker): Uint8Array {
    const init = worker.requests.find((sent) => sent.type === 'init');
    if (init?.type !== 'init') throw new Error('no init message');
    return new Uint8Array(init.interruptBuffer);
  }

  it('shares an interrupt buffer with the worker first, and can interrupt', () => {
    const { kernel, worker } = ready({ interruptible: true });
    expect(kernel.canInterrupt).toBe(true);
    expect(worker.requests[0]?.type).toBe('init');
  });

  it('a kernel that is not interruptible does not share a buffer', () => {
    const { kernel, worker } = ready({ interruptible: false });
    expect(kernel.canInterrupt).toBe(false);
    expect(worker.requests.filter((sent) => sent.type === 'init')).toEqual([]);
  });

  it('interrupts in place: SIGINT in the buffer, an interrupt message, no restart if the cell stops', async () => {
    const { kernel, worker } = ready({ interruptible: true });
    const handle = kernel.run(request(), recordingSink());
    expect(kernel.interrupt()).toBe('interrupted');
    expect(buffer(worker)[0]).toBe(2);
    expect(worker.requests.at(-1)).toEqual({ type: 'interrupt' });
    worker.emit({ type: 'done', runId: worker.runId(), status: 'error' });
    vi.advanceTimersByTime(5000);
    expect(restarts).toEqual([]);
    expect(workers).toHaveLength(1);
    expect(await handle.done).toBe('error');
  });

  it('restarts, as from a Stop, when the cell has not stopped after the grace period', async () => {
    const { kernel } = ready({ interruptible: true });
    const handle = kernel.run(request(), recordingSink());
    kernel.interrupt();
    vi.advanceTimersByTime(1999);
    expect(restarts).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(restarts).toHaveLength(1);
    expect(restarts[0]?.fromStop).toBe(true);
    expect(restarts[0]?.reason).toMatch(/did not stop when interrupted/);
    expect(await handle.done).toBe('error');
  });

  it('a new run clears a Stop left over in the buffer', () => {
    const { kernel, worker } = ready({ interruptible: true });
    kernel.run(request(), recordingSink());
    kernel.interrupt();
    worker.emit({ type: 'done', runId: worker.runId(), status: 'error' });
    kernel.run(request(), recordingSink());
    expect(buffer(worker)[0]).toBe(0);
  });

  it('while the kernel is still starting, Stop restarts', () => {
    const kernel = setup({ interruptible: true });
    kernel.run(request(), recordingSink());
    expect(kernel.interrupt()).toBe('restarted');
    expect(restarts[0]?.fromStop).toBe(true);
  });
});

describe('sending', () => {
  // A bug this test keeps fixed: the comment says postMessage is "taken once, so
  // nothing a page script does to postMessage can cut the kernel off", but `send` reads
  // Worker.prototype.postMessage at every call, so a script that replaces it afterwards does cut
  // the kernel off. It should capture the function once (at module load, as worker-port.ts does).
  it('a later change to Worker.prototype.postMessage does not cut the kernel off', () => {
    const kernel = setup();
    kernel.start();
    const prototype = (globalThis as unknown as { Worker: { prototype: { postMessage: unknown } } }).Worker.prototype;
    const original = prototype.postMessage;
    prototype.postMessage = () => undefined;
    try {
      kernel.run(request(), recordingSink());
    } finally {
      prototype.postMessage = original;
    }
    expect(workers[0]!.requests.filter((sent) => sent.type === 'run')).toHaveLength(1);
  });
});
