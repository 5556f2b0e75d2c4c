//! Small pictures of the data sets for the data set choice: a few hundred points from the
//! engine's own generators with a fixed seed, made once per data set and kept for the page's
//! life. The pixels are plain Rust (tested natively); the component only puts them on a canvas.

use std::cell::RefCell;
use std::rc::Rc;

use nn_core::data::{DataKind, generate};
use nn_core::rng::rng_for;
use nn_core::{Dataset, Domain, Task};
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::error::ViewError;
use crate::render::canvas::{context_2d, put_pixels};
use crate::render::colour::{NEGATIVE, POSITIVE, Rgb, diverging};

/// Width and height of a preview in canvas pixels.
pub const SIDE: usize = 64;
/// Name of the preview canvases in messages.
const NAME: &str = "data set preview";
/// The seed every preview is drawn from, so that previews never change.
const SEED: &str = "preview";
/// Points drawn for the generated data sets.
const POINTS: usize = 250;
/// Classes of the blobs preview (blobs differ from gauss by having more than two).
const BLOB_CLASSES: usize = 3;
/// Paper colour behind the points.
const PAPER: Rgb = Rgb(0xf7, 0xf8, 0xf9);
/// Colours of classes beyond the first two (after orange and blue).
const MORE_CLASSES: [Rgb; 4] = [
    Rgb(0x2c, 0xa0, 0x2c),
    Rgb(0x94, 0x67, 0xbd),
    Rgb(0xd6, 0x27, 0x28),
    Rgb(0x6b, 0x6e, 0x70),
];

/// The data set a preview shows for each choice: blobs with three classes, the others as the
/// lecture knows them.
pub fn preview_kind(key: &str) -> Option<Preview> {
    match key {
        "own" | "reg-own" => Some(Preview::Own),
        _ => DataKind::from_key(key, BLOB_CLASSES).map(Preview::Generated),
    }
}

/// RGBA pixels (`SIDE` x `SIDE`) of the preview of `kind`; plain paper if the engine refuses.
pub fn preview_pixels(kind: DataKind) -> Vec<u8> {
    let mut pixels = [PAPER.0, PAPER.1, PAPER.2, 255].repeat(SIDE * SIDE);
    let size = match kind {
        DataKind::Gate(_) => Some(1),
        DataKind::Digits => None,
        _ => Some(POINTS),
    };
    let data = match generate(kind, size, 0.0, &mut rng_for(SEED, kind.key())) {
        Ok(data) => data,
        Err(err) => {
            log::warn!("no preview of {}: {err}", kind.key());
            return pixels;
        }
    };
    match data.domain {
        Some(domain) => plot_points(&data, &domain, dot_radius(kind), &mut pixels),
        None => plot_digits(&data, &mut pixels),
    }
    pixels
}

/// Gates have four points, drawn large; generated sets have hundreds, drawn small.
fn dot_radius(kind: DataKind) -> usize {
    match kind {
        DataKind::Gate(_) => 5,
        _ => 1,
    }
}

/// The colour of a point with `target` under `task`.
fn point_colour(task: Task, target: f64) -> Rgb {
    match task {
        Task::Regression => diverging(target),
        Task::Classification { .. } => match target as usize {
            0 => NEGATIVE,
            1 => POSITIVE,
            k => MORE_CLASSES[(k - 2) % MORE_CLASSES.len()],
        },
    }
}

/// Draws every point of 1-D or 2-D data as a small square. 1-D regression puts the target on
/// the vertical axis; 1-D classification (NOT) draws its points on the middle line.
fn plot_points(data: &Dataset, domain: &Domain, radius: usize, pixels: &mut [u8]) {
    let middle = (domain.x2_min + domain.x2_max) / 2.0;
    for i in 0..data.len() {
        let row = data.row(i);
        let target = data.targets[i];
        let x2 = match (row.get(1), data.task) {
            (Some(&x2), _) => x2,
            (None, Task::Regression) => target,
            (None, _) => middle,
        };
        let Some((px, py)) = to_pixel(domain, row[0], x2) else {
            continue;
        };
        square(pixels, px, py, radius, point_colour(data.task, target));
    }
}

/// Pixel column and row of (`x1`, `x2`), or `None` off the domain or when not finite.
fn to_pixel(domain: &Domain, x1: f64, x2: f64) -> Option<(usize, usize)> {
    let last = (SIDE - 1) as f64;
    let fx = (x1 - domain.x1_min) / (domain.x1_max - domain.x1_min) * last;
    let fy = (domain.x2_max - x2) / (domain.x2_max - domain.x2_min) * last;
    let inside = |v: f64| v.is_finite() && (0.0..=last).contains(&v);
    (inside(fx) && inside(fy)).then(|| (fx.round() as usize, fy.round() as usize))
}

/// Fills the square of half-side `radius` around (`px`, `py`), clipped to the picture.
fn square(pixels: &mut [u8], px: usize, py: usize, radius: usize, colour: Rgb) {
    let rows = py.saturating_sub(radius)..=(py + radius).min(SIDE - 1);
    for y in rows {
        for x in px.saturating_sub(radius)..=(px + radius).min(SIDE - 1) {
            let at = (y * SIDE + x) * 4;
            pixels[at..at + 3].copy_from_slice(&[colour.0, colour.1, colour.2]);
        }
    }
}

/// Draws the first images of the digits 0, 1, 2 and 3 in a 2 x 2 tile, dark ink on paper.
fn plot_digits(data: &Dataset, pixels: &mut [u8]) {
    let cell = SIDE / 16;
    for digit in 0..4 {
        let Some(i) = data.targets.iter().position(|&t| t == digit as f64) else {
            continue;
        };
        let (left, top) = ((digit % 2) * SIDE / 2, (digit / 2) * SIDE / 2);
        for (p, &ink) in data.row(i).iter().enumerate() {
            let shade = (255.0 - ink.clamp(0.0, 16.0) / 16.0 * 220.0) as u8;
            let (x, y) = (left + (p % 8) * cell, top + (p / 8) * cell);
            fill_cell(pixels, x, y, cell, Rgb(shade, shade, shade));
        }
    }
}

/// Fills the `side` x `side` block whose top-left pixel is (`x`, `y`).
fn fill_cell(pixels: &mut [u8], x: usize, y: usize, side: usize, colour: Rgb) {
    for row in y..(y + side).min(SIDE) {
        for column in x..(x + side).min(SIDE) {
            let at = (row * SIDE + column) * 4;
            pixels[at..at + 3].copy_from_slice(&[colour.0, colour.1, colour.2]);
        }
    }
}

thread_local! {
    /// Previews made so far, by data set.
    static CACHE: RefCell<Vec<(DataKind, Rc<Vec<u8>>)>> = const { RefCell::new(Vec::new()) };
}

/// The preview of `kind`, made on first use and kept.
fn cached_pixels(kind: DataKind) -> Rc<Vec<u8>> {
    CACHE.with(|cache| {
        if let Some((_, pixels)) = cache.borrow().iter().find(|(k, _)| *k == kind) {
            return pixels.clone();
        }
        let pixels = Rc::new(preview_pixels(kind));
        cache.borrow_mut().push((kind, pixels.clone()));
        pixels
    })
}

/// The picture of "your own data": a few points of both classes around a plus sign, for
/// points yet to be added.
pub fn own_data_pixels() -> Vec<u8> {
    let mut pixels = [PAPER.0, PAPER.1, PAPER.2, 255].repeat(SIDE * SIDE);
    let points = [
        (12, 14, NEGATIVE),
        (20, 46, POSITIVE),
        (48, 12, POSITIVE),
        (50, 50, NEGATIVE),
    ];
    for (x, y, colour) in points {
        square(&mut pixels, x, y, 3, colour);
    }
    let ink = Rgb(0x5b, 0x67, 0x70);
    for offset in 0..17 {
        square(&mut pixels, 24 + offset, 32, 1, ink);
        square(&mut pixels, 32, 24 + offset, 1, ink);
    }
    pixels
}

/// What a preview shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Preview {
    /// A generated data set.
    Generated(DataKind),
    /// The user's own data.
    Own,
}

/// Properties of [`DatasetPreview`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The data set to show.
    pub preview: Preview,
}

/// A small canvas showing a data set. Decorative: the choice it sits in carries the name.
#[function_component(DatasetPreview)]
pub fn dataset_preview(props: &Props) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.preview, move |&preview| {
            let pixels = match preview {
                Preview::Generated(kind) => cached_pixels(kind),
                Preview::Own => Rc::new(own_data_pixels()),
            };
            let result = canvas
                .cast::<HtmlCanvasElement>()
                .ok_or(ViewError::MissingCanvas(NAME))
                .and_then(|canvas| context_2d(&canvas, NAME))
                .and_then(|context| put_pixels(&context, NAME, &pixels, SIDE as u32));
            if let Err(err) = result {
                log::error!("{err}");
            }
        });
    }
    html! {
        <canvas ref={canvas} class="preview" aria-hidden="true"
            width={SIDE.to_string()} height={SIDE.to_string()} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colours(pixels: &[u8]) -> std::collections::BTreeSet<[u8; 3]> {
        pixels.chunks_exact(4).map(|p| [p[0], p[1], p[2]]).collect()
    }

    #[test]
    fn every_data_set_has_a_preview_with_points_on_paper() {
        let keys = [
            "circle",
            "xor",
            "gauss",
            "spiral",
            "blobs",
            "gate-and",
            "gate-or",
            "gate-nand",
            "gate-xor",
            "gate-not",
            "digits",
            "reg-plane",
            "reg-gauss",
            "reg-curve",
            "own",
            "reg-own",
        ];
        for key in keys {
            let pixels = match preview_kind(key).unwrap() {
                Preview::Generated(kind) => preview_pixels(kind),
                Preview::Own => own_data_pixels(),
            };
            assert_eq!(pixels.len(), SIDE * SIDE * 4, "{key}");
            assert!(colours(&pixels).len() >= 2, "{key} shows nothing");
        }
    }

    #[test]
    fn two_class_previews_use_the_class_colours_and_blobs_a_third() {
        let circle = colours(&preview_pixels(DataKind::Circle));
        let rgb = |c: Rgb| [c.0, c.1, c.2];
        assert_eq!(circle.len(), 3, "paper, orange and blue");
        assert!(circle.contains(&rgb(NEGATIVE)) && circle.contains(&rgb(POSITIVE)));
        let blobs = colours(&preview_pixels(DataKind::Blobs {
            classes: BLOB_CLASSES,
        }));
        assert!(blobs.contains(&rgb(MORE_CLASSES[0])));
    }

    #[test]
    fn previews_are_the_same_every_time() {
        assert_eq!(
            preview_pixels(DataKind::Spiral),
            preview_pixels(DataKind::Spiral)
        );
    }

    #[test]
    fn points_off_the_domain_are_skipped() {
        let domain = Domain::square(1.0);
        assert_eq!(to_pixel(&domain, -1.0, 1.0), Some((0, 0)));
        assert_eq!(to_pixel(&domain, 1.0, -1.0), Some((SIDE - 1, SIDE - 1)));
        assert_eq!(to_pixel(&domain, 2.0, 0.0), None);
        assert_eq!(to_pixel(&domain, f64::NAN, 0.0), None);
    }
}
