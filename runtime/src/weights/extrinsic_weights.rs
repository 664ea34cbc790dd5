//! SEAL: sha256 c024efcaf730d1e1c03a3f5ee6d368b9be6c74e94f4ea9fca8495093d4a799e9 (written by scripts/benchmark.sh; a hand edit breaks it)
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-11-27 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! SHORT-NAME: `extrinsic`, LONG-NAME: `ExtrinsicBase`, RUNTIME: `Polity Development`
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
	/// Weight of executing a NO-OP extrinsic, for example `System::remark`.
	/// Calculated by multiplying the *Average* with `1.0` and adding `0`.
	///
	/// Stats nanoseconds:
	///   Min, Max: 85_168, 89_064
	///   Average:  86_595
	///   Median:   86_469
	///   Std-Dev:  817.1
	///
	/// Percentiles nanoseconds:
	///   99th: 88_256
	///   95th: 88_029
	///   75th: 87_178
	pub const ExtrinsicBaseWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul(86_595), 0);
}

#[cfg(test)]
mod test_weights {
	use polkadot_sdk::frame_support::weights::constants;

	/// Checks that the weight exists and is sane.
	// NOTE: If this test fails but you are sure that the generated values are fine,
	// you can delete it.
	#[test]
	fn sane() {
		let w = super::ExtrinsicBaseWeight::get();

		// At least 10 µs.
		assert!(
			w.ref_time() >= 10u64 * constants::WEIGHT_REF_TIME_PER_MICROS,
			"Weight should be at least 10 µs."
		);
		// At most 1 ms.
		assert!(
			w.ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
			"Weight should be at most 1 ms."
		);
	}
}
