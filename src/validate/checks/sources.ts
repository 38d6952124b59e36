// Why this file exists: the citations several checks share, written once so that the report
// spells them the same way everywhere.

export const CO_2024 = 'Co, Wu, Lee & Chen, Nature 631:654 (2024) and its public data';

export const YANG_2014 = 'Yang et al., Cell 156:317 (2014)';
