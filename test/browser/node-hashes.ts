// Node-side half of the Node-vs-browser determinism check: computes, in Node, the state hashes
// that browser tests compare against (handed over by global-setup.ts via provide/inject).
// The determinism test fills this in with scenario name -> hash; until then it returns {}.
export async function computeNodeHashes(): Promise<Record<string, string>> {
  return {};
}
