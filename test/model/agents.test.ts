// The agent registry's two families that other code treats apart: pulse agents (a one-off bolus at
// their start, derived from the targets their actions hit) and genetic changes (from t = 0, no dose).
import { describe, expect, it } from 'vitest';
import { AGENT_IDS, GENETIC_AGENTS, isGeneticAgent, isPulseAgent, PULSE_AGENTS } from '../../src/model/agents';

describe('agent families', () => {
  it('the pulse agents are light-pulse and h2o2, derived from their pulse targets', () => {
    expect([...PULSE_AGENTS].sort()).toEqual(['h2o2', 'light-pulse']);
    expect(isPulseAgent('light-pulse')).toBe(true);
    expect(isPulseAgent('h2o2')).toBe(true);
    for (const id of ['erastin', 'ferrostatin-1', 'knockdown', 'overexpress', 'unobtainium', undefined, 3]) expect(isPulseAgent(id)).toBe(false);
  });
  it('the genetic agents are knockdown and overexpress, apart from the drug registry', () => {
    expect([...GENETIC_AGENTS]).toEqual(['knockdown', 'overexpress']);
    expect(isGeneticAgent('knockdown')).toBe(true);
    expect(isGeneticAgent('overexpress')).toBe(true);
    for (const id of ['light-pulse', 'erastin', 'unobtainium', null]) expect(isGeneticAgent(id)).toBe(false);
    expect(AGENT_IDS.filter((id) => isGeneticAgent(id))).toEqual([]);
  });
});
