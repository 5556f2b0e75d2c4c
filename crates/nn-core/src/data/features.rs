//! Input features of 2-D data: the network sees chosen functions of the point (x1, x2) rather
//! than the point itself, as in the reference product.
//!
//! A [`Features`] set is always read in the reference's order (x1, x2, x1^2, x2^2, x1 x2,
//! sin x1, sin x2), whatever order features were added in, so an input unit's index depends
//! only on the set. [`Features::expand`] writes one point's features into a caller's buffer
//! without allocating, for training rows and heatmap grid points alike.

use serde::{Deserialize, Serialize};

use crate::{Dataset, NnError};

/// One input feature: a function of the point (x1, x2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Feature {
    /// x1, the first coordinate.
    X1,
    /// x2, the second coordinate.
    X2,
    /// x1^2.
    X1Squared,
    /// x2^2.
    X2Squared,
    /// x1 * x2.
    X1TimesX2,
    /// sin(x1) (by `libm`, radians).
    SinX1,
    /// sin(x2) (by `libm`, radians).
    SinX2,
}

impl Feature {
    /// Every feature, in the reference's order (the order of a [`Features`] set's inputs).
    pub const ALL: [Feature; 7] = [
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::X1TimesX2,
        Feature::SinX1,
        Feature::SinX2,
    ];

    /// The feature's value at the point (x1, x2).
    pub fn value(self, x1: f64, x2: f64) -> f64 {
        match self {
            Feature::X1 => x1,
            Feature::X2 => x2,
            Feature::X1Squared => x1 * x1,
            Feature::X2Squared => x2 * x2,
            Feature::X1TimesX2 => x1 * x2,
            Feature::SinX1 => libm::sin(x1),
            Feature::SinX2 => libm::sin(x2),
        }
    }

    /// The reference product's link key for the feature's switch (`x`, `y`, `xSquared`,
    /// `ySquared`, `xTimesY`, `sinX`, `sinY`).
    pub fn key(self) -> &'static str {
        match self {
            Feature::X1 => "x",
            Feature::X2 => "y",
            Feature::X1Squared => "xSquared",
            Feature::X2Squared => "ySquared",
            Feature::X1TimesX2 => "xTimesY",
            Feature::SinX1 => "sinX",
            Feature::SinX2 => "sinY",
        }
    }

    /// The feature with link key `key` (see [`Feature::key`]), if any.
    pub fn from_key(key: &str) -> Option<Feature> {
        Feature::ALL
            .into_iter()
            .find(|feature| feature.key() == key)
    }

    /// A short label for the input unit: `X1`, `X2`, `X1^2`, `X2^2`, `X1X2`, `sin(X1)`,
    /// `sin(X2)`.
    pub fn label(self) -> &'static str {
        match self {
            Feature::X1 => "X1",
            Feature::X2 => "X2",
            Feature::X1Squared => "X1^2",
            Feature::X2Squared => "X2^2",
            Feature::X1TimesX2 => "X1X2",
            Feature::SinX1 => "sin(X1)",
            Feature::SinX2 => "sin(X2)",
        }
    }

    /// The feature's bit in a [`Features`] mask.
    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of input features, read in the reference's order. The default is {x1, x2}, the
/// reference product's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Features {
    /// One bit per feature, bit `i` for `Feature::ALL[i]`.
    mask: u8,
}

impl Default for Features {
    fn default() -> Self {
        Features::from_slice(&[Feature::X1, Feature::X2])
    }
}

impl FromIterator<Feature> for Features {
    fn from_iter<I: IntoIterator<Item = Feature>>(features: I) -> Self {
        let mask = features
            .into_iter()
            .fold(0, |mask, feature| mask | feature.bit());
        Features { mask }
    }
}

impl Features {
    /// The empty set (a network with no input; [`Features::apply`] refuses it).
    pub fn empty() -> Self {
        Features { mask: 0 }
    }

    /// All seven features.
    pub fn all() -> Self {
        Feature::ALL.into_iter().collect()
    }

    /// The set of the given features (repeats count once; order does not matter).
    pub fn from_slice(features: &[Feature]) -> Self {
        features.iter().copied().collect()
    }

    /// True when `feature` is in the set.
    pub fn contains(self, feature: Feature) -> bool {
        self.mask & feature.bit() != 0
    }

    /// Adds `feature` to the set.
    pub fn insert(&mut self, feature: Feature) {
        self.mask |= feature.bit();
    }

    /// Removes `feature` from the set.
    pub fn remove(&mut self, feature: Feature) {
        self.mask &= !feature.bit();
    }

    /// Number of features in the set: the network's input width for 2-D data.
    pub fn len(self) -> usize {
        self.mask.count_ones() as usize
    }

    /// True when no feature is selected.
    pub fn is_empty(self) -> bool {
        self.mask == 0
    }

    /// The features in the set, in the reference's order.
    pub fn iter(self) -> impl Iterator<Item = Feature> {
        Feature::ALL
            .into_iter()
            .filter(move |&feature| self.contains(feature))
    }

    /// Writes the set's features of the point (x1, x2) into `out[..self.len()]`, in order,
    /// without allocating; slots beyond `len()` are left untouched.
    ///
    /// # Panics
    /// If `out` is shorter than [`Features::len`] (a caller's sizing bug).
    pub fn expand(self, x1: f64, x2: f64, out: &mut [f64]) {
        assert!(
            out.len() >= self.len(),
            "feature buffer of {} for {}",
            out.len(),
            self.len()
        );
        for (slot, feature) in out.iter_mut().zip(self.iter()) {
            *slot = feature.value(x1, x2);
        }
    }

    /// The data set with each 2-D row (x1, x2) replaced by its features, in order; targets,
    /// task and domain (the raw x1, x2 rectangle the heatmap spans) are kept.
    ///
    /// Data whose rows are not 2-D (the digits, the 1-D curve, NOT) is returned unchanged: its
    /// inputs are the network's inputs as they are, and the set is ignored.
    ///
    /// # Errors
    /// [`NnError::NoFeatures`] when the set is empty and the data is 2-D.
    pub fn apply(self, data: &Dataset) -> Result<Dataset, NnError> {
        if data.dim != 2 {
            return Ok(data.clone());
        }
        if self.is_empty() {
            return Err(NnError::NoFeatures);
        }
        let width = self.len();
        let mut inputs = vec![0.0; data.len() * width];
        for (row, out) in data
            .inputs
            .chunks_exact(2)
            .zip(inputs.chunks_exact_mut(width))
        {
            self.expand(row[0], row[1], out);
        }
        let (targets, task, domain) = (data.targets.clone(), data.task, data.domain);
        Ok(Dataset {
            inputs,
            dim: width,
            targets,
            task,
            domain,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Task;
    use crate::data::{circle, digits};
    use crate::rng::rng_for;

    #[test]
    fn all_features_expand_in_the_reference_order() {
        let mut out = [f64::NAN; 8];
        Features::all().expand(2.0, -3.0, &mut out);
        let expected = [2.0, -3.0, 4.0, 9.0, -6.0, libm::sin(2.0), libm::sin(-3.0)];
        assert_eq!(out[..7], expected);
        assert!(out[7].is_nan(), "the slot past len() must stay untouched");
        assert!((out[5] - 0.909_297_426_825_681_7).abs() < 1e-15);
    }

    #[test]
    fn order_does_not_depend_on_insertion() {
        let mut set = Features::empty();
        set.insert(Feature::SinX2);
        set.insert(Feature::X1);
        set.insert(Feature::X1TimesX2);
        let order: Vec<_> = set.iter().collect();
        assert_eq!(order, vec![Feature::X1, Feature::X1TimesX2, Feature::SinX2]);
        set.remove(Feature::X1);
        assert_eq!((set.len(), set.contains(Feature::X1)), (2, false));
        assert_eq!(
            Features::default().iter().collect::<Vec<_>>(),
            [Feature::X1, Feature::X2]
        );
    }

    #[test]
    fn keys_round_trip_and_match_the_reference() {
        for feature in Feature::ALL {
            assert_eq!(Feature::from_key(feature.key()), Some(feature));
        }
        assert_eq!(Feature::from_key("xTimesY"), Some(Feature::X1TimesX2));
        assert_eq!(Feature::from_key("cosX"), None);
    }

    #[test]
    fn apply_expands_2d_rows_and_keeps_the_rest() {
        let data = circle(20, 0.1, &mut rng_for("features", "data")).unwrap();
        let set = Features::from_slice(&[Feature::X2Squared, Feature::X1]);
        let expanded = set.apply(&data).unwrap();
        assert_eq!((expanded.dim, expanded.len()), (2, 20));
        for i in 0..20 {
            let [x1, x2] = [data.row(i)[0], data.row(i)[1]];
            assert_eq!(expanded.row(i), &[x1, x2 * x2]);
        }
        assert_eq!(
            (expanded.targets, expanded.domain),
            (data.targets, data.domain)
        );
    }

    #[test]
    fn apply_passes_other_dimensions_through_and_refuses_no_features() {
        let images = digits();
        assert_eq!(Features::all().apply(&images).unwrap(), images);
        let data = circle(4, 0.0, &mut rng_for("features", "data")).unwrap();
        assert_eq!(Features::empty().apply(&data), Err(NnError::NoFeatures));
        let empty = Dataset::new(vec![], 2, vec![], Task::Regression, None).unwrap();
        assert_eq!(Features::all().apply(&empty).unwrap().dim, 7);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn expand_agrees_with_each_feature(mask in 0u8..128, x1 in -6.0..6.0f64,
                                              x2 in -6.0..6.0f64) {
                let set = Features { mask };
                let mut out = [0.0; 7];
                set.expand(x1, x2, &mut out);
                let expected: Vec<f64> = set.iter().map(|f| f.value(x1, x2)).collect();
                prop_assert_eq!(&out[..set.len()], &expected[..]);
                prop_assert_eq!(set.len(), Feature::ALL.iter().filter(|&&f| set.contains(f))
                    .count());
                prop_assert_eq!(Features::from_slice(&expected_features(set)), set);
            }

            #[test]
            fn apply_rows_equal_expand(mask in 1u8..128, seed in 0u32..1000) {
                let set = Features { mask };
                let data = circle(9, 0.2, &mut rng_for(&seed.to_string(), "data")).unwrap();
                let expanded = set.apply(&data).unwrap();
                let mut out = [0.0; 7];
                for i in 0..data.len() {
                    set.expand(data.row(i)[0], data.row(i)[1], &mut out);
                    prop_assert_eq!(expanded.row(i), &out[..set.len()]);
                }
            }
        }

        /// The set's features as a vector, for rebuilding it.
        fn expected_features(set: Features) -> Vec<Feature> {
            set.iter().collect()
        }
    }
}
