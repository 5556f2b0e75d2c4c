//! How a link shows its weight: a stroke whose width grows with |weight| and whose colour is
//! the diverging scale of the weight (blue positive, orange negative); an exactly zero weight
//! is a thin dashed grey line.

use crate::render::colour::{NOT_FINITE, Rgb, diverging};

/// Width of the thinnest link (a tiny weight).
pub const MIN_WIDTH: f64 = 0.75;
/// Width of the thickest link.
pub const MAX_WIDTH: f64 = 6.0;
/// |weight| at and beyond which a link has the largest width.
pub const FULL_WEIGHT: f64 = 4.0;
/// Width of a link whose weight is zero or not a finite number.
pub const PLAIN_WIDTH: f64 = 1.0;
/// Colour of a zero weight's dashed line: a mid grey that reads on white.
pub const ZERO: Rgb = Rgb(0x8a, 0x95, 0x9c);
/// Dash pattern of a zero weight.
pub const ZERO_DASHES: &str = "4 3";
/// Smallest position on the colour scale a non-zero weight takes, so that small weights stay
/// visible against the white page instead of fading to the neutral grey.
const MIN_TINT: f64 = 0.3;

/// Stroke width of a link of weight `weight`.
pub fn link_width(weight: f64) -> f64 {
    if !weight.is_finite() || weight == 0.0 {
        return PLAIN_WIDTH;
    }
    let share = (weight.abs() / FULL_WEIGHT).min(1.0);
    MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * share
}

/// Stroke colour of a link of weight `weight`.
pub fn link_colour(weight: f64) -> Rgb {
    if !weight.is_finite() {
        NOT_FINITE
    } else if weight == 0.0 {
        ZERO
    } else {
        diverging(weight.signum() * weight.abs().clamp(MIN_TINT, 1.0))
    }
}

/// Whether a link is drawn dashed: its weight is exactly zero (for example after L1).
pub fn is_dashed(weight: f64) -> bool {
    weight == 0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::colour::{NEGATIVE, POSITIVE};

    #[test]
    fn width_grows_with_the_size_of_the_weight_up_to_a_cap() {
        assert!((link_width(1e-9) - MIN_WIDTH).abs() < 1e-6);
        assert!(link_width(0.5) < link_width(1.0));
        assert_eq!(link_width(-1.0), link_width(1.0));
        assert_eq!(link_width(FULL_WEIGHT), MAX_WIDTH);
        assert_eq!(link_width(1e6), MAX_WIDTH);
        let half = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) / 2.0;
        assert!((link_width(2.0) - half).abs() < 1e-12);
    }

    #[test]
    fn colour_shows_the_sign_and_small_weights_stay_visible() {
        assert_eq!(link_colour(3.0), POSITIVE);
        assert_eq!(link_colour(-1.0), NEGATIVE);
        assert_eq!(link_colour(0.001), diverging(MIN_TINT));
        assert_ne!(link_colour(0.001), diverging(0.0));
        assert_eq!(link_colour(-0.001), diverging(-MIN_TINT));
    }

    #[test]
    fn zero_weights_are_dashed_grey_and_non_finite_ones_get_the_fixed_grey() {
        assert!(is_dashed(0.0) && is_dashed(-0.0) && !is_dashed(1e-300));
        assert_eq!(link_colour(0.0), ZERO);
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(link_colour(value), NOT_FINITE);
            assert_eq!(link_width(value), PLAIN_WIDTH);
            assert!(!is_dashed(value));
        }
    }
}
