//! The settings the diagram changes: input features and the network's shape. Each change is a
//! pure function from the settings in force to new ones (`None` when the change is not
//! allowed), so the buttons only wire them to the page.

use nn_core::Feature as EngineFeature;
use playground_model::Config;
use playground_model::config::Feature;

/// The feature switches in the reference's order: the model's feature, the engine's (for
/// thumbnails), the accessible name and the short label drawn beside the thumbnail.
pub const TOGGLES: [(Feature, EngineFeature, &str, &str); 7] = [
    (Feature::X, EngineFeature::X1, "X1", "X1"),
    (Feature::Y, EngineFeature::X2, "X2", "X2"),
    (
        Feature::XSquared,
        EngineFeature::X1Squared,
        "X1 squared",
        "X1²",
    ),
    (
        Feature::YSquared,
        EngineFeature::X2Squared,
        "X2 squared",
        "X2²",
    ),
    (
        Feature::XTimesY,
        EngineFeature::X1TimesX2,
        "X1 times X2",
        "X1X2",
    ),
    (Feature::SinX, EngineFeature::SinX1, "sin X1", "sin(X1)"),
    (Feature::SinY, EngineFeature::SinX2, "sin X2", "sin(X2)"),
];

/// Neurons of a new hidden layer (as in TensorFlow Playground).
pub const NEW_LAYER_SIZE: usize = 2;

/// The plain name of an engine feature, as the switches name it ("X1 squared").
pub fn feature_name(feature: EngineFeature) -> &'static str {
    TOGGLES
        .iter()
        .find(|t| t.1 == feature)
        .map_or("input", |t| t.2)
}

/// The settings with switch `index` of [`TOGGLES`] flipped; `None` when that would leave the
/// network without an input.
pub fn toggle_feature(config: &Config, index: usize) -> Option<Config> {
    let feature = TOGGLES.get(index)?.0;
    let mut new = reshaped(config);
    if !new.features.remove(&feature) {
        new.features.insert(feature);
    }
    (!new.active_features().is_empty()).then_some(new)
}

/// The settings with one more hidden layer, if the limit allows.
pub fn add_layer(config: &Config) -> Option<Config> {
    (config.network_shape.len() < config.limits().max_layers).then(|| {
        let mut new = reshaped(config);
        new.network_shape.push(NEW_LAYER_SIZE);
        new
    })
}

/// The settings with the last hidden layer removed, if there is one.
pub fn remove_layer(config: &Config) -> Option<Config> {
    (!config.network_shape.is_empty()).then(|| {
        let mut new = reshaped(config);
        new.network_shape.pop();
        new
    })
}

/// The settings with `delta` (+1 or -1) neurons in hidden layer `layer` (0 = first), if the
/// layer stays between 1 and the limit.
pub fn resize_layer(config: &Config, layer: usize, delta: isize) -> Option<Config> {
    let size = config.network_shape.get(layer)?.checked_add_signed(delta)?;
    (1..=config.limits().max_neurons).contains(&size).then(|| {
        let mut new = reshaped(config);
        new.network_shape[layer] = size;
        new
    })
}

/// A copy of the settings for a new shape: weights from a link no longer fit, so they go.
fn reshaped(config: &Config) -> Config {
    Config {
        weights: None,
        ..config.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_turns_on_and_off_but_the_last_one_stays() {
        let config = Config::default();
        let on = toggle_feature(&config, 2).unwrap();
        assert!(on.features.contains(&Feature::XSquared));
        assert!(playground_model::encode(&on).contains("xSquared=true"));
        let off = toggle_feature(&on, 0).unwrap();
        assert!(!off.features.contains(&Feature::X));
        let only_y = toggle_feature(&config, 0).unwrap();
        assert_eq!(toggle_feature(&only_y, 1), None, "the last input stays");
        assert_eq!(toggle_feature(&config, 7), None);
    }

    #[test]
    fn layers_are_added_up_to_the_limit_and_removed_down_to_none() {
        let mut config = Config::default();
        let start = config.network_shape.len();
        while let Some(more) = add_layer(&config) {
            config = more;
        }
        assert_eq!(config.network_shape.len(), config.limits().max_layers);
        assert_eq!(config.network_shape[start], NEW_LAYER_SIZE);
        while let Some(fewer) = remove_layer(&config) {
            config = fewer;
        }
        assert!(config.network_shape.is_empty());
    }

    #[test]
    fn neurons_stay_between_one_and_the_limit() {
        let config = Config {
            network_shape: vec![1, 8],
            ..Config::default()
        };
        assert_eq!(resize_layer(&config, 0, -1), None);
        assert_eq!(resize_layer(&config, 1, 1), None);
        assert_eq!(resize_layer(&config, 0, 1).unwrap().network_shape, [2, 8]);
        assert_eq!(resize_layer(&config, 2, 1), None);
    }

    #[test]
    fn shape_changes_drop_weights_from_a_link() {
        let config = Config {
            weights: Some(Default::default()),
            ..Config::default()
        };
        assert_eq!(add_layer(&config).unwrap().weights, None);
        assert_eq!(feature_name(EngineFeature::SinX2), "sin X2");
    }
}
