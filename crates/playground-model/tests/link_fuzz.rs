//! The link decoder fed arbitrary text and near-misses of real links: it never panics, what it
//! returns is always within the playground's limits with finite numbers, its canonical link
//! reads back to the same settings, and every value it refused is named in a warning.

use playground_model::config::{
    MAX_LEARNING_RATE, MAX_NOISE, MAX_REGULARIZATION_RATE, PERC_TRAIN_RANGE,
};
use playground_model::link::KEY_ORDER;
use playground_model::{Config, decode, encode};
use proptest::prelude::*;

/// Checks what any link decodes to.
fn check_settings(config: &Config) {
    let numbers = [
        config.noise,
        config.learning_rate,
        config.regularization_rate,
        config.momentum,
    ];
    assert!(numbers.iter().all(|n| n.is_finite()), "{config:?}");
    assert!((0.0..=MAX_NOISE).contains(&config.noise));
    assert!(config.learning_rate > 0.0 && config.learning_rate <= MAX_LEARNING_RATE);
    assert!((0.0..=MAX_REGULARIZATION_RATE).contains(&config.regularization_rate));
    let (low, high) = PERC_TRAIN_RANGE;
    assert!((low..=high).contains(&config.perc_train_data));
    assert!(!config.seed.is_empty());
    if let Some(weights) = &config.weights {
        let all = weights
            .layers
            .iter()
            .flat_map(|l| l.weights.iter().chain(&l.biases));
        assert!(all.copied().all(f64::is_finite));
    }

    let mut again = config.clone();
    assert_eq!(
        again.normalize(),
        Vec::new(),
        "decoded settings are already normal"
    );
    let reread = decode(&encode(config), || "unused".into());
    assert_eq!(
        &reread.config, config,
        "the canonical link reads back the same"
    );
    assert!(reread.warnings.is_empty(), "{:?}", reread.warnings);
}

/// Values that look almost right: numbers out of range or not finite, wrong types, empty,
/// percent-encoded junk, very long text.
fn near_miss_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("NaN".to_string()),
        Just("Infinity".to_string()),
        Just("-Infinity".to_string()),
        Just("1e309".to_string()),
        Just("-0".to_string()),
        Just(String::new()),
        Just("%ZZ".to_string()),
        Just("8,8,8,8,8,8,8,8,8".to_string()),
        Just("1:4,4/-6".to_string()),
        Just("1:NaN/0".to_string()),
        any::<f64>().prop_map(|x| x.to_string()),
        any::<i64>().prop_map(|x| x.to_string()),
        "[a-zA-Z0-9,.:/%-]{0,12}",
        "x{200,300}",
    ]
}

/// A link of known keys with near-miss values.
fn near_miss_link() -> impl Strategy<Value = (Vec<(String, String)>, String)> {
    let pair = (proptest::sample::select(KEY_ORDER), near_miss_value());
    proptest::collection::vec(pair, 0..12).prop_map(|pairs| {
        let owned: Vec<(String, String)> =
            pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let link = owned
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        (owned, link)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_decodes_to_valid_settings(text in any::<String>()) {
        let decoded = decode(&text, || "fresh".into());
        check_settings(&decoded.config);
    }

    #[test]
    fn arbitrary_bytes_decode_to_valid_settings(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        let decoded = decode(&format!("#{text}"), || "fresh".into());
        check_settings(&decoded.config);
    }

    #[test]
    fn near_miss_links_decode_to_valid_settings_and_name_what_they_refused(
        (pairs, link) in near_miss_link(),
    ) {
        let decoded = decode(&link, || "fresh".into());
        check_settings(&decoded.config);
        let warned: Vec<&str> = decoded.warnings.iter().map(|w| w.key.as_str()).collect();
        for (key, value) in &pairs {
            let non_finite = ["NaN", "Infinity", "-Infinity", "1e309"].contains(&value.as_str());
            let numeric = ["learningRate", "noise", "regularizationRate", "momentum"];
            if non_finite && numeric.contains(&key.as_str()) {
                prop_assert!(warned.contains(&key.as_str()), "{key}={value}: {warned:?}");
            }
        }
    }
}
