use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

fn nodes(
	ids: &[&[u8]],
) -> BoundedVec<PeerIdOf<Test>, polkadot_sdk::frame_support::traits::ConstU32<2>> {
	BoundedVec::try_from(
		ids.iter().map(|i| BoundedVec::try_from(i.to_vec()).unwrap()).collect::<Vec<_>>(),
	)
	.unwrap()
}

#[test]
fn genesis_regulators() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(RegulatorCount::<Test>::get(), 3);
		assert_eq!(Threshold::<Test>::get(), 2);
		let all = Regulatory::regulators();
		assert_eq!(all.len(), 3);
		assert!(Regulatory::licensed_nodes().contains(&b"peer-a".to_vec()));
	});
}

#[test]
fn appoint_and_dismiss() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Regulatory::appoint(
			RuntimeOrigin::root(),
			4,
			Jurisdiction::ChainWide,
			nodes(&[b"peer-d"])
		));
		assert_eq!(last_event(), Event::Appointed { who: 4 });
		assert_eq!(RegulatorCount::<Test>::get(), 4);
		assert_eq!(Regulators::<Test>::get(4).unwrap().nodes, nodes(&[b"peer-d"]));
		// Its node enters the network's register, and leaves it on dismissal.
		assert!(crate::mock::LICENSED.with(|l| l.borrow().contains(&b"peer-d".to_vec())));
		assert_ok!(Regulatory::dismiss(RuntimeOrigin::root(), 4));
		assert!(crate::mock::LICENSED.with(|l| l.borrow().is_empty()));
		assert_eq!(last_event(), Event::Dismissed { who: 4 });
		assert!(Regulators::<Test>::get(4).is_none());
		assert_eq!(RegulatorCount::<Test>::get(), 3);
	});
}

#[test]
fn regulator_errors() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Regulatory::appoint(
				RuntimeOrigin::signed(REG_A),
				4,
				Jurisdiction::ChainWide,
				nodes(&[])
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Regulatory::appoint(RuntimeOrigin::root(), REG_A, Jurisdiction::ChainWide, nodes(&[])),
			Error::<Test>::AlreadyRegulator
		);
		assert_ok!(Regulatory::appoint(
			RuntimeOrigin::root(),
			4,
			Jurisdiction::ChainWide,
			nodes(&[])
		));
		// MaxRegulators is 4.
		assert_noop!(
			Regulatory::appoint(RuntimeOrigin::root(), 5, Jurisdiction::ChainWide, nodes(&[])),
			Error::<Test>::TooManyRegulators
		);
		assert_noop!(
			Regulatory::dismiss(RuntimeOrigin::root(), CITIZEN),
			Error::<Test>::NotRegulator
		);
		assert_noop!(
			Regulatory::dismiss(RuntimeOrigin::signed(REG_A), REG_B),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn set_threshold() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Regulatory::set_threshold(RuntimeOrigin::root(), 3));
		assert_eq!(last_event(), Event::ThresholdSet { threshold: 3 });
		assert_eq!(Threshold::<Test>::get(), 3);
		assert_noop!(
			Regulatory::set_threshold(RuntimeOrigin::root(), 0),
			Error::<Test>::InvalidThreshold
		);
		assert_noop!(
			Regulatory::set_threshold(RuntimeOrigin::root(), 5),
			Error::<Test>::InvalidThreshold
		);
		assert_noop!(
			Regulatory::set_threshold(RuntimeOrigin::signed(REG_A), 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_node_licensed_twice_stays_until_its_last_licence_goes() {
	let licensed =
		|node: &[u8]| crate::mock::LICENSED.with(|l| l.borrow().contains(&node.to_vec()));
	ExtBuilder.build_and_execute(|| {
		// Room for two more regulators (at most four).
		assert_ok!(Regulatory::dismiss(RuntimeOrigin::root(), REG_LOCAL));
		// Governance licensed a validator's node on its own.
		crate::mock::LICENSED.with(|l| l.borrow_mut().insert(b"validator".to_vec()));
		assert_ok!(Regulatory::appoint(
			RuntimeOrigin::root(),
			4,
			Jurisdiction::ChainWide,
			nodes(&[b"validator", b"shared"])
		));
		assert_ok!(Regulatory::appoint(
			RuntimeOrigin::root(),
			5,
			Jurisdiction::ChainWide,
			nodes(&[b"shared"])
		));
		assert_eq!(LicensedBy::<Test>::get(name(b"validator")), None);
		assert_eq!(LicensedBy::<Test>::get(name(b"shared")), Some(4));
		// Dismissing 4 cuts neither the validator off nor regulator 5's node.
		assert_ok!(Regulatory::dismiss(RuntimeOrigin::root(), 4));
		assert!(licensed(b"validator"));
		assert!(licensed(b"shared"));
		assert_eq!(LicensedBy::<Test>::get(name(b"shared")), Some(5));
		// The last licence goes with regulator 5.
		assert_ok!(Regulatory::dismiss(RuntimeOrigin::root(), 5));
		assert!(!licensed(b"shared"));
		assert!(licensed(b"validator"));
		assert_eq!(LicensedBy::<Test>::get(name(b"shared")), None);
	});
}
