//! Fast elementary functions for the hot loop, built from `+ - * /` alone so that they give
//! the same bits on every IEEE-754 platform (Rust never fuses or reorders floating-point
//! operations), natively and in wasm alike.
//!
//! `libm::tanh` costs about three `exp`s; training and grid evaluation call tanh once per unit
//! per example, so it dominated the engine's time. [`tanh`] here uses one reduced exponential:
//!
//! ```text
//! tanh x = sign(x) (1 - t) / (1 + t),   t = e^{-2|x|}
//! e^u    = 2^k e^r,   k = round(u / ln 2),   r = u - k ln 2,   |r| <= ln 2 / 2
//! ```
//!
//! with `e^r` from its Taylor series to degree 13 (truncation below `5e-18` relative),
//! evaluated by Estrin's scheme so the CPU can overlap its multiplications. The
//! absolute error of [`tanh`] is below `4e-16` everywhere (tested against `libm::tanh`); near
//! 0 its *relative* error grows like `1e-16 / |x|`, irrelevant to training or drawing.

/// `ln 2`, split in a high part with trailing zero bits (so `k * LN2_HI` is exact for
/// `|k| < 2^11`) and the remainder (fdlibm's `ln2_hi` and `ln2_lo`, as bit patterns).
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
/// Low part of `ln 2`.
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
/// `1 / ln 2`.
const INV_LN2: f64 = std::f64::consts::LOG2_E;
/// `1.5 * 2^52`: adding and subtracting it rounds a value of magnitude below `2^51` to the
/// nearest integer (ties to even) under IEEE round-to-nearest.
const ROUNDING_SHIFT: f64 = 6_755_399_441_055_744.0;
/// Below this `|x|`, `tanh x` rounds to `x`.
const TANH_LINEAR: f64 = 3.725_290_298_461_914e-9; // 2^-28

/// `e^u` for `u` in `[-708, 0]` (the range the activations need); other inputs go to
/// `libm::exp`.
#[inline]
pub fn exp_non_positive(u: f64) -> f64 {
    if (-708.0..=0.0).contains(&u) {
        exp_reduced(u)
    } else {
        libm::exp(u)
    }
}

/// `e^u` for `u` already in `[-708, 0]`, branch-free so loops over it vectorise.
#[inline(always)]
fn exp_reduced(u: f64) -> f64 {
    // Range reduction: u = k ln 2 + r, k rounded to nearest by the shift trick.
    let shifted = u * INV_LN2 + ROUNDING_SHIFT;
    let k = shifted - ROUNDING_SHIFT;
    let r = (u - k * LN2_HI) - k * LN2_LO;

    // 2^k from the low bits of `shifted`, which hold k: exponent field k + 1023 in 1..=1023.
    let scale = f64::from_bits(shifted.to_bits().wrapping_add(1023) << 52);

    // e^r from its Taylor polynomial, by Estrin's scheme (short dependency chains).
    taylor_exp(r) * scale
}

/// `sum_{n=0}^{13} r^n / n!`, evaluated as pairs `c_n + c_{n+1} r` combined with `r^2`,
/// `r^4`, `r^8` (Estrin's scheme): about 4 multiply-add steps deep instead of 13.
#[inline]
fn taylor_exp(r: f64) -> f64 {
    let r2 = r * r;
    let r4 = r2 * r2;
    let r8 = r4 * r4;
    let c = &INVERSE_FACTORIALS;

    // Degree-1 pairs.
    let p01 = c[0] + c[1] * r;
    let p23 = c[2] + c[3] * r;
    let p45 = c[4] + c[5] * r;
    let p67 = c[6] + c[7] * r;
    let p89 = c[8] + c[9] * r;
    let p1011 = c[10] + c[11] * r;
    let p1213 = c[12] + c[13] * r;

    // Degree-3 and degree-7 groups, then the whole.
    let low = (p01 + p23 * r2) + (p45 + p67 * r2) * r4;
    let high = (p89 + p1011 * r2) + p1213 * r4;
    low + high * r8
}

/// `1/n!` for `n = 0..=13`.
const INVERSE_FACTORIALS: [f64; 14] = [
    1.0,
    1.0,
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5_040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
    1.0 / 479_001_600.0,
    1.0 / 6_227_020_800.0,
];

/// Hyperbolic tangent, as described in the module docs; finite for every finite input and
/// NaN only for NaN.
#[inline]
pub fn tanh(x: f64) -> f64 {
    tanh_finish(x, tanh_exponential(x))
}

/// [`tanh`] of every entry of `z` into `out` (same length), in two branch-free passes that the
/// compiler vectorises; bit-identical to calling [`tanh`] on each entry.
#[inline]
pub fn tanh_slice(z: &[f64], out: &mut [f64]) {
    for (t, &x) in out.iter_mut().zip(z) {
        *t = tanh_exponential(x);
    }
    for (t, &x) in out.iter_mut().zip(z) {
        *t = tanh_finish(x, *t);
    }
}

/// `t = e^{-2|x|}`, with the exponent clamped at -708 (where `tanh` is 1 to the last bit
/// anyway; NaN is also clamped here and restored by [`tanh_finish`]).
#[inline(always)]
fn tanh_exponential(x: f64) -> f64 {
    let u = -2.0 * libm::fabs(x);
    exp_reduced(if u > -708.0 { u } else { -708.0 })
}

/// `sign(x) (1 - t) / (1 + t)`; `x` itself when `|x| < 2^-28` or `x` is NaN.
#[inline(always)]
fn tanh_finish(x: f64, t: f64) -> f64 {
    let magnitude = (1.0 - t) / (1.0 + t);
    let signed = if x < 0.0 { -magnitude } else { magnitude };
    if libm::fabs(x) >= TANH_LINEAR {
        signed
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_matches_libm_to_a_few_ulp() {
        for i in 0..=20_000 {
            let u = -708.0 * (i as f64 / 20_000.0);
            let (fast, reference) = (exp_non_positive(u), libm::exp(u));
            assert!(
                (fast - reference).abs() <= 4.0 * f64::EPSILON * reference,
                "e^{u}"
            );
        }
        assert_eq!(exp_non_positive(0.0), 1.0);
        assert_eq!(exp_non_positive(-800.0), libm::exp(-800.0));
        assert!(exp_non_positive(f64::NAN).is_nan());
    }

    #[test]
    fn tanh_matches_libm_within_4e_16() {
        for i in -40_000..=40_000 {
            let x = i as f64 * 1e-3;
            assert!((tanh(x) - libm::tanh(x)).abs() < 4e-16, "tanh({x})");
        }
        assert_eq!(tanh(1e-12), 1e-12);
        assert_eq!(tanh(-30.0), -1.0);
        assert_eq!(tanh(f64::MAX), 1.0);
        assert_eq!(tanh(f64::NEG_INFINITY), -1.0);
        assert!(tanh(f64::NAN).is_nan());
    }

    #[test]
    fn tanh_slice_is_bit_identical_to_scalar_tanh() {
        let z: Vec<f64> = (-50..50)
            .map(|i| i as f64 * 0.37)
            .chain([f64::NAN, 1e-30])
            .collect();
        let mut out = vec![0.0; z.len()];
        tanh_slice(&z, &mut out);
        for (o, &x) in out.iter().zip(&z) {
            assert_eq!(o.to_bits(), tanh(x).to_bits(), "tanh({x})");
        }
    }

    #[test]
    fn tanh_is_odd_and_monotone() {
        let mut previous = -1.0;
        for i in -3000..=3000 {
            let x = i as f64 * 0.01;
            assert_eq!(tanh(-x), -tanh(x));
            assert!(tanh(x) >= previous);
            previous = tanh(x);
        }
    }
}
