//! The bounded, seeded fuzz run CI makes: eight seeds of 20,000 steps, every invariant after
//! every block.

/// Seeds run in CI; `POLITY_FUZZ_STEPS` sets the steps of each (20,000 by default).
const SEEDS: u64 = 8;

#[test]
fn seeded_runs_find_nothing() {
	let steps =
		std::env::var("POLITY_FUZZ_STEPS").ok().and_then(|s| s.parse().ok()).unwrap_or(20_000);
	let mut total = (0u64, 0u64, 0u64);
	for seed in 1..=SEEDS {
		let report = polity_fuzz::run(seed, steps);
		println!(
			"seed {seed}: {} calls ({} succeeded), {} blocks, {} why-refused answers checked",
			report.calls, report.succeeded, report.blocks, report.answers_checked
		);
		assert!(report.findings.is_empty(), "seed {seed}: {:#?}", report.findings);
		// The run reached the pallets' state, not just their first checks.
		assert!(report.succeeded > report.calls / 20, "too few calls succeeded: {report:?}");
		assert!(report.blocks > steps / 20);
		// Most calls are signed: their why-refused answers were compared with the dispatch.
		assert!(report.answers_checked > report.calls / 4, "too few answers checked: {report:?}");
		total = (total.0 + report.calls, total.1 + report.succeeded, total.2 + report.blocks);
	}
	println!("{SEEDS} seeds: {} calls, {} succeeded, {} blocks", total.0, total.1, total.2);
}
