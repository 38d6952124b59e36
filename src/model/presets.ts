// Why this file exists: the shipped presets (scenario JSON in public/presets/, which the browser
// also serves) as one list that the CLI, the UI and the tests share. Presets are data: each is
// validated like any user scenario before it runs.
import p0 from '../../public/presets/erastin-0.3uM-light-pulse.json' with { type: 'json' };
import p1 from '../../public/presets/erastin-0.6uM-light-pulse.json' with { type: 'json' };
import p2 from '../../public/presets/erastin-1.25uM-light-pulse.json' with { type: 'json' };
import p3 from '../../public/presets/erastin-2.5uM-light-pulse.json' with { type: 'json' };
import p4 from '../../public/presets/erastin-5uM-light-pulse.json' with { type: 'json' };
import p5 from '../../public/presets/ferrostatin-rescue.json' with { type: 'json' };
import p6 from '../../public/presets/primed-dish-1024.json' with { type: 'json' };
import p7 from '../../public/presets/primed-gap.json' with { type: 'json' };
import p8 from '../../public/presets/primed-light-pulse.json' with { type: 'json' };
import p9 from '../../public/presets/unprimed-light-pulse.json' with { type: 'json' };
import p10 from '../../public/presets/primed-ring-wave.json' with { type: 'json' };
import p11 from '../../public/presets/glutamate-oxytosis.json' with { type: 'json' };
import p12 from '../../public/presets/oleate-protects.json' with { type: 'json' };
import t0 from '../../public/presets/tumour-erastin.json' with { type: 'json' };
import t1 from '../../public/presets/tumour-rsl3.json' with { type: 'json' };
import t2 from '../../public/presets/tumour-fsp1-resistant-erastin.json' with { type: 'json' };
import t3 from '../../public/presets/tumour-fsp1-resistant-erastin-fsen1.json' with { type: 'json' };
import t4 from '../../public/presets/tumour-dfo-rescue.json' with { type: 'json' };
import t5 from '../../public/presets/tumour-zinc.json' with { type: 'json' };
import t6 from '../../public/presets/tumour-selenium.json' with { type: 'json' };
import t7 from '../../public/presets/tumour-vessels.json' with { type: 'json' };
import t8 from '../../public/presets/tumour-selenium-poor.json' with { type: 'json' };
import t9 from '../../public/presets/tumour-pregrown-512.json' with { type: 'json' };
import t10 from '../../public/presets/tumour-pregrown-1024.json' with { type: 'json' };
import t11 from '../../public/presets/tumour-zinc-loaded.json' with { type: 'json' };

/** Raw preset JSON by name, the main experiment first (validate with resolveScenario before use). */
export const PRESETS: Record<string, Record<string, unknown>> = {
  'primed-light-pulse': p8,
  'primed-ring-wave': p10,
  'unprimed-light-pulse': p9,
  'erastin-0.3uM-light-pulse': p0,
  'erastin-0.6uM-light-pulse': p1,
  'erastin-1.25uM-light-pulse': p2,
  'erastin-2.5uM-light-pulse': p3,
  'erastin-5uM-light-pulse': p4,
  'ferrostatin-rescue': p5,
  'primed-gap': p7,
  'primed-dish-1024': p6,
  'glutamate-oxytosis': p11,
  'oleate-protects': p12,
  'tumour-erastin': t0,
  'tumour-rsl3': t1,
  'tumour-fsp1-resistant-erastin': t2,
  'tumour-fsp1-resistant-erastin-fsen1': t3,
  'tumour-dfo-rescue': t4,
  'tumour-zinc': t5,
  'tumour-zinc-loaded': t11,
  'tumour-selenium': t6,
  'tumour-selenium-poor': t8,
  'tumour-vessels': t7,
  'tumour-pregrown-512': t9,
  'tumour-pregrown-1024': t10,
};

export const PRESET_NAMES = Object.keys(PRESETS);
