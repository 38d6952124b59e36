// Why this file exists: a click on the lattice does what the mouse selector says: fire a light
// pulse there or inspect the cell under it (a drag in paint mode belongs to the treatment panel).
import type { LatticeRenderer } from '../render/lattice-renderer';
import type { SimController } from './controller';
import type { ErrorBox } from './error-box';

export interface LatticeClicksDeps {
  renderer: LatticeRenderer;
  controller: SimController;
  /** #mouse-mode: 'pulse', 'inspect' or 'paint' */
  mouseMode: HTMLSelectElement;
  errors: ErrorBox;
  /** select and show the site at the click */
  inspect(x_um: number, y_um: number): void;
  /** redraw the treatment timeline (a pulse was added) */
  refreshTreatments(): void;
}

export function mountLatticeClicks(d: LatticeClicksDeps): void {
  d.renderer.onClick = (p) => {
    if (d.mouseMode.value === 'paint') return;
    if (d.mouseMode.value === 'inspect') {
      d.inspect(p.x_um, p.y_um);
      return;
    }
    d.controller
      .lightPulse(p.x_um, p.y_um)
      .then(() => {
        d.errors.clear();
        d.refreshTreatments();
      })
      .catch(d.errors.show);
  };
}
