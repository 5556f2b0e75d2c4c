//! How long decoding a link takes: a typical TensorFlow Playground link, and a 100 kB fragment
//! of garbage (a link edited by hand or by a fuzzer must still open at once).

use criterion::{Criterion, criterion_group, criterion_main};
use playground_model::decode;

const TF_LINK: &str = "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&\
    learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.74011&\
    showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&\
    xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&\
    collectStats=false&problem=classification&initZero=false&hideText=false";

fn huge_fragment() -> String {
    let mut fragment = String::from("#seed=1&networkShape=");
    fragment.push_str(&"8,".repeat(20_000));
    fragment.push_str("8&");
    fragment.push_str(&"junk%zz=1&x=maybe&".repeat(4_000));
    fragment
}

fn bench_decode(c: &mut Criterion) {
    let no_seed = || "0.5".to_string();
    c.bench_function("decode TensorFlow Playground link", |b| {
        b.iter(|| decode(TF_LINK, no_seed))
    });
    let huge = huge_fragment();
    c.bench_function("decode 100 kB fragment", |b| {
        b.iter(|| decode(&huge, no_seed))
    });
}

criterion_group!(benches, bench_decode);
criterion_main!(benches);
