// Why this file exists: the browser Web Worker entry: exposes the simulation worker with comlink.
import * as Comlink from 'comlink';
import { createWorkerApi } from '../src/engine/worker-api';

Comlink.expose(createWorkerApi());
