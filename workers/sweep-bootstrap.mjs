// Why this file exists: Node 20 worker threads do not inherit tsx's TypeScript loader, so each
// sweep pool worker starts here and loads its TypeScript entry through tsx's tsImport.
import { tsImport } from 'tsx/esm/api';

await tsImport('./sweep.node-worker.ts', import.meta.url);
