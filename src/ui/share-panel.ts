// Why this file exists: saving and sharing the running scenario (the CLI's JSON, with the
// treatments added here, the seed and the version): download it, load one from a file (validated
// first: the run is kept when it is bad), and copy a link (#s=...&t=...) that carries it and the
// moment it was shared (a link opens there, replaying the run: shared-moment.ts).
import { describeImportError, encodeShareHash, exportScenario, parseScenarioText } from '../io/scenario-text';
import type { ResolvedScenario } from '../model/scenario';
import type { SimController } from './controller';
import { byId } from './dom';
import type { ErrorBox } from './error-box';
import { SHARED_TIME_KEY } from './shared-moment';

export interface SharePanelDeps {
  controller: SimController;
  errors: ErrorBox;
  /** switch to a validated scenario (the scenario picker's) */
  loadResolved(sc: ResolvedScenario, from?: string): Promise<boolean>;
  /** called with the new hash when "copy link" is pressed */
  onShare?: (hash: string) => void;
}

export interface SharePanel {
  /** the running scenario as the CLI's resolved JSON */
  exportScenario(): ResolvedScenario;
  /** the `#s=...&t=...` hash that shares the running scenario at this moment */
  shareHash(): string;
  /** load scenario JSON text; false (error shown, run untouched) when malformed or invalid */
  importText(text: string, what?: string): Promise<boolean>;
}

export function mountSharePanel(d: SharePanelDeps): SharePanel {
  const exportBtn = byId<HTMLButtonElement>('export');
  const importIn = byId<HTMLInputElement>('import');
  const shareBtn = byId<HTMLButtonElement>('share');
  const linkOut = byId<HTMLInputElement>('share-link');

  // validated before the running simulation is touched
  const doExport = () => exportScenario(d.controller.rawScenario());
  const shareHash = () => {
    const h = encodeShareHash(doExport());
    const t = d.controller.sim ? d.controller.sim.time() : 0;
    return t > 0 ? `${h}&${SHARED_TIME_KEY}=${+t.toPrecision(12)}` : h;
  };
  exportBtn.addEventListener('click', () => {
    try {
      const sc = doExport();
      const url = URL.createObjectURL(new Blob([`${JSON.stringify(sc, null, 2)}\n`], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'scenario.json';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      d.errors.show(e);
    }
  });
  const importText = async (text: string, what = 'file'): Promise<boolean> => {
    let sc: ResolvedScenario;
    try {
      sc = parseScenarioText(text, what);
    } catch (e) {
      d.errors.show(new Error(describeImportError(e, what)));
      return false;
    }
    await d.loadResolved(sc, what.startsWith('file') ? 'from a file' : what);
    return true;
  };
  importIn.addEventListener('change', () => {
    const file = importIn.files?.[0];
    importIn.value = '';
    if (!file) return;
    file
      .text()
      .then((text) => importText(text, `file ${file.name}`))
      .catch(d.errors.show);
  });
  shareBtn.addEventListener('click', () => {
    try {
      const h = shareHash();
      const link = `${location.origin}${location.pathname}${location.search}${h}`;
      linkOut.value = link;
      linkOut.hidden = false;
      d.onShare?.(h);
      navigator.clipboard?.writeText(link).then(
        () => {
          shareBtn.textContent = 'link copied';
          setTimeout(() => (shareBtn.textContent = 'copy link'), 1500);
        },
        () => linkOut.select(),
      );
    } catch (e) {
      d.errors.show(e);
    }
  });

  return { exportScenario: doExport, shareHash, importText };
}
