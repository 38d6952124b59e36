// A talk video's clock counts from a treatment ("6:05 h after erastin") or from t = 0: which
// treatment by default, how it reads before and after it, and what a bad choice says.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/model/presets';
import { resolveScenario, type Treatment } from '../../src/model/scenario';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { clockChoices, clockText, firstTreatmentClock, resolveClock, shortAgentName } from '../../src/record/clock';

const tumour = resolveScenario(PRESETS['tumour-erastin'], FERROWAVE_VERSION);

describe('the video clock', () => {
  it('reads from t = 0 or from a treatment, counting down before it', () => {
    expect(clockText(1850, null)).toBe('30:50 h');
    const erastin = { from_min: 1440, name: 'erastin', index: 0 };
    expect(clockText(1850, erastin)).toBe('6:50 h after erastin');
    expect(clockText(1440, erastin)).toBe('0:00 h after erastin');
    expect(clockText(1439.5, erastin)).toBe('0:01 h before erastin');
    expect(clockText(1350, erastin)).toBe('1:30 h before erastin');
  });

  it('counts from the first treatment by default, t = 0 when there is none', () => {
    expect(firstTreatmentClock(tumour.treatments)).toEqual({ from_min: 1440, name: 'erastin', index: 0 });
    // the earliest start wins, whatever the order of the list; genetic changes are not treatments in time
    const ts: Treatment[] = [
      { agent: 'light-pulse', dose: 30, start_min: 600, end_min: 610, region: null },
      { agent: 'knockdown', gene: 'GPX4', factor: 0.5, start_min: 0, end_min: null, region: null },
      { agent: 'ferrostatin-1', uM: 1, start_min: 120, end_min: null, region: null },
    ];
    expect(firstTreatmentClock(ts)).toEqual({ from_min: 120, name: 'ferrostatin-1', index: 2 });
    expect(clockChoices(ts).map((c) => c.index)).toEqual([0, 2]);
    expect(firstTreatmentClock([])).toBeNull();
  });

  it('resolves a choice by name, agent or number, and names the choices when it is wrong', () => {
    const p: string[] = [];
    expect(resolveClock(undefined, tumour.treatments, p)?.name).toBe('erastin');
    expect(resolveClock('start', tumour.treatments, p)).toBeNull();
    expect(resolveClock('light-pulse', tumour.treatments, p)).toEqual({ from_min: 1800, name: 'light pulse', index: 1 });
    expect(resolveClock(1, tumour.treatments, p)?.from_min).toBe(1800);
    expect(p).toEqual([]);
    resolveClock(5, tumour.treatments, p);
    resolveClock('rsl3', [], p);
    expect(p[0]).toMatch(/^clockFrom: the clock counts from "start" \(t = 0\), .*treatments: 0 = erastin at 24:00 h, 1 = light-pulse at 30:00 h; got 5$/);
    expect(p[1]).toMatch(/this scenario has no treatment, so the clock counts from t = 0; got "rsl3"$/);
  });

  it('names agents briefly', () => {
    expect(shortAgentName('light-pulse')).toBe('light pulse');
    expect(shortAgentName('ferrostatin-1')).toBe('ferrostatin-1');
    expect(shortAgentName('rsl3')).toBe('(1S,3R)-RSL3');
    expect(shortAgentName('erastin')).toBe('erastin');
  });
});
