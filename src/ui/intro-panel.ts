// Why this file exists: the first minute of a new user. A short card over the lattice says what
// the running scenario shows (its description) and what to try; it opens by itself only on a
// first visit to the plain page (no ?preset=, no shared link, not dismissed before in this
// browser), closes with × or "got it" (remembered), and the ? beside the title opens it again.
import { byId } from './dom';

/** localStorage key remembering that the card was dismissed */
export const INTRO_DISMISSED_KEY = 'ferrowave.intro.dismissed';

export interface IntroPanel {
  /** whether the card shows now */
  readonly open: boolean;
  show(): void;
  /** close it (and remember that in this browser) */
  dismiss(): void;
  /** rewrite "what you are seeing" from the running scenario's description */
  setDescription(text: string): void;
  /** called when the card opens or closes (and once when a listener is set), with the width it covers on the right (CSS px; 0 when closed) */
  onCover: ((px: number) => void) | null;
}

/** the gap kept between the card's left edge and what it must not cover, CSS px */
const COVER_MARGIN = 12;

/** Whether the card opens by itself: ?intro=1 forces it, ?intro=0 stops it; else only the plain page, never dismissed. */
export function introOpensByItself(params: URLSearchParams, hash: string, dismissedBefore: boolean): boolean {
  const forced = params.get('intro');
  if (forced === '1') return true;
  if (forced === '0') return false;
  if (params.has('preset') || hash.startsWith('#s=')) return false;
  return !dismissedBefore;
}

/** localStorage, or null where the page may not use it (it throws in some sandboxed frames) */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function mountIntroPanel(params: URLSearchParams, hash: string): IntroPanel {
  const card = byId('intro');
  const what = byId('intro-what');
  const store = storage();
  let dismissedBefore = false;
  try {
    dismissedBefore = store?.getItem(INTRO_DISMISSED_KEY) === '1';
  } catch {
    dismissedBefore = false;
  }
  let onCover: ((px: number) => void) | null = null;
  // the card sits at the right of the stage: what it covers is from its left edge to the stage's right
  const covered = () => {
    if (card.hidden) return 0;
    const stage = card.offsetParent as HTMLElement | null;
    return stage ? stage.clientWidth - card.offsetLeft + COVER_MARGIN : card.offsetWidth + 2 * COVER_MARGIN;
  };
  const cover = () => onCover?.(covered());
  const panel: IntroPanel = {
    get open() {
      return !card.hidden;
    },
    get onCover() {
      return onCover;
    },
    set onCover(f) {
      onCover = f;
      cover();
    },
    show: () => {
      card.hidden = false;
      cover();
    },
    dismiss: () => {
      card.hidden = true;
      cover();
      try {
        store?.setItem(INTRO_DISMISSED_KEY, '1');
      } catch {
        // not remembered: it shows again on the next plain visit
      }
    },
    setDescription: (text) => {
      what.textContent = text || 'A scenario without a description: pick a preset to read what it shows.';
    },
  };
  byId('intro-close').addEventListener('click', panel.dismiss);
  byId('intro-dismiss').addEventListener('click', panel.dismiss);
  byId('intro-open').addEventListener('click', () => (panel.open ? panel.dismiss() : panel.show()));
  card.hidden = !introOpensByItself(params, hash, dismissedBefore);
  return panel;
}
