use super::*;
use polkadot_sdk::{frame_support::assert_noop, sp_runtime::DispatchError};

fn nodes(ids: &[&[u8]]) -> Vec<Vec<u8>> {
	ids.iter().map(|i| i.to_vec()).collect()
}

#[test]
fn governance_inputs_one_over_their_bound_are_refused_by_name() {
	ExtBuilder.build_and_execute(|| {
		// The mock allows 2 scopes per jurisdiction, 2 nodes per regulator, 64-byte peer ids.
		let appoint = |jurisdiction, nodes| {
			Regulatory::appoint(RuntimeOrigin::root(), 4, jurisdiction, nodes)
		};
		assert_noop!(
			appoint(JurisdictionInput::Scopes(vec![1, 2, 3]), nodes(&[])),
			Error::<Test>::TooManyScopes
		);
		assert_noop!(
			appoint(JurisdictionInput::ChainWide, nodes(&[b"a", b"b", b"c"])),
			Error::<Test>::TooManyNodes
		);
		assert_noop!(
			appoint(JurisdictionInput::ChainWide, vec![vec![7u8; 65]]),
			Error::<Test>::PeerIdTooLong
		);
		// At the bound, all is well.
		assert_ok!(appoint(JurisdictionInput::Scopes(vec![1, 2]), vec![vec![7u8; 64]]));
		assert_eq!(last_event(), Event::Appointed { who: 4 });
		// A pause naming a pallet or call one byte over `MAX_CALL_NAME_LEN`.
		let long = vec![b'p'; MAX_CALL_NAME_LEN as usize + 1];
		let over =
			FirewallActionInput::<u64, u64>::Pause { pallet: long.clone(), call: None, until: 9 };
		assert_noop!(
			Regulatory::propose(RuntimeOrigin::signed(REG_A), over, None, reason(b"x")),
			Error::<Test>::CallNameTooLong
		);
		let over = FirewallActionInput::<u64, u64>::Unpause {
			pallet: b"Balances".to_vec(),
			call: Some(long),
		};
		assert_noop!(
			Regulatory::act(RuntimeOrigin::root(), over, reason(b"x")),
			Error::<Test>::CallNameTooLong
		);
	});
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
			JurisdictionInput::ChainWide,
			nodes(&[b"peer-d"])
		));
		assert_eq!(last_event(), Event::Appointed { who: 4 });
		assert_eq!(RegulatorCount::<Test>::get(), 4);
		assert_eq!(
			Regulators::<Test>::get(4)
				.unwrap()
				.nodes
				.into_iter()
				.map(|n| n.into_inner())
				.collect::<Vec<_>>(),
			nodes(&[b"peer-d"])
		);
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
				JurisdictionInput::ChainWide,
				nodes(&[])
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Regulatory::appoint(
				RuntimeOrigin::root(),
				REG_A,
				JurisdictionInput::ChainWide,
				nodes(&[])
			),
			Error::<Test>::AlreadyRegulator
		);
		assert_ok!(Regulatory::appoint(
			RuntimeOrigin::root(),
			4,
			JurisdictionInput::ChainWide,
			nodes(&[])
		));
		// MaxRegulators is 4.
		assert_noop!(
			Regulatory::appoint(RuntimeOrigin::root(), 5, JurisdictionInput::ChainWide, nodes(&[])),
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
			JurisdictionInput::ChainWide,
			nodes(&[b"validator", b"shared"])
		));
		assert_ok!(Regulatory::appoint(
			RuntimeOrigin::root(),
			5,
			JurisdictionInput::ChainWide,
			nodes(&[b"shared"])
		));
		assert_eq!(LicensedBy::<Test>::get(name::<PeerIdOf<Test>>(b"validator")), None);
		assert_eq!(LicensedBy::<Test>::get(name::<PeerIdOf<Test>>(b"shared")), Some(4));
		// Dismissing 4 cuts neither the validator off nor regulator 5's node.
		assert_ok!(Regulatory::dismiss(RuntimeOrigin::root(), 4));
		assert!(licensed(b"validator"));
		assert!(licensed(b"shared"));
		assert_eq!(LicensedBy::<Test>::get(name::<PeerIdOf<Test>>(b"shared")), Some(5));
		// The last licence goes with regulator 5.
		assert_ok!(Regulatory::dismiss(RuntimeOrigin::root(), 5));
		assert!(!licensed(b"shared"));
		assert!(licensed(b"validator"));
		assert_eq!(LicensedBy::<Test>::get(name::<PeerIdOf<Test>>(b"shared")), None);
	});
}
