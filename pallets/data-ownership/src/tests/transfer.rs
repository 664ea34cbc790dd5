use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::TokenError};

#[test]
fn offer_and_accept_moves_ownership_and_deposit() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		let deposit = held(ALICE);
		assert_ok!(DataOwnership::grant_access(
			RuntimeOrigin::signed(ALICE),
			h(1),
			CHARLIE,
			purpose(b"audit"),
			50
		));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_eq!(
			last_event(),
			Event::TransferOffered { hash: h(1), from: ALICE, to: BOB, expires: 10 }
		);
		// Nothing changes until Bob accepts.
		assert_eq!(Records::<Test>::get(h(1)).unwrap().owner, ALICE);
		assert_ok!(DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)));
		assert_eq!(last_event(), Event::Transferred { hash: h(1), from: ALICE, to: BOB });
		let r = Records::<Test>::get(h(1)).unwrap();
		assert_eq!((r.owner, r.registrant), (BOB, ALICE));
		assert_eq!((held(ALICE), held(BOB)), (0, deposit));
		assert!(!RecordsByOwner::<Test>::contains_key(ALICE, h(1)));
		assert!(RecordsByOwner::<Test>::contains_key(BOB, h(1)));
		assert!(Offers::<Test>::get(h(1)).is_none());
		// Licences are cleared: the new owner decides.
		assert!(!DataOwnership::has_access(h(1), &CHARLIE));
		assert_eq!(GrantCount::<Test>::get(h(1)), 0);
	});
}

#[test]
fn cancel_offer_works() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		assert_ok!(DataOwnership::cancel_offer(RuntimeOrigin::signed(ALICE), h(1)));
		assert_eq!(last_event(), Event::OfferCancelled { hash: h(1) });
		assert_noop!(
			DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)),
			Error::<Test>::OfferNotFound
		);
	});
}

#[test]
fn an_expired_offer_cannot_be_accepted() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10));
		System::set_block_number(10);
		System::set_block_number(11);
		assert_noop!(
			DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)),
			Error::<Test>::OfferExpired
		);
		// The owner can clear it and offer again.
		assert_ok!(DataOwnership::cancel_offer(RuntimeOrigin::signed(ALICE), h(1)));
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 12));
	});
}

#[test]
fn transfer_errors() {
	ExtBuilder.build_and_execute(|| {
		register(ALICE, h(1));
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(9), BOB, 10),
			Error::<Test>::NotFound
		);
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(BOB), h(1), CHARLIE, 10),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), ALICE, 10),
			Error::<Test>::SelfTransfer
		);
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 1),
			Error::<Test>::InvalidExpiry
		);
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 2 + MAX_OFFER),
			Error::<Test>::InvalidExpiry
		);
		assert_ok!(DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), 11, 10));
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10),
			Error::<Test>::OfferAlreadyExists
		);
		assert_noop!(
			DataOwnership::accept_transfer(RuntimeOrigin::signed(BOB), h(1)),
			Error::<Test>::NotRecipient
		);
		// Account 11 cannot take the deposit over.
		assert_noop!(
			DataOwnership::accept_transfer(RuntimeOrigin::signed(11), h(1)),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			DataOwnership::cancel_offer(RuntimeOrigin::signed(BOB), h(1)),
			Error::<Test>::NotOwner
		);
		assert_ok!(DataOwnership::cancel_offer(RuntimeOrigin::signed(ALICE), h(1)));
		assert_noop!(
			DataOwnership::cancel_offer(RuntimeOrigin::signed(ALICE), h(1)),
			Error::<Test>::OfferNotFound
		);
		assert_ok!(DataOwnership::revoke(RuntimeOrigin::signed(ALICE), h(1)));
		assert_noop!(
			DataOwnership::offer_transfer(RuntimeOrigin::signed(ALICE), h(1), BOB, 10),
			Error::<Test>::NotActive
		);
	});
}
