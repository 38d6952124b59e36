// globalSetup of the vitest 'browser' project. It runs once in Node before the browser tests and
// provides values computed in Node (the nodeHashes of node-hashes.ts) to browser tests, which
// read them with inject('nodeHashes'). The key's type is declared in provided-context.d.ts.
import type { TestProject } from 'vitest/node';
import { computeNodeHashes } from './node-hashes';

export default async function setup(project: TestProject): Promise<void> {
  project.provide('nodeHashes', await computeNodeHashes());
}
