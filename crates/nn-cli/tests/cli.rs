//! Runs the `nn-playground` binary as a user would.

use std::process::{Command, Output};

use serde_json::Value;

/// Runs the binary with `args`.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nn-playground"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `train` and returns its JSON lines, checking it exited with 0.
fn train(link: &str, epochs: &str, every: &str) -> Vec<Value> {
    let output = run(&[
        "train", "--config", link, "--epochs", epochs, "--every", every,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn reports_epoch_zero_every_kth_and_the_last_with_all_fields() {
    let lines = train("dataset=xor&seed=0.5", "25", "10");
    let epochs: Vec<u64> = lines
        .iter()
        .map(|line| line["epoch"].as_u64().unwrap())
        .collect();
    assert_eq!(epochs, [0, 10, 20, 25]);
    let keys: Vec<&str> = lines[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "epoch",
        "train_loss",
        "test_loss",
        "train_accuracy",
        "test_accuracy",
        "diverged",
    ];
    expected.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(lines[3]["diverged"], Value::Bool(false));
}

#[test]
fn same_link_and_seed_give_identical_output() {
    let args = [
        "train",
        "--config",
        "#dataset=spiral&networkShape=6,4&seed=0.31415",
        "--epochs",
        "40",
    ];
    let (first, second) = (run(&args), run(&args));
    assert_eq!(first.status.code(), Some(0));
    assert!(!first.stdout.is_empty());
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn a_diverging_run_says_so_and_prints_no_nan() {
    let link = "problem=regression&activation=relu&learningRate=10&batchSize=1&networkShape=8,8\
                &noise=50&seed=0.42182";
    let output = run(&[
        "train", "--config", link, "--epochs", "200", "--every", "50",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        !stdout.contains("NaN") && !stdout.contains("inf"),
        "{stdout}"
    );
    let last: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["diverged"], Value::Bool(true));
    assert!(last["epoch"].as_u64().unwrap() < 200);
    assert_eq!(
        last["train_accuracy"],
        Value::Null,
        "regression has no accuracy"
    );
}

#[test]
fn xor_with_two_hidden_layers_of_eight_reaches_95_percent() {
    // The check, with fixed seeds so the test is reproducible.
    for seed in ["0.1", "0.74011", "0.42182"] {
        let link = format!("dataset=xor&networkShape=8,8&seed={seed}");
        let lines = train(&link, "300", "300");
        let accuracy = lines.last().unwrap()["test_accuracy"].as_f64().unwrap();
        assert!(accuracy >= 0.95, "seed {seed}: test accuracy {accuracy}");
    }
}

#[test]
fn a_link_without_seed_reports_the_drawn_seed_on_stderr() {
    let output = run(&["train", "--config", "", "--epochs", "1"]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("drew seed=0."), "{stderr}");
    assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 2);
}

#[test]
fn config_prints_the_canonical_link_and_warns_on_stderr() {
    let output = run(&["config", "--config", "#noise=2000&batchSize=1000&seed=1"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("#v=1&activation=tanh&"), "{stdout}");
    assert!(
        stdout.contains("&batchSize=30&") && stdout.contains("&noise=50&"),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("noise") && stderr.contains("batchSize"),
        "{stderr}"
    );
}

#[test]
fn bad_usage_exits_with_2_and_help_shows_an_example() {
    assert_eq!(
        run(&["train", "--config", ""]).status.code(),
        Some(2),
        "no --epochs"
    );
    assert_eq!(run(&["train", "--epochs", "x"]).status.code(), Some(2));
    assert_eq!(
        run(&["train", "--epochs", "3", "--every", "0"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["fly"]).status.code(), Some(2));
    for args in [&["--help"][..], &["train", "--help"], &["config", "--help"]] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(0));
        assert!(
            String::from_utf8(output.stdout)
                .unwrap()
                .contains("nn-playground ")
        );
    }
}

#[test]
fn playground_2d_runs_match_scikit_learns_mean_test_accuracy() {
    // Reference: shared/reference/sklearn.json, playground_2d,
    // "lr0.03_batch10_1000epochs_no_early_stop": MLPClassifier((8, 8), tanh, adam,
    // learning rate 0.03, batch 10, 1000 epochs) over seeds 0..=4, mean test accuracy.
    let reference = [("circle", 1.0), ("xor", 0.9928), ("gauss", 1.0)];
    for (dataset, expected) in reference {
        let accuracies: Vec<f64> = (0..5)
            .map(|seed| {
                let link = format!(
                    "dataset={dataset}&networkShape=8,8&activation=tanh&optimizer=adam\
                     &loss=cross-entropy&learningRate=0.03&batchSize=10&init=glorot&seed={seed}"
                );
                let lines = train(&link, "1000", "1000");
                lines.last().unwrap()["test_accuracy"].as_f64().unwrap()
            })
            .collect();
        let mean = accuracies.iter().sum::<f64>() / accuracies.len() as f64;
        assert!(
            (mean - expected).abs() <= 0.03,
            "{dataset}: {accuracies:?} vs {expected}"
        );
    }
}
