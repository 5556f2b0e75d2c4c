//! What the digits view draws, derived from a training session: a sample of test images with
//! the network's predicted digit, the confusion matrix of the test split, the misclassified
//! test images, and the accuracy curves. Plain Rust, tested natively.

use nn_core::data::digits::{DIGIT_CLASSES, DIGIT_PIXELS};
use nn_core::eval::{confusion_from, predict_classes_with};
use nn_core::{Network, Objective, Workspace};
use playground_model::{LossHistory, Session};

use crate::render::accuracy_chart::AccuracySeries;
use crate::render::colour::{NEGATIVE, Rgb};

/// Test images shown with their predicted digit.
pub const SAMPLE: usize = 24;
/// Most misclassified test images shown (the view says how many there are in all).
pub const MAX_WRONG: usize = 30;

/// One test image as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct DigitImage {
    /// Ink of the 64 pixels, row by row, 0 (paper) to 16 (full ink).
    pub ink: Vec<u8>,
    /// The digit the network predicts.
    pub predicted: usize,
    /// The true digit.
    pub truth: usize,
}

impl DigitImage {
    /// Whether the network reads this image right.
    pub fn is_right(&self) -> bool {
        self.predicted == self.truth
    }
}

/// Everything the digits view shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DigitsView {
    /// The first [`SAMPLE`] test images (the test split is shuffled).
    pub sample: Vec<DigitImage>,
    /// `confusion[true][predicted]` counts over the whole test split.
    pub confusion: Vec<Vec<usize>>,
    /// The first [`MAX_WRONG`] misclassified test images.
    pub wrong: Vec<DigitImage>,
    /// Number of misclassified test images in all.
    pub wrong_count: usize,
    /// Number of test images.
    pub test_count: usize,
    /// The network in one line, e.g. "64 inputs → 64 ReLU → 10 softmax".
    pub network: String,
}

impl DigitsView {
    /// Test images read right: the diagonal of the confusion matrix.
    pub fn right_count(&self) -> usize {
        (0..self.confusion.len())
            .map(|k| self.confusion[k][k])
            .sum()
    }

    /// The largest count of the confusion matrix (at least 1), for shading its cells.
    pub fn largest_count(&self) -> usize {
        let counts = self.confusion.iter().flatten().copied();
        counts.max().unwrap_or(0).max(1)
    }
}

/// The digits view of `session`, with `workspace` reused from frame to frame; `None` unless
/// the session trains on the digits (or its test split is empty).
pub fn digits_view(session: &Session, workspace: &mut Option<Workspace>) -> Option<DigitsView> {
    if !session.config().is_digits() {
        return None;
    }
    let network = session.network();
    let test = session.inputs().1;
    let ws = workspace.get_or_insert_with(|| Workspace::new(network));
    let predicted = predict_classes_with(network, test, ws)?;
    let image = |i: usize| DigitImage {
        ink: test.row(i).iter().map(|&ink| ink_byte(ink)).collect(),
        predicted: predicted[i],
        truth: test.targets[i] as usize,
    };
    let wrong_rows = (0..test.len()).filter(|&i| predicted[i] != test.targets[i] as usize);
    Some(DigitsView {
        sample: (0..test.len().min(SAMPLE)).map(image).collect(),
        confusion: confusion_from(&predicted, &test.targets, DIGIT_CLASSES),
        wrong: wrong_rows.clone().take(MAX_WRONG).map(image).collect(),
        wrong_count: wrong_rows.count(),
        test_count: test.len(),
        network: network_summary(network),
    })
}

/// The network in one line with its number of weights and biases, e.g. "64 inputs → 64 ReLU
/// → 10 softmax: 4810 weights and biases" (a diagram of 64 inputs shows only a few of them).
pub fn network_summary(network: &Network) -> String {
    let spec = network.spec();
    let activation = match spec.activation {
        nn_core::Activation::Relu => "ReLU".to_string(),
        nn_core::Activation::LeakyRelu => "leaky ReLU".to_string(),
        other => other.name().to_string(),
    };
    let mut parts = vec![format!("{} inputs", spec.inputs)];
    parts.extend(
        spec.hidden
            .iter()
            .map(|width| format!("{width} {activation}")),
    );
    let outputs = spec.objective.outputs();
    parts.push(match spec.objective {
        Objective::SoftmaxCrossEntropy { .. } => format!("{outputs} softmax"),
        _ => format!("{outputs} output"),
    });
    format!(
        "{}: {} weights and biases",
        parts.join(" → "),
        network.param_count()
    )
}

/// Colour of a full diagonal cell of the confusion matrix (right readings): a dark blue.
const RIGHT_FULL: Rgb = Rgb(0x08, 0x4e, 0x80);
/// Colour of the text on light cells: black, so that every shade has a colour of text with a
/// contrast of at least 4.5 (white or black always reaches about 4.6).
const INK: Rgb = Rgb(0, 0, 0);
/// White.
const PAPER: Rgb = Rgb(0xff, 0xff, 0xff);

/// How one cell of the confusion matrix is shaded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shade {
    /// The cell's background.
    pub background: Rgb,
    /// The colour of its number: white or ink, whichever stands out more.
    pub text: Rgb,
}

/// The shade of a cell holding `count` of at most `largest`: paler to darker blue on the
/// diagonal (right readings), orange off it (wrong ones, never paler than a third), white for 0.
pub fn confusion_shade(count: usize, diagonal: bool, largest: usize) -> Shade {
    let strength = (count as f64 / largest.max(1) as f64)
        .clamp(0.0, 1.0)
        .sqrt();
    let background = match (count, diagonal) {
        (0, _) => PAPER,
        (_, true) => mix(PAPER, RIGHT_FULL, strength),
        (_, false) => mix(PAPER, NEGATIVE, 0.3 + 0.7 * strength),
    };
    let text = if contrast(background, PAPER) > contrast(background, INK) {
        PAPER
    } else {
        INK
    };
    Shade { background, text }
}

/// The colour `t` of the way from `from` to `to`.
fn mix(from: Rgb, to: Rgb, t: f64) -> Rgb {
    let channel = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    Rgb(
        channel(from.0, to.0),
        channel(from.1, to.1),
        channel(from.2, to.2),
    )
}

/// The contrast ratio of two colours, 1 to 21 (WCAG 2's definition).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Relative luminance of an sRGB colour (WCAG 2).
fn luminance(colour: Rgb) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(colour.0) + 0.7152 * linear(colour.1) + 0.0722 * linear(colour.2)
}

/// A pixel's ink as a byte in 0..=16 (the data hold whole counts; anything else is clamped).
fn ink_byte(ink: f64) -> u8 {
    if ink.is_finite() {
        ink.round().clamp(0.0, 16.0) as u8
    } else {
        0
    }
}

/// Grey RGBA pixels of an image: paper white, full ink black.
pub fn grey_pixels(ink: &[u8]) -> Vec<u8> {
    let mut pixels = Vec::with_capacity(DIGIT_PIXELS * 4);
    for &value in ink {
        let grey = 255 - (u32::from(value.min(16)) * 255 / 16) as u8;
        pixels.extend_from_slice(&[grey, grey, grey, 255]);
    }
    pixels
}

/// The accuracy curves from a session's history: the points where accuracy was measured.
pub fn accuracy_series(history: &LossHistory) -> AccuracySeries {
    let pick = |share: fn(&playground_model::LossPoint) -> Option<f64>| {
        history
            .points()
            .iter()
            .filter_map(|p| Some((p.epoch as f64, share(p)?)))
            .collect()
    };
    AccuracySeries {
        train: pick(|p| p.train_accuracy),
        test: pick(|p| p.test_accuracy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use playground_model::decode;

    fn session(link: &str) -> Session {
        Session::new(decode(link, || "0.5".to_string()).config).unwrap()
    }

    #[test]
    fn the_view_covers_the_test_split_and_agrees_with_the_readout() {
        let mut session = session("#preset=digits&seed=1");
        session.run(3).unwrap();
        let view = digits_view(&session, &mut None).unwrap();
        assert_eq!(view.test_count, 594, "a third of the 1797 digits");
        assert_eq!(view.confusion.len(), 10);
        let total: usize = view.confusion.iter().flatten().sum();
        assert_eq!(total, 594);
        let accuracy = session.readout().test_accuracy.unwrap();
        assert_eq!(view.right_count() as f64 / 594.0, accuracy);
        assert_eq!(view.wrong_count, 594 - view.right_count());
        assert_eq!(view.sample.len(), SAMPLE);
        assert!(view.wrong.len() <= MAX_WRONG);
        assert!(view.wrong.iter().all(|image| !image.is_right()));
    }

    #[test]
    fn images_carry_the_test_rows_and_their_labels() {
        let session = session("#preset=digits&seed=2");
        let view = digits_view(&session, &mut None).unwrap();
        let test = session.inputs().1;
        for (i, image) in view.sample.iter().enumerate() {
            let ink: Vec<f64> = image.ink.iter().map(|&v| f64::from(v)).collect();
            assert_eq!(ink, test.row(i));
            assert_eq!(image.truth as f64, test.targets[i]);
        }
        let rows_right: usize = view
            .confusion
            .iter()
            .map(|row| row.iter().sum::<usize>())
            .sum();
        assert_eq!(rows_right, view.test_count);
    }

    #[test]
    fn an_untrained_network_gets_most_wrong_and_the_list_is_capped() {
        // With ten classes an untrained network is right about one time in ten.
        let session = session("#preset=digits&seed=3");
        let view = digits_view(&session, &mut None).unwrap();
        assert!(view.wrong_count > 300, "{}", view.wrong_count);
        assert_eq!(view.wrong.len(), MAX_WRONG);
    }

    #[test]
    fn the_summary_names_the_layers_and_counts_the_parameters() {
        let view = digits_view(&session("#preset=digits&seed=1"), &mut None).unwrap();
        // (64 x 64 + 64) weights and biases into the hidden layer, (64 x 10 + 10) out of it.
        assert_eq!(
            view.network,
            "64 inputs → 64 ReLU → 10 softmax: 4810 weights and biases"
        );
        let deep = session("#dataset=digits&networkShape=10,5&activation=tanh&seed=1");
        let summary = network_summary(deep.network());
        assert_eq!(
            summary,
            "64 inputs → 10 tanh → 5 tanh → 10 softmax: 765 weights and biases"
        );
    }

    #[test]
    fn every_shade_keeps_its_number_readable() {
        // WCAG 2 AA asks for a contrast of 4.5 for normal text; white on black is 21.
        assert!((contrast(PAPER, Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
        for largest in [1, 7, 60] {
            for count in 0..=largest {
                for diagonal in [true, false] {
                    let shade = confusion_shade(count, diagonal, largest);
                    let ratio = contrast(shade.background, shade.text);
                    assert!(
                        ratio >= 4.5,
                        "{count} of {largest}: {shade:?} gives {ratio}"
                    );
                }
            }
        }
        assert_eq!(confusion_shade(0, true, 60).background, PAPER);
        assert_eq!(
            confusion_shade(60, true, 60),
            Shade {
                background: RIGHT_FULL,
                text: PAPER
            }
        );
        assert_eq!(confusion_shade(60, false, 60).background, NEGATIVE);
    }

    #[test]
    fn other_data_have_no_digits_view() {
        assert_eq!(digits_view(&session("#dataset=circle"), &mut None), None);
    }

    #[test]
    fn grey_pixels_run_from_white_paper_to_black_ink() {
        assert_eq!(
            grey_pixels(&[0, 16, 8]),
            [255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255]
        );
        assert_eq!(ink_byte(f64::NAN), 0);
        assert_eq!(ink_byte(20.0), 16);
    }

    #[test]
    fn accuracy_series_keep_only_the_measured_epochs() {
        let mut session = session("#preset=digits&seed=1");
        session.step().unwrap();
        session.run(3).unwrap();
        let series = accuracy_series(session.history());
        let epochs: Vec<f64> = series.test.iter().map(|p| p.0).collect();
        assert_eq!(
            epochs,
            [0.0, 1.0, 4.0],
            "epoch 0, a step, then the end of a run"
        );
        assert_eq!(series.train.len(), 3);
        let readout = session.readout();
        assert_eq!(series.test[2].1, readout.test_accuracy.unwrap());
    }
}
