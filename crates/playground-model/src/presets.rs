//! Named presets: a preset is a link, and `preset=<name>` in a link expands to it, the link's
//! other keys overriding the preset's.
//!
//! Presets leave out `seed` unless their point depends on one, so each opening draws fresh data
//! unless the link names a seed. The lecture adds its own presets to [`PRESETS`].

/// One named experiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// The name written after `preset=`: lowercase words joined by `-`.
    pub name: &'static str,
    /// A one-line title for menus.
    pub title: &'static str,
    /// The settings, as a link fragment without `#` (never containing `preset=`).
    pub link: &'static str,
}

/// A single perceptron (no hidden layer, sigmoid output, cross-entropy) on a gate's truth table.
macro_rules! perceptron_link {
    ($gate:literal) => {
        concat!(
            "dataset=",
            $gate,
            "&networkShape=&loss=cross-entropy&learningRate=0.3&batchSize=10",
            "&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&sinX=false&sinY=false",
            "&percTrainData=50&noise=0"
        )
    };
}

/// The presets, in lecture order.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "perceptron-and",
        title: "A single perceptron learns AND",
        link: perceptron_link!("gate-and"),
    },
    Preset {
        name: "perceptron-and-hand",
        title: "A perceptron set by hand computes AND",
        link: "dataset=gate-and&networkShape=&loss=cross-entropy&learningRate=0.3\
               &x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&sinX=false\
               &sinY=false&weights=1:4,4/-6&networkShape_hide=true",
    },
    Preset {
        name: "perceptron-or",
        title: "A single perceptron learns OR",
        link: perceptron_link!("gate-or"),
    },
    Preset {
        name: "perceptron-xor",
        title: "A single perceptron cannot learn XOR",
        link: perceptron_link!("gate-xor"),
    },
    Preset {
        name: "xor-hidden",
        title: "One hidden layer solves XOR",
        link: "dataset=gate-xor&networkShape=4&activation=tanh&loss=cross-entropy\
               &optimizer=adam&learningRate=0.03&batchSize=10&x=true&y=true&percTrainData=50",
    },
    Preset {
        name: "overfitting",
        title: "A large network fits the noise of a few points",
        link: "dataset=xor&noise=50&percTrainData=10&networkShape=8,8,8,8,8,8\
               &activation=relu&optimizer=adam&learningRate=0.03&batchSize=10\
               &x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true\
               &showTestData=true",
    },
    Preset {
        name: "digits-mlp",
        title: "A small MLP reads handwritten digits",
        link: "dataset=digits&networkShape=32&activation=relu&init=glorot&loss=cross-entropy\
               &optimizer=adam&learningRate=0.001&batchSize=32&percTrainData=67",
    },
    Preset {
        name: "digits",
        title: "scikit-learn's MLPClassifier reads handwritten digits",
        link: "dataset=digits&networkShape=64&activation=relu&init=glorot&loss=cross-entropy\
               &optimizer=adam&learningRate=0.001&batchSize=200&percTrainData=67",
    },
    Preset {
        name: "regression-curve",
        title: "A small network fits a curve (like scikit-learn's MLPRegressor)",
        link: "problem=regression&regDataset=reg-curve&networkShape=8,8&activation=tanh\
               &optimizer=adam&learningRate=0.01&batchSize=10&x=true&y=false&noise=10",
    },
];

/// The preset of a name.
pub fn find(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|preset| preset.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{DatasetKind, Optimizer, RegDatasetKind};
    use crate::link::decode;

    #[test]
    fn every_preset_decodes_without_warnings_and_keeps_its_name() {
        for preset in PRESETS {
            assert!(!preset.link.contains("preset="), "{}", preset.name);
            let decoded = decode(&format!("preset={}", preset.name), || "1".to_string());
            assert!(
                decoded.warnings.is_empty(),
                "{}: {:?}",
                preset.name,
                decoded.warnings
            );
            assert_eq!(decoded.config.preset.as_deref(), Some(preset.name));
        }
    }

    #[test]
    fn presets_set_what_their_titles_promise() {
        let config = |name: &str| decode(&format!("preset={name}"), || "1".into()).config;
        assert!(config("perceptron-and").network_shape.is_empty());
        assert_eq!(config("perceptron-xor").dataset, DatasetKind::GateXor);
        assert_eq!(config("xor-hidden").network_shape, vec![4]);
        let overfitting = config("overfitting");
        assert_eq!((overfitting.noise, overfitting.perc_train_data), (50.0, 10));
        assert_eq!(overfitting.network_shape.len(), 6);
        assert_eq!(config("digits-mlp").optimizer, Optimizer::Adam);
        assert_eq!(config("digits-mlp").perc_train_data, 67);
        let digits = config("digits");
        assert_eq!(digits.network_shape, vec![64]);
        assert_eq!((digits.batch_size, digits.learning_rate), (200, 0.001));
        assert_eq!(
            config("regression-curve").reg_dataset,
            RegDatasetKind::Curve
        );
    }

    #[test]
    fn explicit_keys_override_the_preset_wherever_they_stand() {
        let link = "learningRate=0.5&preset=perceptron-and&networkShape=3";
        let config = decode(link, || "1".into()).config;
        assert_eq!(config.learning_rate, 0.5);
        assert_eq!(config.network_shape, vec![3]);
        assert_eq!(config.dataset, DatasetKind::GateAnd);
    }
}
