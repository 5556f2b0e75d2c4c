//! The readouts: epoch, training and test loss, and (for classification) accuracy.

use playground_model::Readout;
use yew::prelude::*;

/// Properties of [`Readouts`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The numbers to show.
    pub readout: Readout,
}

/// A loss with three decimals, or "n/a" when there is none (an empty test split, a diverged
/// run): never `NaN` or `inf`.
pub fn format_loss(loss: Option<f64>) -> String {
    match loss {
        Some(value) if value.is_finite() => format!("{value:.3}"),
        _ => "n/a".to_string(),
    }
}

/// A share as a whole percentage, or "n/a".
pub fn format_share(share: Option<f64>) -> String {
    match share {
        Some(value) if value.is_finite() => format!("{:.0} %", value * 100.0),
        _ => "n/a".to_string(),
    }
}

/// What a screen reader is told of the run, in one sentence: the epoch, the losses and, for
/// classification, the test accuracy.
pub fn announcement(r: &Readout) -> String {
    let mut text = format!(
        "Epoch {}: training loss {}, test loss {}",
        r.epoch,
        format_loss(r.train_loss),
        format_loss(r.test_loss)
    );
    if r.test_accuracy.is_some() {
        text.push_str(&format!(
            ", test accuracy {}",
            format_share(r.test_accuracy)
        ));
    }
    text.push('.');
    text
}

/// The readouts, each an `<output>` named by its visible label. They change every frame while
/// training, so they are not live regions themselves: the page announces the run through
/// [`announcement`] at most every few seconds.
#[function_component(Readouts)]
pub fn readouts(props: &Props) -> Html {
    let r = &props.readout;
    let classification = r.train_accuracy.is_some() || r.test_accuracy.is_some();
    html! {
        <div class="readouts">
            { readout("epoch", "Epoch", r.epoch.to_string()) }
            { readout("train-loss", "Training loss", format_loss(r.train_loss)) }
            { readout("test-loss", "Test loss", format_loss(r.test_loss)) }
            if classification {
                { readout("train-accuracy", "Training accuracy", format_share(r.train_accuracy)) }
                { readout("test-accuracy", "Test accuracy", format_share(r.test_accuracy)) }
            }
        </div>
    }
}

/// One labelled `<output>`.
fn readout(id: &'static str, label: &'static str, value: String) -> Html {
    let label_id = format!("{id}-label");
    html! {
        <>
            <span id={label_id.clone()}>{ label }</span>
            <output aria-labelledby={label_id} aria-live="off">{ value }</output>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn losses_show_three_decimals_and_never_a_non_finite_value() {
        assert_eq!(format_loss(Some(0.84549)), "0.845");
        assert_eq!(format_loss(None), "n/a");
        assert_eq!(format_loss(Some(f64::NAN)), "n/a");
        assert_eq!(format_loss(Some(f64::INFINITY)), "n/a");
    }

    #[test]
    fn the_announcement_reads_as_a_sentence_without_non_finite_numbers() {
        let readout = Readout {
            epoch: 120,
            train_loss: Some(0.12345),
            test_loss: Some(f64::NAN),
            train_accuracy: Some(0.9),
            test_accuracy: Some(0.875),
            diverged: false,
        };
        assert_eq!(
            announcement(&readout),
            "Epoch 120: training loss 0.123, test loss n/a, test accuracy 88 %."
        );
    }

    #[test]
    fn shares_show_as_whole_percentages() {
        assert_eq!(format_share(Some(0.956)), "96 %");
        assert_eq!(format_share(Some(f64::NAN)), "n/a");
    }
}
