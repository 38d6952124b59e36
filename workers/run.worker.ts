// Why this file exists: the browser Web Worker entry of the page's dose-response: runs whole runs
// in its own thread, one at a time (src/engine/whole-run.ts), exposed with comlink.
import * as Comlink from 'comlink';
import { type RunWorkerApi, runWhole, throttled } from '../src/engine/whole-run';

const api: RunWorkerApi = { run: (sc, onProgress) => runWhole(sc, throttled(onProgress)) };
Comlink.expose(api);
