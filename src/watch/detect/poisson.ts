const LN10 = Math.log(10);
const LOG_FACTORIALS: number[] = [0];

/** ln(k!) for a non-negative integer: exact sums for small k, Stirling's series beyond. */
export function logFactorial(k: number): number {
  if (k < 0 || !Number.isFinite(k)) return 0;
  const n = Math.floor(k);
  if (n < 1024) {
    while (LOG_FACTORIALS.length <= n) LOG_FACTORIALS.push(LOG_FACTORIALS[LOG_FACTORIALS.length - 1]! + Math.log(LOG_FACTORIALS.length));
    return LOG_FACTORIALS[n]!;
  }
  const x = n + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}

/**
 * log10 P(X ≥ k) for X ~ Poisson(mu): how improbable it is to see at least `k` posts when `mu`
 * were expected. Computed from the tail upwards (no 1 − CDF cancellation when the tail is tiny,
 * which is exactly the case that matters), so it is finite for any k and any mu > 0; it is
 * 0 for k ≤ 0 and -Infinity only for mu ≤ 0 with k > 0.
 */
export function poissonTailLog10(k: number, mu: number): number {
  if (!(k > 0)) return 0;
  if (!(mu > 0) || k === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (mu === Number.POSITIVE_INFINITY) return 0;
  const n = Math.ceil(k);
  if (mu >= n && n > 1000) {
    // At least half the mass lies at or above n; the normal approximation is plenty here.
    return Math.log10(Math.min(1, 0.5 * erfc((n - 0.5 - mu) / Math.sqrt(2 * mu))));
  }
  if (mu >= n) {
    // The tail holds at least about half the mass: 1 − CDF(n − 1) is well conditioned.
    let term = Math.exp(-mu);
    let cdf = term;
    for (let i = 1; i < n; i++) {
      term *= mu / i;
      cdf += term;
    }
    return Math.log10(Math.max(1 - cdf, Number.MIN_VALUE));
  }
  const logFirst = -mu + n * Math.log(mu) - logFactorial(n);
  // Σ_{j≥0} Π_{i=1..j} mu/(n+i): a series whose ratios shrink, summed until negligible.
  let sum = 1;
  let ratio = 1;
  for (let i = n + 1; i < n + 10_000; i++) {
    ratio *= mu / i;
    sum += ratio;
    if (ratio < 1e-15 * sum) break;
  }
  return Math.min(0, (logFirst + Math.log(sum)) / LN10);
}

/** Complementary error function (Numerical Recipes' erfcc, relative error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + z / 2);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** −log10 of the Poisson tail, capped: the "surprise" of seeing `observed` when `expected` were due. */
export function surprise(observed: number, expected: number, cap = 50): number {
  const value = -poissonTailLog10(observed, expected);
  if (Number.isNaN(value)) return 0;
  return Math.min(cap, Math.max(0, value));
}
