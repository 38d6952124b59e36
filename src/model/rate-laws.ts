// Why this file exists: the shapes rate laws are built from, written once so that a kinetics file
// reads as biology (`michaelis(cyss, xcKm)`, `hill3(R, 1)`, `implicitStep(x, P, L, dt)`) and every
// host computes them the same way. Each is one expression of exactly rounded operations, so the
// kernel compiler compiles it in place, per lane, with the bits of the TypeScript (integer Hill
// exponents are products, not Math.pow, whose last bits differ between JavaScript engines).

/** Saturation s / (s + km): Michaelis-Menten at unit Vmax; s and km in the same unit. */
export function michaelis(s: number, km: number): number {
  return s / (s + km);
}

/** Hill function of coefficient 2: x^2 / (x^2 + k^2). */
export function hill2(x: number, k: number): number {
  return (x * x) / (x * x + k * k);
}

/** Hill function of coefficient 3: x^3 / (x^3 + k^3). */
export function hill3(x: number, k: number): number {
  return (x * x * x) / (x * x * x + k * k * k);
}

/** Hill function of coefficient 4: x^4 / (x^4 + k^4). */
export function hill4(x: number, k: number): number {
  return (x * x * x * x) / (x * x * x * x + k * k * k * k);
}

/**
 * One linearly implicit Euler step of x' = P - L x over dt: (x + dt P) / (1 + dt L). It keeps a
 * concentration positive whatever the step (P, L >= 0), which explicit Euler does not.
 */
export function implicitStep(x: number, production: number, loss: number, dt: number): number {
  return (x + dt * production) / (1 + dt * loss);
}

/**
 * One explicit Euler step of x' = k (target - x) over dt with the fraction `frac` = min(k dt, 1):
 * x + frac (target - x). A fraction of at most 1 makes the result a weighted mean of x and the
 * target, so it never steps past the target (nor below 0 when both are >= 0), whatever k and dt;
 * below k dt = 1 it is plain explicit Euler, bit for bit.
 */
export function relaxStep(x: number, target: number, frac: number): number {
  return x + frac * (target - x);
}
