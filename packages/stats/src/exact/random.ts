/** A seedable pseudo-random number generator. */
export interface RandomSource {
  /** The next 32 random bits, as an unsigned integer in [0, 2^32). */
  nextUint32(): number
  /** The next uniform double in [0, 1), with 53 random bits. */
  nextFloat(): number
  /** A uniform integer in [0, n) (n a positive integer), from one 32-bit output in the usual case. */
  nextBelow(n: number): number
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
 * (⌊a / 2^5⌋ · 2^26 + ⌊b / 2^6⌋) / 2^53, which is in [0, 1). `nextBelow(n)` is Lemire's unbiased
 * multiply-and-reject integer draw.
 *
 * @param seed - a safe integer (the same seed always gives the same stream)
 * @returns a RandomSource
 * @example
 * const rng = xoshiro128ss(2000000)
 * rng.nextFloat() // a number in [0, 1); the same on every run for this seed
 */
export const xoshiro128ss = (seed: number): RandomSource => new Xoshiro128ss(seed)

// A class rather than closures: its methods are shared, so hot loops see one call target and inline it, and
// the state sits in an Int32Array (as closure variables, 32-bit values outside the small-integer range were
// boxed as heap numbers on every step; profiled: a third of a bootstrap's time went to the GC).
class Xoshiro128ss implements RandomSource {
  private readonly s: Int32Array

  constructor(seed: number) {
    const st = { x: (seed | 0) ^ Math.imul(Math.floor(seed / 4294967296) | 0, 0x85ebca6b) }
    this.s = Int32Array.of(splitMix32(st), splitMix32(st), splitMix32(st), splitMix32(st))
    if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[0] = 1 // the all-zero state is a fixed point
  }

  nextUint32(): number {
    const s = this.s
    const s0 = s[0]
    const s1 = s[1]
    const s2 = s[2] ^ s0
    const s3 = s[3] ^ s1
    const m = Math.imul(s1, 5)
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0
    s[1] = s1 ^ s2
    s[0] = s0 ^ s3
    s[2] = s2 ^ (s1 << 9)
    s[3] = (s3 << 11) | (s3 >>> 21)
    return result
  }

  nextFloat(): number {
    const a = this.nextUint32() >>> 5
    const b = this.nextUint32() >>> 6
    return (a * 67108864 + b) / 9007199254740992
  }

  // Lemire (2019), "Fast random integer generation in an interval", ACM TOMACS 29(1):3,
  // doi:10.1145/3230636: the high word of x·n, rejecting the few low words that would bias it. x·n is an
  // exact double for n <= 2^21; beyond that ⌊U·n⌋ with a 53-bit U (bias below n / 2^53).
  nextBelow(n: number): number {
    if (n > 2097152) return Math.floor(this.nextFloat() * n)
    let m = this.nextUint32() * n
    let high = Math.floor(m * 2.3283064365386963e-10) // m / 2^32, exact
    let low = m - high * 4294967296
    if (low < n) {
      const threshold = (4294967296 - n) % n
      while (low < threshold) {
        m = this.nextUint32() * n
        high = Math.floor(m * 2.3283064365386963e-10)
        low = m - high * 4294967296
      }
    }
    return high
  }
}
