//! SEAL: sha256 cd1a48a72355e08ea80d56685482d07ceaf31aae2ab31a83e4ab0d1e451eb847 (written by scripts/benchmark.sh; a hand edit breaks it)
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-11-27 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `Polity Development`
//! BLOCK-NUM: `Number(0)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `2`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `/work/main/runtime/src/weights`
//! METRIC: `Average`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/polity/target/release/polity-node
//   benchmark
//   storage
//   --chain
//   /tmp/tmp.0afr49uetQ/populated.json
//   --base-path
//   /tmp/tmp.0afr49uetQ/db
//   --database
//   paritydb
//   --state-version
//   1
//   --weight-path
//   /work/main/runtime/src/weights
//   --warmups
//   2
//   --keys-limit
//   5000
//   --batch-size
//   1000
//   --random-seed
//   7

/// Storage DB weights for the `Polity Development` runtime and `ParityDb`.
pub mod constants {
	use polkadot_sdk::frame_support::weights::constants;
	use polkadot_sdk::frame_support::weights::RuntimeDbWeight;
	use polkadot_sdk::sp_core::parameter_types;

	parameter_types! {
		/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights
		/// are available for brave runtime engineers who may want to try this out as default.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 611, 60_621
			///   Average:  3_115
			///   Median:   2_604
			///   Std-Dev:  2594.07
			///
			/// Percentiles nanoseconds:
			///   99th: 6_580
			///   95th: 4_727
			///   75th: 3_495
			read: 3_115 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 7_345, 32_815
			///   Average:  15_459
			///   Median:   9_512
			///   Std-Dev:  9741.34
			///
			/// Percentiles nanoseconds:
			///   99th: 32_815
			///   95th: 32_815
			///   75th: 19_583
			write: 15_459 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use polkadot_sdk::frame_support::weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
