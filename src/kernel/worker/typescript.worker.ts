import { createTypeScriptSession } from '../typescript/typescript-session.ts';
import { post, postingSink, serve } from './worker-port.ts';

// A worker of its own, so `while (true) {}` in a cell never freezes the page: Stop ends the worker.
const session = createTypeScriptSession(postingSink);
post({ type: 'ready', version: 'TypeScript (types stripped by sucrase)' });
serve(Promise.resolve(session), 'The TypeScript kernel');

// A rejection nobody handled belongs in the cell that caused it, not only in the browser's console.
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  session.reportUncaught(event.reason);
});
self.addEventListener('error', (event) => {
  event.preventDefault();
  session.reportUncaught(event.error ?? event.message, 'Uncaught error');
});
