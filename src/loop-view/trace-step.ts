/**
 * The loop view's unit of data: one turn of the loop (or many folded busy turns). Declared once, in
 * the page <-> worker schema, since the steps cross from the kernel worker to the page as they are.
 */
import { traceStep } from '../kernel/protocol.ts';

export type { ParkedTask, TraceStep } from '../kernel/protocol.ts';

export const isTraceStep = traceStep.is;
