// The oxidant's transport fit (fits/oxidant-reach.spec.json, npm run fit:oxidant): the defaults are its
// adopted result (the joint fit of ox_decay and ox_diffusion to the published untreated speed and
// the gap data), at the defaults the wave crosses the published crossed gap and stops at the wider
// one, and the speed solve lands on its target.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossesGap, diffusionForSpeed, stripSpeed } from '../../src/fit/oxidant-reach';
import { resolveParams } from '../../src/model/params';

const repo = join(import.meta.dirname, '../..');
const spec = JSON.parse(readFileSync(join(repo, 'fits/oxidant-reach.spec.json'), 'utf8'));
const result = JSON.parse(readFileSync(join(repo, 'fits/oxidant-reach.result.json'), 'utf8'));
const strip = JSON.parse(readFileSync(join(repo, 'fits', spec.speed_scenario), 'utf8'));
const d = resolveParams();

describe('the oxidant transport fit', () => {
  it('is what the defaults hold', () => {
    expect(d.ox_decay).toBeCloseTo(result.adopted.ox_decay, 4);
    expect(d.ox_diffusion).toBeCloseTo(result.adopted.ox_diffusion, 1);
    const [lo, hi] = result.adopted.joint_fit.interval;
    expect(d.ox_decay).toBeGreaterThan(lo);
    expect(d.ox_decay).toBeLessThan(hi);
  });

  it('gives the published untreated speed at the defaults, and the wave crosses the gaps the result reports', () => {
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
