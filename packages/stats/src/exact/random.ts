/** A seedable pseudo-random number generator. */
export interface RandomSource {
  /** The next 32 random bits, as an unsigned integer in [0, 2^32). */
  readonly nextUint32: () => number
  /** The next uniform double in [0, 1), with 53 random bits. */
  readonly nextFloat: () => number
}

/** SplitMix32 step, used only to spread a seed over the generator's 128-bit state. */
const splitMix32 = (state: { x: number }): number => {
  state.x = (state.x + 0x9e3779b9) | 0
  let z = state.x
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
  return (z ^ (z >>> 15)) >>> 0
}

/**
 * xoshiro128** pseudo-random generator (Blackman & Vigna 2021, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4):36, doi:10.1145/3460772): 128-bit state, period 2^128 − 1, fast with 32-bit
 * integer arithmetic, statistically sound for simulation (not for cryptography).
 *
 * Method: the seed (any safe integer; both 32-bit halves are used) is expanded to the four state words by
 * SplitMix32, so nearby seeds give unrelated streams. `nextFloat` joins two outputs into 53 bits:
 * (⌊a / 2^5⌋ · 2^26 + ⌊b / 2^6⌋) / 2^53, which is in [0, 1).
 *
 * @param seed - a safe integer (the same seed always gives the same stream)
 * @returns a RandomSource
 * @example
 * const rng = xoshiro128ss(2000000)
 * rng.nextFloat() // a number in [0, 1); the same on every run for this seed
 */
export const xoshiro128ss = (seed: number): RandomSource => {
  const st = { x: (seed | 0) ^ Math.imul(Math.floor(seed / 4294967296) | 0, 0x85ebca6b) }
  let s0 = splitMix32(st)
  let s1 = splitMix32(st)
  let s2 = splitMix32(st)
  let s3 = splitMix32(st)
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1 // the all-zero state is a fixed point
  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5)
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0
    const t = s1 << 9
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 11) | (s3 >>> 21)
    return result
  }
  const nextFloat = (): number => {
    const a = nextUint32() >>> 5
    const b = nextUint32() >>> 6
    return (a * 67108864 + b) / 9007199254740992
  }
  return { nextUint32, nextFloat }
}
