//! Storage is paid for: a licence holds `GrantDeposit` from the owner that granted it while it
//! exists; every owner-made log entry holds `ActivityDeposit`, kept with the record for good and
//! moving with it to each new owner.

use super::*;
use polkadot_sdk::{
	frame_support::{assert_noop, traits::fungible::Inspect as _},
	sp_runtime::TokenError,
};

fn grant_held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::DataOwnership(HoldReason::GrantDeposit), &who)
}

fn log_held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::DataOwnership(HoldReason::ActivityDeposit), &who)
}

fn offer_held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::DataOwnership(HoldReason::OfferDeposit), &who)
}

#[test]
fn a_pending_offer_holds_its_deposit_until_it_ends() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_eq!(offer_held(ALICE), OFFER_DEPOSIT);
		// Cancelled: back.
		assert_ok!(DataOwnership::cancel_offer(RuntimeOrigin::signed(ALICE), h(1)));
		assert_eq!(offer_held(ALICE), 0);
		// Accepted: back to the former owner; the new owner holds none.
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_ok!(DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)));
		assert_eq!((offer_held(ALICE), offer_held(BOB)), (0, 0));
		// Withdrawn by revoking the record: back.
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(BOB), h(1), CHARLIE, 10));
		assert_eq!(offer_held(BOB), OFFER_DEPOSIT);
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(BOB), h(1)));
		assert_eq!(offer_held(BOB), 0);
		assert!(Offers::<Test>::get(h(1)).is_none());
	});
}

fn grant(owner: u64, hash: ContentHash, to: u64) -> polkadot_sdk::sp_runtime::DispatchResult {
	DataOwnership::grant_access(RuntimeOrigin::signed(owner), hash, to, purpose(b"audit"), 50)
}

#[test]
fn a_licence_holds_its_deposit_until_revoked() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(grant(ALICE, h(1), BOB));
		assert_eq!(grant_held(ALICE), GRANT_DEPOSIT);
		// Renewing a licence already held costs no second deposit.
		assert_ok!(grant(ALICE, h(1), BOB));
		assert_eq!(grant_held(ALICE), GRANT_DEPOSIT);
		assert_ok!(grant(ALICE, h(1), CHARLIE));
		assert_eq!(grant_held(ALICE), 2 * GRANT_DEPOSIT);
		assert_ok!(DataOwnership::revoke_access(RuntimeOrigin::signed(ALICE), h(1), BOB));
		assert_eq!(last_event(), Event::AccessRevoked { hash: h(1), who: BOB });
		assert_eq!(grant_held(ALICE), GRANT_DEPOSIT);
	});
}

#[test]
fn licence_deposits_return_when_licences_end_with_the_ownership() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(grant(ALICE, h(1), CHARLIE));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_ok!(DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)));
		assert_eq!((grant_held(ALICE), grant_held(BOB)), (0, 0));
		// Purging ends the licences too, and returns their deposits.
		assert_ok!(grant(BOB, h(1), CHARLIE));
		assert_eq!(grant_held(BOB), GRANT_DEPOSIT);
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(BOB), h(1)));
		System::set_block_number(1 + PURGE_DELAY);
		assert_ok!(DataOwnership::purge(RuntimeOrigin::signed(BOB), h(1)));
		assert_eq!(grant_held(BOB), 0);
		assert_eq!(GrantCount::<Test>::get(h(1)), 0);
	});
}

#[test]
fn every_owner_entry_holds_a_deposit_that_stays_with_the_record() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_eq!((log_held(ALICE), LogDeposits::<Test>::get(h(1))), (ACTIVITY_DEPOSIT, 1));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_eq!(log_held(ALICE), 2 * ACTIVITY_DEPOSIT);
		// The new owner takes the log's deposit over from its own funds and pays for its own
		// entry; the former owner gets back all it held, and keeps everything it had.
		let (alice_total, bob_total) =
			(Balances::total_balance(&ALICE), Balances::total_balance(&BOB));
		assert_ok!(DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)));
		assert_eq!(Balances::total_balance(&ALICE), alice_total);
		assert_eq!(Balances::total_balance(&BOB), bob_total);
		assert_eq!((log_held(ALICE), log_held(BOB)), (0, 3 * ACTIVITY_DEPOSIT));
		assert_eq!(LogDeposits::<Test>::get(h(1)), 3 * ACTIVITY_DEPOSIT);
		assert_eq!(ActivityCount::<Test>::get(h(1)), 3);
		// The log outlives the content: purging frees the metadata's deposit, not the log's.
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(BOB), h(1)));
		System::set_block_number(1 + PURGE_DELAY);
		assert_ok!(DataOwnership::purge(RuntimeOrigin::signed(BOB), h(1)));
		assert_eq!(held(BOB), BASE);
		assert_eq!(log_held(BOB), 5 * ACTIVITY_DEPOSIT);
		assert_eq!(LogDeposits::<Test>::get(h(1)), 5 * ACTIVITY_DEPOSIT);
	});
}

#[test]
fn no_licence_or_entry_without_its_deposit() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		// Alice spends all she has not held: a licence and a log entry find nothing to hold.
		use polkadot_sdk::frame_support::traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Preservation},
		};
		let spendable =
			Balances::reducible_balance(&ALICE, Preservation::Expendable, Fortitude::Polite);
		assert_ok!(Balances::transfer(&ALICE, &10, spendable, Preservation::Expendable));
		assert_noop!(grant(ALICE, h(1), BOB), TokenError::FundsUnavailable);
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10),
			TokenError::FundsUnavailable
		);
	});
}
