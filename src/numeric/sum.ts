/**
 * Neumaier's compensated sum (Kahan–Babuška): the error stays O(ε·Σ|xᵢ|) instead of O(n·ε·Σ|xᵢ|).
 * Used wherever many terms are accumulated (divergences over 10⁶ masses, running CDF differences).
 */
export class CompensatedSum {
  private s = 0;
  private c = 0;

  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }

  get value(): number {
    return this.s + this.c;
  }
}

export function compensatedSum(xs: ArrayLike<number>): number {
  const acc = new CompensatedSum();
  for (let i = 0; i < xs.length; i++) acc.add(xs[i] as number);
  return acc.value;
}

/** Mean and unbiased sample variance by Welford's update (one pass, no catastrophic cancellation). */
export function meanVariance(xs: ArrayLike<number>): { mean: number; variance: number; n: number } {
  let mean = 0;
  let m2 = 0;
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  }
  return { mean, variance: n > 1 ? m2 / (n - 1) : Number.NaN, n };
}
