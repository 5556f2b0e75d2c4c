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

/// XOR = AND(OR, NAND) as a 2-2-1 network of sigmoid neurons, set by hand so that it is right
/// before any training. Hidden neuron 1 is OR: sigmoid(6 x1 + 6 x2 - 3), whose line
/// x2 = -x1 + 0.5 leaves only (0, 0) below it; hidden neuron 2 is NAND: sigmoid(-6 x1 - 6 x2 + 9),
/// whose line x2 = -x1 + 1.5 leaves only (1, 1) above it; the output is AND of the two:
/// sigmoid(10 h1 + 10 h2 - 15), true only in the band between the lines.
const XOR_FROM_GATES: &str = "dataset=gate-xor&networkShape=2&activation=sigmoid\
    &loss=cross-entropy&learningRate=0.3&batchSize=10&x=true&y=true&xTimesY=false\
    &xSquared=false&ySquared=false&sinX=false&sinY=false&percTrainData=50&noise=0\
    &weights=1:6,6,-6,-6/-3,9;10,10/-15";

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
        name: "xor-from-gates",
        title: "XOR built from gates: OR and NAND, then AND",
        link: XOR_FROM_GATES,
    },
    Preset {
        name: "activations",
        title: "Activation functions: ReLU neurons bend the boundary in corners",
        link: "dataset=circle&noise=0&networkShape=4&activation=relu&learningRate=0.03\
               &batchSize=10&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false\
               &sinX=false&sinY=false",
    },
    Preset {
        name: "optimizers",
        title: "Optimizers: Adam untangles the spiral",
        link: "dataset=spiral&noise=0&networkShape=8,8,8&activation=tanh&optimizer=adam\
               &learningRate=0.01&batchSize=10&x=true&y=true&xTimesY=true&xSquared=true\
               &ySquared=true&sinX=true&sinY=true",
    },
    Preset {
        name: "blobs",
        title: "Many classes: softmax separates four blobs without a hidden layer",
        link: "dataset=blobs&classes=4&noise=0&networkShape=&loss=cross-entropy\
               &optimizer=adam&learningRate=0.03&batchSize=10&x=true&y=true&xTimesY=false\
               &xSquared=false&ySquared=false&sinX=false&sinY=false",
    },
    Preset {
        name: "many-classes",
        title: "Many classes: a five-arm spiral with softmax and cross-entropy",
        link: "dataset=spiral&classes=5&noise=0&networkShape=8,8,8&activation=relu\
               &loss=cross-entropy&optimizer=adam&learningRate=0.01&batchSize=10\
               &x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true",
    },
    Preset {
        name: "overfitting",
        title: "Overfitting: a large network learns the noise of a few points",
        link: "dataset=gauss&noise=40&percTrainData=10&networkShape=8,8,8&activation=tanh\
               &loss=cross-entropy&optimizer=adam&learningRate=0.003&batchSize=10\
               &x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true\
               &showTestData=true",
    },
    Preset {
        name: "underfitting",
        title: "Underfitting: one hidden neuron cannot draw a ring",
        link: "dataset=circle&noise=0&percTrainData=50&networkShape=1&activation=tanh\
               &optimizer=adam&learningRate=0.03&batchSize=10&x=true&y=true&xTimesY=false\
               &xSquared=false&ySquared=false&sinX=false&sinY=false&showTestData=true",
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
        name: "step-by-step",
        title: "One example through a small network, step by step",
        link: "dataset=gate-xor&networkShape=2&activation=sigmoid&loss=cross-entropy\
               &learningRate=0.5&batchSize=1&x=true&y=true&xTimesY=false&xSquared=false\
               &ySquared=false&sinX=false&sinY=false&percTrainData=50&noise=0&seed=1\
               &stepThrough=true",
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
        assert_eq!((overfitting.noise, overfitting.perc_train_data), (40.0, 10));
        assert_eq!(overfitting.network_shape, vec![8, 8, 8]);
        assert_eq!(config("underfitting").network_shape, vec![1]);
        assert!(config("step-by-step").step_through);
        assert_eq!(config("many-classes").class_count(), Some(5));
        assert_eq!(config("blobs").class_count(), Some(4));
        assert!(config("blobs").network_shape.is_empty());
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

    /// A session of the preset `name` on the data of `seed`.
    fn session(name: &str, seed: u32) -> crate::Session {
        let config = decode(&format!("preset={name}&seed={seed}"), || "1".into()).config;
        crate::Session::new(config).unwrap()
    }

    #[test]
    fn overfitting_preset_drives_test_loss_up_while_training_loss_falls() {
        for seed in 1..=3 {
            let mut session = session("overfitting", seed);
            let early = session.run(20).unwrap();
            let late = session.run(280).unwrap();
            let (early_test, late_test) = (early.test_loss.unwrap(), late.test_loss.unwrap());
            assert!(late.train_loss.unwrap() < 0.01, "seed {seed}: {late:?}");
            assert!(
                late_test > 1.5 * early_test,
                "seed {seed}: {early:?} -> {late:?}"
            );
        }
    }

    #[test]
    fn many_class_presets_learn_their_classes() {
        let blobs = session("blobs", 1).run(100).unwrap();
        assert!(blobs.test_accuracy.unwrap() > 0.95, "{blobs:?}");
        let spiral = session("many-classes", 1).run(400).unwrap();
        assert!(spiral.test_accuracy.unwrap() > 0.85, "{spiral:?}");
    }

    #[test]
    fn underfitting_preset_stays_poor_on_training_and_test_data_alike() {
        for seed in 1..=3 {
            let readout = session("underfitting", seed).run(300).unwrap();
            let (train, test) = (readout.train_loss.unwrap(), readout.test_loss.unwrap());
            assert!(train > 0.3, "seed {seed}: {readout:?}");
            assert!((test - train).abs() < 0.05, "seed {seed}: {readout:?}");
            assert!(
                readout.train_accuracy.unwrap() < 0.8,
                "seed {seed}: {readout:?}"
            );
        }
    }

    #[test]
    fn the_readme_lists_every_preset_and_no_other() {
        let readme = include_str!("../../../README.md");
        for preset in PRESETS {
            let link = format!("`#preset={}`", preset.name);
            assert!(readme.contains(&link), "README lacks {link}");
        }
        for listed in readme.split("`#preset=").skip(1) {
            let name = listed.split('`').next().unwrap_or_default();
            let known = name == "NAME" || name.starts_with("overfitting&") || find(name).is_some();
            assert!(known, "README lists an unknown preset {name}");
        }
    }

    #[test]
    fn xor_from_gates_is_a_2_2_1_sigmoid_network_with_its_weights() {
        let config = decode("preset=xor-from-gates", || "1".into()).config;
        assert_eq!(config.dataset, DatasetKind::GateXor);
        assert_eq!(config.layer_sizes(), vec![2, 2, 1]);
        let weights = config.weights.expect("the preset sets the weights");
        assert!(weights.fits(&[2, 2, 1]));
        assert_eq!(weights.layers[0].biases, vec![-3.0, 9.0]);
        assert_eq!(weights.layers[1].weights, vec![10.0, 10.0]);
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
