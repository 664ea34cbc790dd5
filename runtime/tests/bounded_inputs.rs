//! Bad input is refused by name, by construction: no call of Polity's own pallets takes a bounded
//! type (`BoundedVec`, `BoundedBTreeSet`, …) as a parameter, at any depth. A bounded type fails
//! to *decode* one element or byte over its bound, and the pool meets a transaction that does not
//! decode as a wasm trap ("unreachable instruction executed"); an unbounded parameter decodes, and
//! the call bounds it first thing with a named error (`TitleTooLong`, `CallNameTooLong`, …).
//!
//! The walk reads the runtime's own metadata, so a new call or a new field is checked the day it
//! is added. It stops at `RuntimeCall` (a proposal's call): the calls inside are each checked
//! where they are defined, and upstream pallets' calls are not Polity's to change.

use polity_runtime::Runtime;
use polkadot_sdk::frame_support::__private::metadata::{
	v14::RuntimeMetadataV14, RuntimeMetadata, RuntimeMetadataPrefixed,
};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef};
use std::collections::BTreeSet;

const POLITY_PALLETS: [&str; 3] = ["StakeholderVoting", "DataOwnership", "RegulatoryNodes"];
const BOUNDED: [&str; 5] =
	["BoundedVec", "WeakBoundedVec", "BoundedBTreeMap", "BoundedBTreeSet", "BoundedSlice"];

fn metadata() -> RuntimeMetadataV14 {
	let RuntimeMetadataPrefixed(_, metadata) = Runtime::metadata();
	match metadata {
		RuntimeMetadata::V14(m) => m,
		_ => panic!("the runtime's default metadata is V14"),
	}
}

/// Every bounded type reachable from type `id`, as `where: Type`.
fn bounded_in(
	types: &PortableRegistry,
	id: u32,
	at: &str,
	seen: &mut BTreeSet<u32>,
	found: &mut Vec<String>,
) {
	if !seen.insert(id) {
		return;
	}
	let Some(ty) = types.resolve(id) else { return };
	let name = ty.path.segments.last().map(String::as_str).unwrap_or_default();
	if name == "RuntimeCall" {
		return;
	}
	if BOUNDED.contains(&name) {
		found.push(format!("{at}: {}", ty.path.segments.join("::")));
		return;
	}
	let mut walk =
		|id: u32, field: &str| bounded_in(types, id, &format!("{at}.{field}"), seen, found);
	match &ty.type_def {
		TypeDef::<PortableForm>::Composite(c) => {
			for (i, f) in c.fields.iter().enumerate() {
				walk(f.ty.id, f.name.as_deref().unwrap_or(&i.to_string()));
			}
		},
		TypeDef::Variant(v) => {
			for variant in &v.variants {
				for (i, f) in variant.fields.iter().enumerate() {
					let field = f.name.clone().unwrap_or(i.to_string());
					walk(f.ty.id, &format!("{}.{field}", variant.name));
				}
			}
		},
		TypeDef::Sequence(s) => walk(s.type_param.id, "[]"),
		TypeDef::Array(a) => walk(a.type_param.id, "[]"),
		TypeDef::Tuple(t) => {
			for (i, f) in t.fields.iter().enumerate() {
				walk(f.id, &i.to_string());
			}
		},
		TypeDef::Compact(c) => walk(c.type_param.id, "compact"),
		TypeDef::Primitive(_) | TypeDef::BitSequence(_) => {},
	}
}

#[test]
fn no_call_of_polity_takes_a_bounded_parameter() {
	let metadata = metadata();
	let mut found = Vec::new();
	let mut calls = 0;
	for pallet in metadata.pallets.iter().filter(|p| POLITY_PALLETS.contains(&p.name.as_str())) {
		let call_ty = pallet.calls.as_ref().expect("Polity's pallets have calls").ty.id;
		let TypeDef::Variant(variants) =
			&metadata.types.resolve(call_ty).expect("the call enum").type_def
		else {
			panic!("{}'s calls are an enum", pallet.name);
		};
		for call in &variants.variants {
			calls += 1;
			for field in &call.fields {
				// Each call starts afresh: a type already seen elsewhere is checked again here.
				let at = format!(
					"{}.{}.{}",
					pallet.name,
					call.name,
					field.name.as_deref().unwrap_or("_")
				);
				bounded_in(&metadata.types, field.ty.id, &at, &mut BTreeSet::new(), &mut found);
			}
		}
	}
	assert!(calls > 55, "the walk saw Polity's calls ({calls})");
	assert!(found.is_empty(), "call parameters that fail to decode over their bound: {found:#?}");
}

/// The walk finds what it looks for: the stored types behind the inputs are bounded.
#[test]
fn the_walk_finds_a_bounded_type_where_there_is_one() {
	let metadata = metadata();
	let regulators = metadata
		.pallets
		.iter()
		.find(|p| p.name == "RegulatoryNodes")
		.and_then(|p| p.storage.as_ref())
		.expect("RegulatoryNodes has storage");
	let motions = regulators.entries.iter().find(|e| e.name == "Motions").expect("Motions");
	let value = match &motions.ty {
		polkadot_sdk::frame_support::__private::metadata::v14::StorageEntryType::Map {
			value,
			..
		} => value.id,
		_ => panic!("Motions is a map"),
	};
	let mut found = Vec::new();
	bounded_in(&metadata.types, value, "Motions", &mut BTreeSet::new(), &mut found);
	assert!(
		found.iter().any(|f| f.contains("Motions.action.Pause.pallet")),
		"the stored action's names are bounded: {found:#?}"
	);
}
