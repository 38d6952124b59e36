// Why this file exists: the model/code version written into every output folder.
export const FERROWAVE_VERSION = '0.1.0';
