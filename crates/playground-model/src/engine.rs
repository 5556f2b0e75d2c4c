//! The bridge from the model's settings to the engine's types.

use nn_core::data::{DataKind, Feature as EngineFeature, Features, Gate};
use nn_core::{Hyperparameters, NetworkSpec, Objective, OptimizerKind};

use crate::config::{
    Activation, Config, DatasetKind, Feature, Init, Loss, Optimizer, Problem, RegDatasetKind,
    Regularization,
};

/// The engine's activation for the hidden neurons.
pub fn activation(activation: Activation) -> nn_core::Activation {
    match activation {
        Activation::Relu => nn_core::Activation::Relu,
        Activation::Tanh => nn_core::Activation::Tanh,
        Activation::Sigmoid => nn_core::Activation::Sigmoid,
        Activation::Linear => nn_core::Activation::Linear,
        Activation::LeakyRelu => nn_core::Activation::LeakyRelu,
        Activation::Step => nn_core::Activation::Step,
    }
}

/// The output activation and loss: linear and squared for regression, softmax beyond two
/// classes, else tanh with squared loss (TensorFlow Playground's) or sigmoid with cross-entropy.
pub fn objective(config: &Config) -> Objective {
    match (config.class_count(), config.effective_loss()) {
        (None, _) => Objective::LinearSquared,
        (Some(classes), _) if classes > 2 => Objective::SoftmaxCrossEntropy { classes },
        (Some(_), Loss::Squared) => Objective::TanhSquared,
        (Some(_), Loss::CrossEntropy) => Objective::SigmoidCrossEntropy,
    }
}

/// The engine's initialisation.
pub fn init(init: Init) -> nn_core::Init {
    match init {
        Init::Uniform => nn_core::Init::PlaygroundUniform,
        Init::Glorot => nn_core::Init::Glorot,
        Init::Zero => nn_core::Init::Zero,
    }
}

/// The network's shape.
pub fn network_spec(config: &Config) -> NetworkSpec {
    let hidden = config.network_shape.clone();
    NetworkSpec::new(
        config.input_count(),
        hidden,
        activation(config.activation),
        objective(config),
    )
}

/// The hyperparameters, which change without a reset.
pub fn hyperparameters(config: &Config) -> Hyperparameters {
    Hyperparameters {
        optimizer: match config.optimizer {
            Optimizer::Sgd => OptimizerKind::Sgd,
            Optimizer::Adam => OptimizerKind::Adam,
            Optimizer::Lbfgs => OptimizerKind::Lbfgs,
        },
        learning_rate: config.learning_rate,
        batch_size: config.batch_size,
        momentum: config.momentum,
        nesterov: config.nesterov,
        regularization: match config.regularization {
            Regularization::None => nn_core::Regularization::None,
            Regularization::L1 => nn_core::Regularization::L1,
            Regularization::L2 => nn_core::Regularization::L2,
        },
        regularization_rate: config.regularization_rate,
    }
}

/// The engine's feature set (`cosX` and `cosY` have no engine feature and are left out).
pub fn features(config: &Config) -> Features {
    let key = |feature: Feature| EngineFeature::from_key(feature.name());
    config
        .active_features()
        .into_iter()
        .filter_map(key)
        .collect()
}

/// The data set to generate; `None` for the user's own data, which are not generated.
pub fn data_kind(config: &Config) -> Option<DataKind> {
    match config.problem {
        Problem::Regression => match config.reg_dataset {
            RegDatasetKind::Plane => Some(DataKind::RegPlane),
            RegDatasetKind::Gauss => Some(DataKind::RegGauss),
            RegDatasetKind::Curve => Some(DataKind::RegCurve),
            RegDatasetKind::Own => None,
        },
        Problem::Classification => classification_kind(config.dataset, config.classes),
    }
}

/// The classification data set, with TensorFlow Playground's two-arm spiral for two classes.
fn classification_kind(dataset: DatasetKind, classes: usize) -> Option<DataKind> {
    let kind = match dataset {
        DatasetKind::Circle => DataKind::Circle,
        DatasetKind::Xor => DataKind::Xor,
        DatasetKind::Gauss => DataKind::Gauss,
        DatasetKind::Spiral if classes == 2 => DataKind::Spiral,
        DatasetKind::Spiral => DataKind::SpiralK { classes },
        DatasetKind::Blobs => DataKind::Blobs { classes },
        DatasetKind::GateAnd => DataKind::Gate(Gate::And),
        DatasetKind::GateOr => DataKind::Gate(Gate::Or),
        DatasetKind::GateNand => DataKind::Gate(Gate::Nand),
        DatasetKind::GateXor => DataKind::Gate(Gate::Xor),
        DatasetKind::GateNot => DataKind::Gate(Gate::Not),
        DatasetKind::Digits => DataKind::Digits,
        DatasetKind::Own => return None,
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_map_to_tensorflow_playgrounds_network() {
        let config = Config::default();
        let spec = network_spec(&config);
        assert_eq!(spec.widths(), vec![2, 4, 2, 1]);
        assert_eq!(spec.objective, Objective::TanhSquared);
        assert_eq!(hyperparameters(&config), Hyperparameters::default());
        assert_eq!(features(&config), Features::default());
        assert_eq!(data_kind(&config), Some(DataKind::Circle));
    }

    #[test]
    fn every_feature_but_cos_has_an_engine_feature() {
        for feature in Feature::ALL {
            let known = EngineFeature::from_key(feature.name()).is_some();
            assert_eq!(
                known,
                !matches!(feature, Feature::CosX | Feature::CosY),
                "{feature}"
            );
        }
    }

    #[test]
    fn objectives_follow_problem_classes_and_loss() {
        let ce = Config {
            loss: Loss::CrossEntropy,
            ..Config::default()
        };
        assert_eq!(objective(&ce), Objective::SigmoidCrossEntropy);
        let spiral = Config {
            dataset: DatasetKind::Spiral,
            classes: 4,
            ..Config::default()
        };
        assert_eq!(
            objective(&spiral),
            Objective::SoftmaxCrossEntropy { classes: 4 }
        );
        assert_eq!(data_kind(&spiral), Some(DataKind::SpiralK { classes: 4 }));
        let regression = Config {
            problem: Problem::Regression,
            ..Config::default()
        };
        assert_eq!(objective(&regression), Objective::LinearSquared);
        assert_eq!(data_kind(&regression), Some(DataKind::RegPlane));
        for dataset in DatasetKind::ALL {
            let config = Config {
                dataset: *dataset,
                ..Config::default()
            };
            match data_kind(&config) {
                Some(kind) => assert_eq!(kind.key(), dataset.name()),
                None => assert_eq!(*dataset, DatasetKind::Own),
            }
        }
    }
}
