//! The engine's seeded training run gives the same bits in the browser as natively: the value
//! in `crates/nn-core/tests/fingerprint.txt` is checked by nn-core's native tests and here, in
//! wasm32 in headless Chromium. Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The fingerprint the native build computes (kept in one file for both checks).
const NATIVE: &str = include_str!("../../crates/nn-core/tests/fingerprint.txt");

#[wasm_bindgen_test]
fn trajectory_fingerprint_in_wasm_equals_the_native_one() {
    let native = u64::from_str_radix(NATIVE.trim(), 16).expect("fingerprint.txt holds hex");
    assert_eq!(nn_core::trajectory_fingerprint(), native);
}
