// Editing the model in the page, in real headless Chromium: a parameter typed into its field and
// applied restarts the run at t = 0 with that value (and the exported scenario carries it); an
// out-of-range value is refused with the parameter's name and allowed range, and the run goes on
// untouched; in a tumour, a subclone's phenotype factor edited in the page reaches the scenario.
import { afterAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/model/presets';
import type { SandboxApp } from '../../src/ui/app';
import { encodeShareHash } from '../../src/io/scenario-text';
import { mountSandbox, smallPrimed } from './sandbox-fixture';

let app: SandboxApp | null = null;
let root: HTMLElement | null = null;

afterAll(() => {
  app?.dispose();
  root?.remove();
});

function typeParam(name: string, value: string): void {
  const input = document.querySelector<HTMLInputElement>(`#model-editor input[data-param="${name}"]`);
  if (!input) throw new Error(`no field for ${name}`);
  input.value = value;
  input.dispatchEvent(new Event('change'));
}

const apply = () => (document.getElementById('model-apply') as HTMLButtonElement).click();
const settle = async (a: SandboxApp) => {
  for (let k = 0; k < 5; k++) await new Promise((r) => setTimeout(r, 0));
  await a.controller.step(0);
};

describe('editing the model', () => {
  it('applies a parameter from t = 0, refuses one out of range, and edits a subclone', async () => {
    const mounted = await mountSandbox(encodeShareHash(smallPrimed()));
    app = mounted.app;
    root = mounted.root;
    const c = app.controller;
    await c.step(40);

    typeParam('ox_diffusion', '150');
    expect(document.getElementById('model-apply')?.hasAttribute('disabled')).toBe(false);
    apply();
    await settle(app);
    await settle(app);
    expect(c.scenario.params.ox_diffusion).toBe(150);
    expect(c.sim.stepIndex()).toBe(0);
    expect(app.exportScenario().params.ox_diffusion).toBe(150);
    // the selector names what runs: the scenario, edited
    expect((document.getElementById('preset') as HTMLSelectElement).selectedOptions[0].text).toBe(`${smallPrimed().name} (edited)`);

    await c.step(10);
    typeParam('ox_diffusion', '-5');
    apply();
    await settle(app);
    await settle(app);
    const err = document.getElementById('error') as HTMLElement;
    expect(err.hidden).toBe(false);
    expect(err.textContent).toContain('params.ox_diffusion');
    expect(c.sim.stepIndex()).toBe(10);
    expect(c.scenario.params.ox_diffusion).toBe(150);
    expect((document.getElementById('preset') as HTMLSelectElement).selectedOptions[0].text).toBe(`${smallPrimed().name} (edited)`);

    // a tumour with a subclone: FSP1 of subclone 1 from 8 to 2
    const tumour = structuredClone(PRESETS['tumour-fsp1-resistant-erastin']) as Record<string, unknown>;
    expect(await app.importText(JSON.stringify(tumour))).toBe(true);
    const fsp1 = document.querySelector<HTMLInputElement>('#subclone-editor input[data-gene="FSP1"]');
    expect(fsp1?.value).toBe('8');
    (fsp1 as HTMLInputElement).value = '2';
    fsp1?.dispatchEvent(new Event('change'));
    apply();
    await settle(app);
    await settle(app);
    expect(c.scenario.tissue.kind).toBe('tumour');
    const clones = (c.scenario.tissue as { subclones: { pheno: Record<string, number> }[] }).subclones;
    expect(clones[0].pheno.FSP1).toBe(2);
  });
});
