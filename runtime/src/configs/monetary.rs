//! The native token: balances and transaction fees.

use crate::{
	Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System,
	EXISTENTIAL_DEPOSIT, MICRO_UNIT,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
		weights::{ConstantMultiplier, IdentityFee},
	},
	pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment},
	sp_runtime::{traits::One, FixedPointNumber, Perquintill},
	*,
};

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees rise while blocks are more than a quarter full (of the normal class) and fall back
	/// when they are less: congestion costs, a quiet chain stays at base fees.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast: with every block full, fees double in about 925 blocks (an hour and a half of
	/// 6-second blocks) — sustained flooding becomes expensive within the hour, a short burst
	/// barely moves them. (Polkadot's 0.000075 takes about a day.)
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(1, 1_000);
	/// Fees never fall below the base fee...
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	/// ...nor rise above 1,000 times it.
	pub MaximumMultiplier: Multiplier = Multiplier::saturating_from_integer(1_000);
}

/// Emits `FeeSkipped` for a transaction whose call is feeless (`#[pallet::feeless_if]`).
impl pallet_skip_feeless_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees are burnt: no treasury yet, and no validator should profit from congestion.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<MICRO_UNIT>>;
	// Feeless governance calls (a member's first vote, first commitment, matching reveal) stay
	// free at any multiplier: their bound is one per member and proposal, not the fee.
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

/// Fees go nowhere but the burn, so the fee benchmark needs no setup.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}
