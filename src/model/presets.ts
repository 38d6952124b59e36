// Why this file exists: the shipped presets (scenario JSON in public/presets/, which the browser
// also serves) as one list that the CLI, the UI and the tests share. Presets are data: each is
// validated like any user scenario before it runs.
import p0 from '../../public/presets/erastin-0.3uM-light-pulse.json';
import p1 from '../../public/presets/erastin-0.6uM-light-pulse.json';
import p2 from '../../public/presets/erastin-1.25uM-light-pulse.json';
import p3 from '../../public/presets/erastin-2.5uM-light-pulse.json';
import p4 from '../../public/presets/erastin-5uM-light-pulse.json';
import p5 from '../../public/presets/ferrostatin-rescue.json';
import p6 from '../../public/presets/primed-dish-1024.json';
import p7 from '../../public/presets/primed-gap.json';
import p8 from '../../public/presets/primed-light-pulse.json';
import p9 from '../../public/presets/unprimed-light-pulse.json';

/** Raw preset JSON by name, the main experiment first (validate with resolveScenario before use). */
export const PRESETS: Record<string, Record<string, unknown>> = {
  'primed-light-pulse': p8,
  'unprimed-light-pulse': p9,
  'erastin-0.3uM-light-pulse': p0,
  'erastin-0.6uM-light-pulse': p1,
  'erastin-1.25uM-light-pulse': p2,
  'erastin-2.5uM-light-pulse': p3,
  'erastin-5uM-light-pulse': p4,
  'ferrostatin-rescue': p5,
  'primed-gap': p7,
  'primed-dish-1024': p6,
};

export const PRESET_NAMES = Object.keys(PRESETS);
