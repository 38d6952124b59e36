// The oxidant's reach fit (fits/oxidant-reach.json, npm run fit:oxidant): the defaults are its
// committed result, and at them the published gap criterion holds (a 160 um gap crossed, a 180 um
// one not) with the wave at the published untreated speed; the speed solve lands on its target.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossesGap, diffusionForSpeed, stripSpeed } from '../../src/fit/oxidant-reach';
import { resolveParams } from '../../src/model/params';

const repo = join(import.meta.dirname, '../..');
const spec = JSON.parse(readFileSync(join(repo, 'fits/oxidant-reach.json'), 'utf8'));
const result = JSON.parse(readFileSync(join(repo, 'fits/oxidant-reach.result.json'), 'utf8'));
const strip = JSON.parse(readFileSync(join(repo, 'fits', spec.speed_scenario), 'utf8'));
const d = resolveParams();

describe('the oxidant reach fit', () => {
  it('is what the defaults hold, and its interval contains them', () => {
    expect(d.ox_decay).toBeCloseTo(result.best.ox_decay, 4);
    expect(d.ox_diffusion).toBeCloseTo(result.best.ox_diffusion, 1);
    expect(result.interval[0]).toBeLessThan(d.ox_decay);
    expect(result.interval[1]).toBeGreaterThan(d.ox_decay);
  });

  it('gives the published untreated speed and stops between the published gap widths at the defaults', () => {
    expect(stripSpeed(strip, d.ox_decay, d.ox_diffusion)).toBeCloseTo(spec.targets.speed_um_per_min, 1);
    expect(crossesGap(spec.gap_scenario, spec.gap_x_um, spec.targets.crossed_um, d.ox_decay, d.ox_diffusion)).toBe(true);
    expect(crossesGap(spec.gap_scenario, spec.gap_x_um, spec.targets.stopped_um, d.ox_decay, d.ox_diffusion)).toBe(false);
  }, 60_000);

  it('solves for the diffusivity that gives a target speed from a start far off', () => {
    const s = diffusionForSpeed(strip, d.ox_decay, 4.5, 1000);
    expect(Math.abs(s.speed - 4.5)).toBeLessThanOrEqual(0.005);
    expect(s.ox_diffusion).toBeLessThan(d.ox_diffusion);
  }, 60_000);
});
