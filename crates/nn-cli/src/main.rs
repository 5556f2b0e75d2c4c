//! `nn-playground`: trains a playground link's network from the command line.

fn main() {}
