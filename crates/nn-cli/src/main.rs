//! `nn-playground`: trains a playground link's network from the command line, for teachers
//! preparing a lecture, for reproducing a run, and for benchmarks.
//!
//! `train` prints one JSON object per reported epoch on stdout; warnings about the link and a
//! seed drawn for a link without one go to stderr. Exit status: 0 when training ran (also when
//! it diverged), 1 when the engine refused the settings, 2 for bad command-line usage.
#![warn(missing_docs)]

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{Parser, Subcommand};
use playground_model::link::{decode, encode, seed_from_unit};
use playground_model::{Decoded, Readout, Session};

/// Examples shown by `--help`.
const EXAMPLES: &str = "Examples:
  nn-playground train --config 'dataset=xor&networkShape=8,8&seed=0.5' --epochs 300 --every 50
  nn-playground train --config 'https://example.org/playground/#preset=digits-mlp' --epochs 20
  nn-playground config --config '#noise=2000&batchSize=1000'";

/// The command line.
#[derive(Debug, Parser)]
#[command(name = "nn-playground", version, about, after_help = EXAMPLES)]
struct Cli {
    /// What to do.
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Train the network a link describes and print its losses as JSON lines.
    #[command(after_help = "Example:
  nn-playground train --config 'dataset=xor&networkShape=8,8&seed=0.5' --epochs 300 --every 50

Prints epoch 0 (before training), every K-th epoch and always the last, one object a line:
  {\"epoch\":300,\"train_loss\":0.01,\"test_loss\":0.02,\"train_accuracy\":1.0,\
\"test_accuracy\":0.99,\"diverged\":false}
A value is null when it does not apply or is not finite.")]
    Train {
        /// A playground link: a whole URL, a fragment with or without '#', or '' for defaults.
        #[arg(long, default_value = "")]
        config: String,
        /// Number of epochs to train.
        #[arg(long)]
        epochs: u64,
        /// Report every K-th epoch (the first and the last are always reported).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
        every: u64,
    },
    /// Print the canonical form of a link (warnings about its values go to stderr).
    #[command(after_help = "Example:
  nn-playground config --config '#noise=2000&batchSize=1000'")]
    Config {
        /// A playground link: a whole URL, a fragment with or without '#', or '' for defaults.
        #[arg(long, default_value = "")]
        config: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Train {
            config,
            epochs,
            every,
        } => train(&config, epochs, every),
        Command::Config { config } => print_canonical(&config),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Decodes a link, reporting its warnings and any drawn seed on stderr.
fn read_link(link: &str) -> Decoded {
    let decoded = decode(link, fresh_seed);
    for warning in &decoded.warnings {
        eprintln!("warning: {warning}");
    }
    if decoded.drew_seed {
        eprintln!(
            "note: the link has no seed; drew seed={}",
            decoded.config.seed
        );
    }
    decoded
}

/// A seed in TensorFlow Playground's style from the clock and the process id.
fn fresh_seed() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mixed = (nanos as u64 ^ u64::from(std::process::id())).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    seed_from_unit((mixed >> 11) as f64 / (1u64 << 53) as f64)
}

/// `train`: epoch 0, then every `every`-th epoch and the last (or the one that diverged).
fn train(link: &str, epochs: u64, every: u64) -> Result<(), String> {
    let config = read_link(link).config;
    let mut session = Session::new(config).map_err(|error| error.to_string())?;
    let mut out = BufWriter::new(io::stdout().lock());
    print_readout(&mut out, &session.readout())?;
    for epoch in 1..=epochs {
        let readout = session.step().map_err(|error| error.to_string())?;
        if readout.diverged || epoch % every == 0 || epoch == epochs {
            print_readout(&mut out, &readout)?;
        }
        if readout.diverged {
            break;
        }
    }
    out.flush().map_err(|error| error.to_string())
}

/// Writes one readout as a JSON line (`None` becomes `null`).
fn print_readout(out: &mut impl Write, readout: &Readout) -> Result<(), String> {
    let line = serde_json::to_string(readout).map_err(|error| error.to_string())?;
    writeln!(out, "{line}").map_err(|error| error.to_string())
}

/// `config`: the canonical link on stdout.
fn print_canonical(link: &str) -> Result<(), String> {
    println!("{}", encode(&read_link(link).config));
    Ok(())
}
