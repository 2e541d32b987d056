/**
 * Property tests run with a fixed seed by default, so the suite (and CI) gives the same answer every
 * run; FUZZ_SEED=random explores new inputs, FUZZ_SEED=<n> replays one. A failure prints its seed.
 */
import fc from 'fast-check';

const wanted = process.env.FUZZ_SEED;
const seed = wanted === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : wanted && /^-?\d+$/.test(wanted) ? Number(wanted) : 20261202;
fc.configureGlobal({ seed });
if (wanted) console.warn(`property tests: seed ${seed}`);
