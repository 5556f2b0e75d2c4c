//! The link decoder on arbitrary text: it never panics, what it returns needs no more
//! normalising, and its canonical link reads back to the same settings with no warning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use playground_model::{decode, encode};

fuzz_target!(|link: &str| {
    let decoded = decode(link, || "fuzz".to_string());
    let mut config = decoded.config.clone();
    assert!(
        config.normalize().is_empty(),
        "decoded settings are normal: {link:?}"
    );

    let again = decode(&encode(&decoded.config), || "unused".to_string());
    assert_eq!(again.config, decoded.config, "{link:?}");
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
});
