//! Colour scales of the views.
//!
//! Two-class outputs use a diverging scale from orange (negative, class 0) through a light grey
//! (zero, undecided) to blue (positive, class 1): TensorFlow Playground's colours. Orange and blue
//! stay apart for the common colour-vision deficiencies (protanopia, deuteranopia, tritanopia),
//! and both ends are dark enough to read against the grey on a washed-out projector.

/// An opaque colour as red, green and blue bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour as a CSS hex string, e.g. `#f59322`.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Colour of class 0 (output -1): orange.
pub const NEGATIVE: Rgb = Rgb(0xf5, 0x93, 0x22);
/// Colour of an undecided output (0): light grey.
pub const NEUTRAL: Rgb = Rgb(0xe8, 0xea, 0xeb);
/// Colour of class 1 (output +1): blue.
pub const POSITIVE: Rgb = Rgb(0x08, 0x77, 0xbd);
/// Colour of a cell whose value is not a finite number (a diverged network): a fixed mid grey.
pub const NOT_FINITE: Rgb = Rgb(0x9e, 0x9e, 0x9e);

/// Colours of the classes when there are more than two: the Okabe-Ito palette, chosen to stay
/// distinct for the common colour-vision deficiencies, in an order that keeps neighbours apart.
/// With two classes the classes are [`NEGATIVE`] and [`POSITIVE`].
pub const CLASS_PALETTE: [Rgb; 6] = [
    Rgb(0xe6, 0x9f, 0x00),
    Rgb(0x00, 0x72, 0xb2),
    Rgb(0x00, 0x9e, 0x73),
    Rgb(0xcc, 0x79, 0xa7),
    Rgb(0xd5, 0x5e, 0x00),
    Rgb(0x56, 0xb4, 0xe9),
];

/// The colour of class `class` out of `classes`.
pub fn class_colour(class: usize, classes: usize) -> Rgb {
    match (classes, class) {
        (2, 0) => NEGATIVE,
        (2, _) => POSITIVE,
        _ => CLASS_PALETTE[class % CLASS_PALETTE.len()],
    }
}

/// The colour of a cell where the network gives class `class` with probability `confidence`:
/// the class colour, paler the less sure it is (at chance, `1 / classes`, nearly the neutral
/// grey). A non-finite confidence gives the fixed grey.
pub fn confident(class: usize, classes: usize, confidence: f64) -> Rgb {
    if !confidence.is_finite() {
        return NOT_FINITE;
    }
    let chance = 1.0 / classes.max(2) as f64;
    let strength = ((confidence - chance) / (1.0 - chance)).clamp(0.0, 1.0);
    mix(NEUTRAL, class_colour(class, classes), strength)
}

/// Number of shades the diverging scale is cut into, so that bands show the output's level sets.
const SHADES: f64 = 30.0;

/// Maps an output in `[-1, 1]` (clamped) to the diverging orange-grey-blue scale, in bands.
pub fn diverging(value: f64) -> Rgb {
    if !value.is_finite() {
        return NOT_FINITE;
    }
    let banded = (value.clamp(-1.0, 1.0) * SHADES / 2.0).round() / (SHADES / 2.0);
    if banded < 0.0 {
        mix(NEUTRAL, NEGATIVE, -banded)
    } else {
        mix(NEUTRAL, POSITIVE, banded)
    }
}

/// Maps an output to one of the two class colours, or grey when it is not finite.
pub fn discrete(value: f64) -> Rgb {
    match value {
        v if !v.is_finite() => NOT_FINITE,
        v if v < 0.0 => NEGATIVE,
        _ => POSITIVE,
    }
}

/// White, towards which heatmap backgrounds are paled.
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
/// How far a heatmap background is paled towards white, so that points drawn on it in the full
/// class colours stand out.
const BACKGROUND_PALING: f64 = 0.35;

/// The background version of a colour: paled towards white, so points read on top of it.
/// The non-finite grey stays as it is.
pub fn background(colour: Rgb) -> Rgb {
    if colour == NOT_FINITE {
        colour
    } else {
        mix(colour, WHITE, BACKGROUND_PALING)
    }
}

/// Linear mix of two colours: `t = 0` gives `from`, `t = 1` gives `to`.
fn mix(from: Rgb, to: Rgb, t: f64) -> Rgb {
    let channel = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    Rgb(
        channel(from.0, to.0),
        channel(from.1, to.1),
        channel(from.2, to.2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_ends_and_middle_are_the_class_and_neutral_colours() {
        assert_eq!(diverging(-1.0), NEGATIVE);
        assert_eq!(diverging(0.0), NEUTRAL);
        assert_eq!(diverging(1.0), POSITIVE);
        assert_eq!(
            diverging(7.5),
            POSITIVE,
            "values beyond the range are clamped"
        );
    }

    #[test]
    fn non_finite_values_get_the_fixed_grey() {
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(diverging(value), NOT_FINITE);
            assert_eq!(discrete(value), NOT_FINITE);
        }
    }

    #[test]
    fn discrete_view_uses_exactly_two_class_colours() {
        assert_eq!(discrete(-0.01), NEGATIVE);
        assert_eq!(discrete(0.3), POSITIVE);
    }

    #[test]
    fn backgrounds_are_paler_than_the_class_colours_but_keep_the_grey() {
        let pale = background(POSITIVE);
        assert!(pale.0 > POSITIVE.0 && pale.1 > POSITIVE.1 && pale.2 > POSITIVE.2);
        assert_eq!(background(NOT_FINITE), NOT_FINITE);
        assert_eq!(
            background(Rgb(0, 0, 0)),
            Rgb(89, 89, 89),
            "0.35 of the way to white"
        );
    }

    #[test]
    fn class_colours_are_the_two_class_ones_for_two_and_distinct_for_more() {
        assert_eq!(class_colour(0, 2), NEGATIVE);
        assert_eq!(class_colour(1, 2), POSITIVE);
        let six: Vec<Rgb> = (0..6).map(|c| class_colour(c, 6)).collect();
        assert!(
            six.iter()
                .enumerate()
                .all(|(i, a)| six[i + 1..].iter().all(|b| a != b))
        );
    }

    #[test]
    fn confidence_runs_from_neutral_at_chance_to_the_class_colour() {
        assert_eq!(confident(2, 4, 0.25), NEUTRAL);
        assert_eq!(confident(2, 4, 1.0), class_colour(2, 4));
        assert_eq!(confident(1, 3, f64::NAN), NOT_FINITE);
    }

    #[test]
    fn css_form_is_hex() {
        assert_eq!(NEGATIVE.css(), "#f59322");
    }
}
