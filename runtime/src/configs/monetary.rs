//! The native token: balances and transaction fees.

use crate::{
	Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System,
	EXISTENTIAL_DEPOSIT, MICRO_UNIT,
};
use polkadot_sdk::{
	frame_support::{
		dispatch::DispatchClass,
		parameter_types,
		traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
		weights::{IdentityFee, Weight, WeightToFee},
	},
	pallet_transaction_payment::{
		FungibleAdapter, Multiplier, MultiplierUpdate, NextFeeMultiplier, TargetedFeeAdjustment,
	},
	sp_runtime::{
		traits::{Convert, One},
		FixedPointNumber, Perquintill, Saturating,
	},
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

/// Congestion by weight: the upstream adjustment over the normal class's block weight.
type WeightFeeAdjustment = TargetedFeeAdjustment<
	Runtime,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;

/// The fee multiplier follows whichever is fuller, the normal class's block **weight** or the
/// block's **length**: a flood of long, light transactions (multi-megabyte remarks) raises
/// fees as surely as a flood of heavy ones. The same rule (target a quarter full, double in
/// about 925 full blocks) applies to each.
pub struct FeeAdjustment;
impl Convert<Multiplier, Multiplier> for FeeAdjustment {
	fn convert(previous: Multiplier) -> Multiplier {
		let by_weight = WeightFeeAdjustment::convert(previous);
		let max_len = u128::from(
			*crate::configs::system::RuntimeBlockLength::get().max.get(DispatchClass::Normal),
		)
		.max(1);
		// The block's length so far: its transactions, header and digest.
		let used = u128::from(frame_system::Pallet::<Runtime>::block_size());
		by_weight.max(adjust(previous.max(MinimumMultiplier::get()), used.min(max_len), max_len))
	}
}

impl MultiplierUpdate for FeeAdjustment {
	fn min() -> Multiplier {
		MinimumMultiplier::get()
	}
	fn max() -> Multiplier {
		MaximumMultiplier::get()
	}
	fn target() -> Perquintill {
		TargetBlockFullness::get()
	}
	fn variability() -> Multiplier {
		AdjustmentVariable::get()
	}
}

/// `previous` moved by the upstream rule for a block `used` of `max` full:
/// `previous · (1 + v·d + v²·d²/2)`, `d` the distance from the target fullness.
fn adjust(previous: Multiplier, used: u128, max: u128) -> Multiplier {
	let target = TargetBlockFullness::get().mul_floor(max);
	let diff = Multiplier::saturating_from_rational(used.abs_diff(target), max);
	let v = AdjustmentVariable::get();
	let first = v.saturating_mul(diff);
	let second = v
		.saturating_mul(v)
		.saturating_mul(diff.saturating_mul(diff))
		.saturating_mul(Multiplier::saturating_from_rational(1, 2));
	let moved = if used >= target {
		previous.saturating_add(first.saturating_add(second).saturating_mul(previous))
	} else {
		previous.saturating_sub(first.saturating_sub(second).saturating_mul(previous))
	};
	moved.clamp(MinimumMultiplier::get(), MaximumMultiplier::get())
}

/// The length fee: 1 µPOL a byte times the current fee multiplier, so under a sustained flood
/// length costs more, as weight does (upstream applies the multiplier to weight only).
pub struct LengthToFee;
impl WeightToFee for LengthToFee {
	type Balance = Balance;
	fn weight_to_fee(length: &Weight) -> Balance {
		let base = Balance::from(length.ref_time()).saturating_mul(MICRO_UNIT);
		NextFeeMultiplier::<Runtime>::get().saturating_mul_int(base)
	}
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees are burnt: no treasury yet, and no validator should profit from congestion.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = LengthToFee;
	// Feeless governance calls (a member's first vote, first commitment, matching reveal) stay
	// free at any multiplier: their bound is one per member and proposal, not the fee.
	type FeeMultiplierUpdate = FeeAdjustment;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

/// Fees go nowhere but the burn, so the fee benchmark needs no setup.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}
