//! SEAL: sha256 22bbd37a651f11f4a2b4ee75fe732b74ff9277433758de0edd65692d04d34629 (written by scripts/benchmark.sh; a hand edit breaks it)
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-11-27 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! SHORT-NAME: `block`, LONG-NAME: `BlockExecution`, RUNTIME: `Polity Development`
//! WARMUPS: `10`, REPEAT: `100`
//! WEIGHT-PATH: `/work/main/runtime/src/weights`
//! WEIGHT-METRIC: `Average`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/polity/target/release/polity-node
//   benchmark
//   overhead
//   --chain
//   dev
//   --wasm-execution
//   compiled
//   --weight-path
//   /work/main/runtime/src/weights
//   --warmup
//   10
//   --repeat
//   100

use polkadot_sdk::frame_support::weights::{constants::WEIGHT_REF_TIME_PER_NANOS, Weight};
use polkadot_sdk::sp_core::parameter_types;

parameter_types! {
	/// Weight of executing an empty block.
	/// Calculated by multiplying the *Average* with `1.0` and adding `0`.
	///
	/// Stats nanoseconds:
	///   Min, Max: 150_034, 592_053
	///   Average:  174_198
	///   Median:   154_060
	///   Std-Dev:  51689.42
	///
	/// Percentiles nanoseconds:
	///   99th: 364_704
	///   95th: 210_574
	///   75th: 192_367
	pub const BlockExecutionWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul(174_198), 0);
}

#[cfg(test)]
mod test_weights {
	use polkadot_sdk::frame_support::weights::constants;

	/// Checks that the weight exists and is sane.
	// NOTE: If this test fails but you are sure that the generated values are fine,
	// you can delete it.
	#[test]
	fn sane() {
		let w = super::BlockExecutionWeight::get();

		// At least 100 µs.
		assert!(
			w.ref_time() >= 100u64 * constants::WEIGHT_REF_TIME_PER_MICROS,
			"Weight should be at least 100 µs."
		);
		// At most 50 ms.
		assert!(
			w.ref_time() <= 50u64 * constants::WEIGHT_REF_TIME_PER_MILLIS,
			"Weight should be at most 50 ms."
		);
	}
}
