//! A node start reads a built-in chain's genesis and the compiled runtime from the cache
//! (`POLITY_CACHE_DIR`) after the first start, with the very same genesis block as without it.

use std::{
	io::{BufRead, BufReader},
	process::{Command, Stdio},
	time::{Duration, Instant},
};

/// Starts `polity-node --dev --tmp`, returns the genesis header hash it logs and the seconds
/// until it logged its first imported or prepared block (the node is running then).
fn start(cache: &str) -> (String, f64) {
	let started = Instant::now();
	let mut child = Command::new(env!("CARGO_BIN_EXE_polity-node"))
		.args(["--dev", "--tmp", "--rpc-port", "0", "--port", "0", "--no-prometheus"])
		.args(["--no-telemetry", "--no-mdns"])
		.env("POLITY_CACHE_DIR", cache)
		.stderr(Stdio::piped())
		.stdout(Stdio::null())
		.spawn()
		.expect("polity-node starts");
	let stderr = child.stderr.take().expect("stderr piped");
	let mut genesis = None;
	let mut ready = None;
	for line in BufReader::new(stderr).lines() {
		let line = line.expect("log line");
		if let Some(at) = line.find("header-hash: ") {
			genesis = Some(line[at + 13..].trim_end_matches(')').to_string());
		}
		if genesis.is_some() && line.contains("Running JSON-RPC server") {
			ready = Some(started.elapsed().as_secs_f64());
			break;
		}
		assert!(started.elapsed() < Duration::from_secs(600), "the node starts within 10 minutes");
	}
	let _ = child.kill();
	let _ = child.wait();
	(genesis.expect("the node logs its genesis"), ready.expect("the node serves RPC"))
}

#[test]
fn second_start_reads_genesis_and_runtime_from_the_cache() {
	let dir = std::env::temp_dir().join(format!("polity-cache-test-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	let cache = dir.to_str().expect("utf-8 path").to_string();

	let (uncached, t0) = start("off");
	let (first, t1) = start(&cache);
	let (second, t2) = start(&cache);
	println!("start until RPC: no cache {t0:.1} s, filling it {t1:.1} s, from it {t2:.1} s");
	assert_eq!(first, uncached, "the cached genesis is the preset's genesis");
	assert_eq!(second, uncached, "and stays so when read back");

	let specs: Vec<_> = std::fs::read_dir(dir.join("chain-specs"))
		.expect("chain-specs cached")
		.filter_map(Result::ok)
		.map(|e| e.file_name().to_string_lossy().to_string())
		.collect();
	assert!(
		specs.iter().any(|f| f.starts_with("polity_dev-") && f.ends_with(".json")),
		"the dev chain's raw spec is cached: {specs:?}"
	);
	assert!(dir.join("wasmtime").is_dir(), "wasmtime's cache of compiled runtimes is there");
	assert!(t2 < t0, "a start from the cache ({t2:.1} s) is faster than without ({t0:.1} s)");
	let _ = std::fs::remove_dir_all(&dir);
}
