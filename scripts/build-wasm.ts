// Why this file exists: `npm run build:wasm`, regenerates src/model/wasm/kernels.bytes.ts from
// the .wat source after an edit (see scripts/lib/wasm-kernels.ts).
import { writeFileSync } from 'node:fs';
import { KERNEL_MODULE, kernelModuleText } from './lib/wasm-kernels';

writeFileSync(KERNEL_MODULE, await kernelModuleText());
console.log(`wrote ${KERNEL_MODULE}`);
