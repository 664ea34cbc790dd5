//! `polity-receipt` in the browser: `verifyReceipt(receiptJson, chainSpecJson)` runs the same
//! checks as `polity-node verify-receipt --chain <raw spec>` — trust root from the spec's
//! genesis storage, every authority-set change since genesis, GRANDPA finality, header, storage
//! proof — and answers in JSON. Built for `wasm32-unknown-unknown` with sp-io's native code (no
//! `substrate_runtime`), so the module imports no Substrate host functions
//! (`scripts/build-verifier.sh` checks its imports).

use polity_receipt::{ProvenStatus, Receipt, TrustRoot, Verified};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::wasm_bindgen;

/// Checks `receipt_json` against the raw chain spec `chain_spec_json`; returns the verdict as
/// JSON: `{ valid: true, contentHash, blockHash, blockNumber, setId, finalizedNumber, genesisHash,
/// record: { owner, registrant, registeredAt, timestamp, title, version, status } }` or
/// `{ valid: false, link, detail }` naming the first broken link (`ForgedHeader`,
/// `WrongAuthoritySet`, `TooFewSignatures`, … as the CLI names them).
#[wasm_bindgen(js_name = verifyReceipt)]
pub fn verify_receipt(receipt_json: &str, chain_spec_json: &str) -> String {
	verdict(receipt_json, chain_spec_json).to_string()
}

/// The verdict as a JSON value (see [`verify_receipt`]).
pub fn verdict(receipt_json: &str, chain_spec_json: &str) -> Value {
	let broken =
		|link: &str, detail: String| json!({ "valid": false, "link": link, "detail": detail });
	let root = match trust_root(chain_spec_json) {
		Ok(root) => root,
		Err(detail) => return broken("TrustRoot", detail),
	};
	let receipt = match Receipt::from_json(receipt_json) {
		Ok(receipt) => receipt,
		Err(b) => return broken(b.link.name(), b.detail),
	};
	match polity_receipt::verify(&receipt, &root) {
		Ok(verified) => valid(&verified, &root),
		Err(b) => broken(b.link.name(), b.detail),
	}
}

/// The trust root of a raw chain spec: its genesis storage (`genesis.raw.top`, hex keys and
/// values); a spec that is not raw, or has child storage, is refused.
pub fn trust_root(chain_spec_json: &str) -> Result<TrustRoot, String> {
	let spec: Value = serde_json::from_str(chain_spec_json)
		.map_err(|e| format!("the chain spec is not JSON: {e}"))?;
	let raw = spec
		.pointer("/genesis/raw")
		.ok_or("the chain spec is not raw (no genesis.raw): export it with --raw")?;
	if raw.get("childrenDefault").and_then(Value::as_object).is_some_and(|c| !c.is_empty()) {
		return Err(
			"the chain spec has child storage at genesis, which receipts do not support".into()
		);
	}
	let top = raw.get("top").and_then(Value::as_object).ok_or("genesis.raw.top is missing")?;
	let mut storage = BTreeMap::new();
	for (key, value) in top {
		let value =
			value.as_str().ok_or_else(|| format!("genesis value of {key} is not a string"))?;
		storage.insert(hex(key)?, hex(value)?);
	}
	TrustRoot::from_genesis_storage(&storage).map_err(|b| format!("bad chain spec: {}", b.detail))
}

fn hex(s: &str) -> Result<Vec<u8>, String> {
	let digits = s.strip_prefix("0x").unwrap_or(s);
	if !digits.len().is_multiple_of(2) {
		return Err(format!("odd-length hex: {s:.20}"));
	}
	(0..digits.len())
		.step_by(2)
		.map(|i| {
			digits
				.get(i..i + 2)
				.and_then(|pair| u8::from_str_radix(pair, 16).ok())
				.ok_or_else(|| format!("not hex: {s:.20}"))
		})
		.collect()
}

fn hex_of(bytes: &[u8]) -> String {
	let mut out = String::with_capacity(2 + bytes.len() * 2);
	out.push_str("0x");
	for b in bytes {
		out.push_str(&format!("{b:02x}"));
	}
	out
}

fn valid(v: &Verified, root: &TrustRoot) -> Value {
	let r = &v.record;
	let status = match r.status {
		ProvenStatus::Active => json!("Active"),
		ProvenStatus::Superseded { by } => json!({ "Superseded": { "by": hex_of(by.as_bytes()) } }),
		ProvenStatus::Revoked { at } => json!({ "Revoked": { "at": at } }),
		ProvenStatus::Purged { at } => json!({ "Purged": { "at": at } }),
	};
	json!({
		"valid": true,
		"contentHash": hex_of(v.content_hash.as_bytes()),
		"blockHash": hex_of(v.block_hash.as_bytes()),
		"blockNumber": v.block_number,
		"setId": v.set_id,
		"finalizedNumber": v.finalized_number,
		"genesisHash": hex_of(root.genesis_hash.as_bytes()),
		"record": {
			"owner": hex_of(r.owner.as_ref()),
			"registrant": hex_of(r.registrant.as_ref()),
			"registeredAt": r.registered_at,
			"timestamp": r.timestamp,
			"title": String::from_utf8_lossy(&r.title),
			"version": r.version,
			"status": status,
		},
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	fn link(v: &Value) -> &str {
		v["link"].as_str().unwrap_or("")
	}

	#[test]
	fn a_spec_that_cannot_be_a_trust_root_is_named() {
		let receipt = "{}";
		let not_json = verdict(receipt, "not json");
		assert_eq!((not_json["valid"].as_bool(), link(&not_json)), (Some(false), "TrustRoot"));
		let plain = verdict(receipt, r#"{"genesis":{"runtimeGenesis":{}}}"#);
		assert!(plain["detail"].as_str().unwrap_or("").contains("not raw"), "{plain}");
		let children =
			verdict(receipt, r#"{"genesis":{"raw":{"top":{},"childrenDefault":{"0x00":{}}}}}"#);
		assert!(children["detail"].as_str().unwrap_or("").contains("child storage"), "{children}");
		let bad_hex = verdict(receipt, r#"{"genesis":{"raw":{"top":{"0xzz":"0x00"}}}}"#);
		assert!(bad_hex["detail"].as_str().unwrap_or("").contains("not hex"), "{bad_hex}");
		let no_authorities = verdict(receipt, r#"{"genesis":{"raw":{"top":{"0x00":"0x01"}}}}"#);
		assert!(
			no_authorities["detail"].as_str().unwrap_or("").contains("GRANDPA authorities"),
			"{no_authorities}"
		);
	}

	#[test]
	fn a_file_that_is_no_receipt_is_named() {
		// A trust root with one authority (key 0x01…01, weight 1) at Grandpa::Authorities.
		let key = hex_of(&polity_receipt::grandpa_authorities_key());
		let authorities = format!("0x04{}0100000000000000", "01".repeat(32));
		let spec = format!(r#"{{"genesis":{{"raw":{{"top":{{"{key}":"{authorities}"}}}}}}}}"#);
		assert!(trust_root(&spec).is_ok());
		let v = verdict("{\"not\": \"a receipt\"}", &spec);
		assert_eq!((v["valid"].as_bool(), link(&v)), (Some(false), "ReceiptFormat"));
	}

	#[test]
	fn hex_round_trips_and_refuses_odd_or_foreign_digits() {
		assert_eq!(hex("0x00ff10"), Ok(vec![0, 255, 16]));
		assert_eq!(hex_of(&[0, 255, 16]), "0x00ff10");
		assert!(hex("0x123").is_err());
		assert!(hex("0xgg").is_err());
	}
}
