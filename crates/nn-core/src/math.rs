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
//! with `e^r` from its Taylor series to degree 13 (truncation below `5e-18` relative). The
//! absolute error of [`tanh`] is below `4e-16` everywhere (tested against `libm::tanh`); near
//! 0 its *relative* error grows like `1e-16 / |x|`, irrelevant to training or drawing.

/// `ln 2`, split in a high part with trailing zero bits (so `k * LN2_HI` is exact for
/// `|k| < 2^11`) and the remainder (the fdlibm constants).
const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-01;
/// Low part of `ln 2`.
const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
/// `1 / ln 2`.
const INV_LN2: f64 = std::f64::consts::LOG2_E;
/// `1.5 * 2^52`: adding and subtracting it rounds a value of magnitude below `2^51` to the
/// nearest integer (ties to even) under IEEE round-to-nearest.
const ROUNDING_SHIFT: f64 = 6_755_399_441_055_744.0;
/// Beyond this `|x|`, `tanh x` rounds to `+-1` in `f64`.
const TANH_SATURATION: f64 = 22.0;
/// Below this `|x|`, `tanh x` rounds to `x`.
const TANH_LINEAR: f64 = 3.725_290_298_461_914e-9; // 2^-28

/// `e^u` for `u` in `[-708, 0]` (the range the activations need); other inputs go to
/// `libm::exp`.
#[inline]
pub fn exp_non_positive(u: f64) -> f64 {
    if !(-708.0..=0.0).contains(&u) {
        return libm::exp(u);
    }

    // Range reduction: u = k ln 2 + r.
    let k = (u * INV_LN2 + ROUNDING_SHIFT) - ROUNDING_SHIFT;
    let r = (u - k * LN2_HI) - k * LN2_LO;

    // e^r by Horner's rule on the Taylor series (1/n! coefficients).
    let mut p = 1.0 / 6_227_020_800.0; // 1/13!
    for inverse_factorial in INVERSE_FACTORIALS {
        p = p * r + inverse_factorial;
    }

    // Scale by 2^k (k in [-1022, 0], a normal power of two).
    let scale = f64::from_bits(((k as i64 + 1023) as u64) << 52);
    p * scale
}

/// `1/12!, 1/11!, ..., 1/1!, 1/0!`: Horner coefficients after the leading `1/13!`.
const INVERSE_FACTORIALS: [f64; 13] = [
    1.0 / 479_001_600.0,
    1.0 / 39_916_800.0,
    1.0 / 3_628_800.0,
    1.0 / 362_880.0,
    1.0 / 40_320.0,
    1.0 / 5_040.0,
    1.0 / 720.0,
    1.0 / 120.0,
    1.0 / 24.0,
    1.0 / 6.0,
    1.0 / 2.0,
    1.0,
    1.0,
];

/// Hyperbolic tangent, as described in the module docs; finite for every finite input and
/// NaN only for NaN.
#[inline]
pub fn tanh(x: f64) -> f64 {
    let magnitude = libm::fabs(x);
    if magnitude < TANH_LINEAR {
        return x;
    }
    let value = if magnitude > TANH_SATURATION {
        1.0
    } else {
        let t = exp_non_positive(-2.0 * magnitude);
        (1.0 - t) / (1.0 + t)
    };
    if x < 0.0 { -value } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_matches_libm_to_a_few_ulp() {
        for i in 0..=20_000 {
            let u = -708.0 * (i as f64 / 20_000.0);
            let (fast, reference) = (exp_non_positive(u), libm::exp(u));
            assert!((fast - reference).abs() <= 4.0 * f64::EPSILON * reference, "e^{u}");
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
