import asyncioSource from './loop_trace_asyncio.py?raw';
import executeSource from './loop_trace_execute.py?raw';
import generatorsSource from './loop_trace_generators.py?raw';
import namesSource from './loop_trace_names.py?raw';
import rowsSource from './loop_trace_rows.py?raw';
import traceSource from './loop_trace.py?raw';

/** The loop view's tracer, by file name: installed with the kernel's modules, imported only by a traced run. */
export const LOOP_TRACE_MODULES: Readonly<Record<string, string>> = {
  'loop_trace.py': traceSource,
  'loop_trace_names.py': namesSource,
  'loop_trace_asyncio.py': asyncioSource,
  'loop_trace_rows.py': rowsSource,
  'loop_trace_execute.py': executeSource,
  'loop_trace_generators.py': generatorsSource,
};
