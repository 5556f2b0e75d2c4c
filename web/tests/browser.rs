//! Browser-only tests, run in headless Chromium by wasm-bindgen-test-runner
//! (`cargo test -p playground-web --target wasm32-unknown-unknown`). Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use playground_web::render::canvas::{context_2d, dot, put_pixels};
use playground_web::render::colour::{self, diverging};
use playground_web::render::heatmap::{Grid, paint};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlCanvasElement;

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(side: u32) -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().unchecked_into();
    canvas.set_width(side);
    canvas.set_height(side);
    canvas
}

fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> [u8; 4] {
    let context = context_2d(canvas, "test").unwrap();
    let data = context.get_image_data(x, y, 1.0, 1.0).unwrap().data();
    [data[0], data[1], data[2], data[3]]
}

#[wasm_bindgen_test]
fn heatmap_pixels_land_on_the_canvas_where_the_grid_puts_them() {
    let canvas = canvas(8);
    let grid = Grid::single(2, vec![-1.0, 1.0, 0.0, f64::NAN]);
    let mut pixels = Vec::new();
    paint(
        &grid,
        8,
        |cell| grid.cell_colour(cell, diverging),
        &mut pixels,
    );
    put_pixels(&context_2d(&canvas, "test").unwrap(), "test", &pixels, 8).unwrap();

    let rgba = |c: colour::Rgb| [c.0, c.1, c.2, 255];
    assert_eq!(pixel(&canvas, 1.0, 1.0), rgba(colour::NEGATIVE));
    assert_eq!(pixel(&canvas, 6.0, 1.0), rgba(colour::POSITIVE));
    assert_eq!(pixel(&canvas, 1.0, 6.0), rgba(colour::NEUTRAL));
    assert_eq!(pixel(&canvas, 6.0, 6.0), rgba(colour::NOT_FINITE));
}

#[wasm_bindgen_test]
fn a_dot_is_filled_with_its_colour() {
    let canvas = canvas(20);
    let context = context_2d(&canvas, "test").unwrap();
    dot(&context, "test", (10.0, 10.0), 5.0, &colour::POSITIVE.css()).unwrap();
    let c = colour::POSITIVE;
    assert_eq!(pixel(&canvas, 10.0, 10.0), [c.0, c.1, c.2, 255]);
    assert_eq!(
        pixel(&canvas, 1.0, 1.0)[3],
        0,
        "outside the dot stays transparent"
    );
}
