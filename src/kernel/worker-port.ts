/// <reference lib="webworker" />
import { isKernelRequest, type KernelEvent, type KernelRequest } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

// Taken before a kernel can replace console (the TypeScript kernel streams it into cell output).
const warn = console.warn.bind(console);

/** The worker's side of the protocol: what every kernel worker sends and how it listens. */
export function post(event: KernelEvent): void {
  self.postMessage(event);
}

/** Calls `handle` with each valid request; a malformed message is logged and ignored, never thrown. */
export function onRequest(handle: (request: KernelRequest) => void): void {
  self.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isKernelRequest(event.data)) handle(event.data);
    else warn('Kernel worker ignored a malformed message', event.data);
  });
}
