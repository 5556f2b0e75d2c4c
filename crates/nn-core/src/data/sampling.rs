//! The random draws every generator is built from, written out so that their values depend only
//! on the generator's raw 64-bit output (which `rand_chacha` keeps stable), not on how a `rand`
//! release maps bits to floats or ranges, and so that they use `libm` rather than the platform's
//! maths library: the same seed gives bit-identical data natively and in wasm.

use rand::Rng as _;

use crate::rng::Rng;

/// 2^-53: turns the top 53 bits of a `u64` into a float in [0, 1).
const UNIT_SCALE: f64 = 1.0 / (1u64 << 53) as f64;

/// A uniform float in [0, 1) with 53 random bits (one `next_u64` draw).
pub(crate) fn unit(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * UNIT_SCALE
}

/// A uniform float in [low, high) (one draw): `low + (high - low) * u`.
pub(crate) fn uniform(rng: &mut Rng, low: f64, high: f64) -> f64 {
    low + (high - low) * unit(rng)
}

/// A normal sample with the given mean and standard deviation, by Box-Muller (two draws):
/// `mean + sd * sqrt(-2 ln u1) * cos(2 pi u2)` with `u1` in (0, 1], so the logarithm is finite.
pub(crate) fn normal(rng: &mut Rng, mean: f64, sd: f64) -> f64 {
    let u1 = 1.0 - unit(rng);
    let u2 = unit(rng);
    let radius = libm::sqrt(-2.0 * libm::log(u1));
    mean + sd * radius * libm::cos(core::f64::consts::TAU * u2)
}

/// Most draws [`normal_within`] makes before it gives up and clamps (reached only when the
/// interval lies many standard deviations from the mean, never by the generators' settings).
const MAX_REDRAWS: usize = 64;

/// A normal sample redrawn until it lies in [low, high] (a truncated normal), so generated
/// points stay inside the domain that is drawn; after [`MAX_REDRAWS`] misses it is clamped.
pub(crate) fn normal_within(rng: &mut Rng, mean: f64, sd: f64, low: f64, high: f64) -> f64 {
    let mut value = normal(rng, mean, sd);
    for _ in 1..MAX_REDRAWS {
        if (low..=high).contains(&value) {
            return value;
        }
        value = normal(rng, mean, sd);
    }
    value.clamp(low, high)
}

/// A uniform index in `0..n` (`n > 0`), unbiased: Lemire's multiply-and-reject on 64 bits, so
/// the value does not depend on the platform's pointer width.
pub(crate) fn index_below(rng: &mut Rng, n: usize) -> usize {
    debug_assert!(n > 0, "index_below needs a non-empty range");
    let range = n as u64;
    let threshold = range.wrapping_neg() % range;
    loop {
        let product = u128::from(rng.next_u64()) * u128::from(range);
        if (product as u64) >= threshold {
            return (product >> 64) as usize;
        }
    }
}

/// Shuffles a slice in place by Fisher-Yates, each permutation equally likely.
pub(crate) fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for last in (1..items.len()).rev() {
        let pick = index_below(rng, last + 1);
        items.swap(last, pick);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::rng_from_seed;

    #[test]
    fn uniform_stays_in_its_half_open_range_and_fills_it() {
        let mut rng = rng_from_seed("uniform");
        let draws: Vec<f64> = (0..10_000).map(|_| uniform(&mut rng, -2.0, 3.0)).collect();
        assert!(draws.iter().all(|&x| (-2.0..3.0).contains(&x)));
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        // The mean of U(-2, 3) is 0.5 with standard error 5 / sqrt(12 * 10000) ~ 0.014.
        assert!((mean - 0.5).abs() < 0.06, "mean {mean}");
    }

    #[test]
    fn normal_has_its_mean_and_standard_deviation() {
        let mut rng = rng_from_seed("normal");
        let draws: Vec<f64> = (0..20_000).map(|_| normal(&mut rng, 1.5, 2.0)).collect();
        let n = draws.len() as f64;
        let mean = draws.iter().sum::<f64>() / n;
        let var = draws.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
        // Standard errors: 2 / sqrt(20000) ~ 0.014 for the mean, ~0.01 for the sd.
        assert!((mean - 1.5).abs() < 0.06, "mean {mean}");
        assert!(
            (libm::sqrt(var) - 2.0).abs() < 0.05,
            "sd {}",
            libm::sqrt(var)
        );
    }

    #[test]
    fn normal_within_stays_inside_and_clamps_far_intervals() {
        let mut rng = rng_from_seed("within");
        let draws: Vec<f64> = (0..5_000)
            .map(|_| normal_within(&mut rng, 2.0, 2.0, -6.0, 6.0))
            .collect();
        assert!(draws.iter().all(|x| (-6.0..=6.0).contains(x)));
        // About 2.3 % of N(2, 2^2) lies above 6: some draws were redrawn, none clamped to 6.
        assert!(draws.iter().all(|&x| x < 6.0));
        // An interval 50 sd away is never hit, so the value is clamped onto it.
        assert_eq!(normal_within(&mut rng, 0.0, 1.0, 50.0, 51.0), 50.0);
    }

    #[test]
    fn index_below_covers_the_range_evenly() {
        let mut rng = rng_from_seed("index");
        let mut counts = [0usize; 7];
        for _ in 0..7_000 {
            counts[index_below(&mut rng, 7)] += 1;
        }
        // Each count is Binomial(7000, 1/7): mean 1000, sd ~ 29.
        assert!(
            counts.iter().all(|&c| (880..=1120).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn shuffle_permutes_and_depends_on_the_seed() {
        let mut a: Vec<usize> = (0..50).collect();
        let mut b = a.clone();
        shuffle(&mut a, &mut rng_from_seed("one"));
        shuffle(&mut b, &mut rng_from_seed("two"));
        assert_ne!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
        a.sort_unstable();
        assert_eq!(a, (0..50).collect::<Vec<_>>());
        let mut empty: [u8; 0] = [];
        shuffle(&mut empty, &mut rng_from_seed("one"));
    }
}
