// Why this file exists: the installed package runs compiled JavaScript without the TypeScript
// sources, so what a development checkout reads from its sources (the fingerprints of the model
// and of the validation code) is computed when the package is built and stands in here. In a
// checkout this is null; scripts/package/build.ts replaces this module in the compiled bundles.

export interface BuildInfo {
  /** src/node/model-fingerprint.ts's hash of the sources, at build time */
  modelFingerprint: string;
  /** src/validate/files.ts's fingerprint of the validation code, at build time */
  validateFingerprint: string;
}

export const BUILD: BuildInfo | null = null;
