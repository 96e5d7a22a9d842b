// The first run over a shaped link (bench/link.mjs), for the notebook and the bare page alike:
// time from the click and bytes the server sent before the first output, a repeat visit, and a
// first run after the reader has spent a few seconds on the page.
import { coldBrowser, coldFirstOutput, firstOutput, TARGETS } from './browser.mjs';
import { createLink } from './link.mjs';
import { round } from './stats.mjs';

export const PROFILES = {
  fast: { mbps: 10, latencyMs: 40 },
  slow: { mbps: 1.6, latencyMs: 150 },
};
/** How long a reader reads before the first click, for the figure that lets a prefetch work. */
export const READING_MS = 5000;
/** A repeat visit comes later: long enough for V8 to write its wasm code cache and the background download to end. */
const BETWEEN_VISITS_MS = 12_000;
const log = (...args) => console.error(...args);

/** Time and bytes moved from the page's navigation to the first output of a cold run. */
async function coldRun(server, target, readMs = 0) {
  const before = server.bytesSent();
  let bytes = 0;
  const ms = await coldFirstOutput(server.url, target, readMs).then((value) => {
    bytes = server.bytesSent() - before;
    return value;
  });
  return { ms, mb: bytes / 1e6 };
}

/** The first run of a page that was visited (and run) before, with the browser's caches warm. */
async function repeatVisit(server, target) {
  const browser = await coldBrowser();
  try {
    await firstOutput(browser.page, server.url, target);
    await browser.page.waitForTimeout(BETWEEN_VISITS_MS);
    const before = server.bytesSent();
    const ms = await firstOutput(browser.page, server.url, target);
    return { ms, mb: (server.bytesSent() - before) / 1e6 };
  } finally {
    await browser.close();
  }
}

/** Every shaped figure for one profile; `runs` cold runs of each page, interleaved. */
export async function networkFigures(server, name, runs) {
  const profile = PROFILES[name];
  const link = createLink(profile);
  server.setLink(link);
  const samples = { notebook: [], bare: [], notebookMb: [], bareMb: [], repeat: [], reading: [] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const target of Object.keys(TARGETS)) {
        const { ms, mb } = await coldRun(server, target);
        samples[target].push(ms);
        samples[`${target}Mb`].push(mb);
      }
      log(`${link.describe}, run ${i + 1}/${runs}: notebook ${round(samples.notebook.at(-1), 0)} ms (${round(samples.notebookMb.at(-1), 2)} MB), bare ${round(samples.bare.at(-1), 0)} ms (${round(samples.bareMb.at(-1), 2)} MB)`);
    }
    for (let i = 0; i < runs; i++) {
      samples.repeat.push((await repeatVisit(server, 'notebook')).ms);
      samples.reading.push((await coldRun(server, 'notebook', READING_MS)).ms);
      log(`${link.describe}, run ${i + 1}/${runs}: repeat visit ${round(samples.repeat.at(-1), 0)} ms, after ${READING_MS} ms of reading ${round(samples.reading.at(-1), 0)} ms`);
    }
  } finally {
    server.setLink(undefined);
  }
  return samples;
}
