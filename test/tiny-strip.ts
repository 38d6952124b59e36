// Why this file exists: the smallest scenario that carries a wave (raw JSON, as a user writes it),
// shared by the tests that fit, shard or install: a 40 x 3-site strip primed with 10 uM erastin and
// a light pulse over its left end at 300 min; a wave in ~20 ms.

/** The tiny strip named `name`, with `params` set when given (e.g. { burst_rate: 0 }: the pulse the only trigger). */
export function tinyStrip(name: string, params?: Record<string, number>): Record<string, unknown> {
  return {
    name,
    seed: 3,
    lattice: { width: 40, height: 3, site_um: 20 },
    duration_min: 520,
    treatments: [
      { agent: 'erastin', uM: 10, start_min: 0 },
      { agent: 'light-pulse', dose: 30, start_min: 300, end_min: 310, region: { rect: { x_um: 0, y_um: 0, width_um: 60, height_um: 60 } } },
    ],
    ...(params ? { params } : {}),
  };
}
