//! `polity-fuzz [--seed S] [--seeds N] [--steps M]`: runs the stateful fuzzer over `N` seeds
//! from `S`, `M` steps each; prints what each run did, and exits non-zero on any finding.

fn arg(name: &str, default: u64) -> u64 {
	let args: Vec<String> = std::env::args().collect();
	args.iter()
		.position(|a| a == name)
		.and_then(|i| args.get(i + 1))
		.map(|v| v.parse().unwrap_or_else(|_| panic!("{name} takes a number, not {v}")))
		.unwrap_or(default)
}

fn main() {
	let seed = arg("--seed", 1);
	let seeds = arg("--seeds", 1);
	let steps = arg("--steps", 20_000);
	let started = std::time::Instant::now();
	let (mut calls, mut blocks, mut findings) = (0u64, 0u64, 0usize);
	for seed in seed..seed.saturating_add(seeds) {
		let report = polity_fuzz::run(seed, steps);
		println!(
			"seed {}: {} calls ({} succeeded, {} dropped by the firewall), {} blocks, {} proposals \
			 ({} passed), {} firewall actions, {} findings",
			report.seed,
			report.calls,
			report.succeeded,
			report.dropped,
			report.blocks,
			report.proposals.0,
			report.proposals.1,
			report.actions,
			report.findings.len()
		);
		for finding in &report.findings {
			println!("  FINDING {finding}");
		}
		calls += report.calls;
		blocks += report.blocks;
		findings += report.findings.len();
		if seeds == 1 {
			println!("  calls by pallet: {:?}", report.by_pallet);
			let mut errors: Vec<_> = report.errors.iter().collect();
			errors.sort_by(|a, b| b.1.cmp(a.1));
			println!("  most frequent errors: {:?}", &errors[..errors.len().min(15)]);
		}
	}
	println!(
		"{seeds} seeds: {calls} calls, {blocks} blocks, {findings} findings in {:.1} s",
		started.elapsed().as_secs_f64()
	);
	if findings > 0 {
		std::process::exit(1);
	}
}
