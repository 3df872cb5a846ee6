//! The real runtime in memory: genesis from the `development` preset, blocks built as the node
//! builds them (`Executive::initialize_block`, the timestamp inherent, signed extrinsics through
//! `Executive::apply_extrinsic`, `Executive::finalize_block`), executed natively.

use codec::Encode;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	weights::Weight,
};
use mirror_runtime::{
	genesis_config_presets, AccountId, BuildStorage, Executive, Header, RuntimeCall, RuntimeEvent,
	RuntimeGenesisConfig, SignedPayload, System, TxExtension, UncheckedExtrinsic, SLOT_DURATION,
};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::{BlakeTwo256, Hash, Header as _},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	ApplyExtrinsicResult, DispatchError, Storage,
};
use std::time::Instant;

/// When block 1 is built (ms since the Unix epoch; a whole number of Aura slots).
pub const GENESIS_MS: u64 = 1_700_000_001_000;

/// The keyring accounts that sign: the six dev accounts (Alice is the sudo key), and two that start
/// empty. The dev feeder (`//Feeder`, [`FEEDER`]) signs after them.
pub const KEYS: [Sr25519Keyring; 8] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
	Sr25519Keyring::One,
	Sr25519Keyring::Two,
];

/// Index of the sudo key in [`KEYS`].
pub const ALICE: usize = 0;

/// Index of the dev feeder (`//Feeder`, the genesis feeder of every dev asset and MIR) among the
/// signers: right after [`KEYS`].
pub const FEEDER: usize = KEYS.len();

/// The signers' key pairs, derived once.
pub struct Signers {
	pairs: Vec<sr25519::Pair>,
	ids: Vec<AccountId>,
}

impl Signers {
	/// Derives every key of [`KEYS`], then the dev feeder's.
	pub fn new() -> Self {
		let mut pairs: Vec<sr25519::Pair> = KEYS.iter().map(|k| k.pair()).collect();
		pairs.push(sr25519::Pair::from_string("//Feeder", None).expect("a valid derivation"));
		let ids = pairs.iter().map(|p| AccountId::from(p.public())).collect();
		Signers { pairs, ids }
	}

	/// The account of signer `i`.
	pub fn id(&self, i: usize) -> &AccountId {
		&self.ids[i % self.ids.len()]
	}

	/// Every signer's account.
	pub fn ids(&self) -> &[AccountId] {
		&self.ids
	}

	fn pair(&self, i: usize) -> &sr25519::Pair {
		&self.pairs[i % self.pairs.len()]
	}
}

impl Default for Signers {
	fn default() -> Self {
		Self::new()
	}
}

/// Merges a genesis patch into a full genesis JSON, as the node does with a preset.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (k, v) in patch {
				merge(base.entry(k).or_insert(serde_json::Value::Null), v);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// The storage of the `development` preset, as `mirror-node --dev` builds it.
pub fn development_genesis() -> Result<Storage, String> {
	let patch = genesis_config_presets::get_preset(&"development".into())
		.ok_or("the development preset exists")?;
	let patch: serde_json::Value = serde_json::from_slice(&patch).map_err(|e| e.to_string())?;
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).map_err(|e| e.to_string())?;
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).map_err(|e| e.to_string())?;
	config.build_storage()
}

/// What one signed call did.
pub struct Applied {
	/// The block builder's answer: not included (`Err`), included and failed, or succeeded.
	pub result: ApplyExtrinsicResult,
	/// The weight the call declared, with the extrinsic base weight.
	pub declared: Weight,
	/// Real native execution time of `apply_extrinsic`, nanoseconds (when measured).
	pub nanos: u64,
	/// The storage proof the call needed, bytes (when measured).
	pub proof: u64,
	/// The events the call emitted.
	pub events: Vec<RuntimeEvent>,
}

/// A chain being built block by block.
pub struct Chain {
	ext: sp_io::TestExternalities,
	signers: Signers,
	number: u32,
	now_ms: u64,
	parent: H256,
	/// Record each call's time and storage proof (slower: commits the state before each call).
	pub measure: bool,
}

/// Something broken in block building itself: an inherent or a hook that failed.
#[derive(Debug)]
pub struct BlockError(pub String);

impl Chain {
	/// The chain at genesis, with block 1 open at [`GENESIS_MS`].
	pub fn new(genesis: &Storage, measure: bool) -> Result<Self, BlockError> {
		let mut chain = Chain {
			ext: sp_io::TestExternalities::new(genesis.clone()),
			signers: Signers::new(),
			number: 0,
			now_ms: GENESIS_MS,
			parent: H256::repeat_byte(69),
			measure,
		};
		chain.ext.execute_with(|| System::set_block_number(0));
		chain.start_block()?;
		Ok(chain)
	}

	/// The signers.
	pub fn signers(&self) -> &Signers {
		&self.signers
	}

	/// The open block's number.
	pub fn number(&self) -> u32 {
		self.number
	}

	/// The open block's time, seconds.
	pub fn now_secs(&self) -> u64 {
		self.now_ms / 1_000
	}

	/// Runs `f` with the chain's state.
	pub fn with<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}

	/// Every key and the hash of its value (for diffing two runs' states).
	pub fn dump(&mut self) -> Vec<(Vec<u8>, H256)> {
		self.ext.execute_with(|| {
			let mut out = Vec::new();
			let mut key = Vec::new();
			while let Some(next) = sp_io::storage::next_key(&key) {
				let value = sp_io::storage::get(&next).unwrap_or_default();
				out.push((next.clone(), BlakeTwo256::hash(&value)));
				key = next;
			}
			out
		})
	}

	/// Finalises the open block; the state root after it. The open block's extrinsics (whose
	/// sr25519 signatures are randomised) are gone from the state once it is finalised, so the
	/// same actions give the same root.
	pub fn finish(&mut self) -> H256 {
		self.ext.execute_with(|| *Executive::finalize_block().state_root())
	}

	fn start_block(&mut self) -> Result<(), BlockError> {
		self.number += 1;
		let slot = sp_consensus_aura::Slot::from(self.now_ms / SLOT_DURATION);
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(sp_consensus_aura::AURA_ENGINE_ID, slot.encode())],
		};
		let header =
			Header::new(self.number, Default::default(), Default::default(), self.parent, digest);
		let now = self.now_ms;
		self.ext.execute_with(|| {
			Executive::initialize_block(&header);
			let inherent =
				UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
					now,
				}));
			match Executive::apply_extrinsic(inherent) {
				Ok(Ok(())) => Ok(()),
				other => Err(BlockError(format!("the timestamp inherent failed: {other:?}"))),
			}
		})
	}

	/// Finalises the open block and opens the next, `secs` later (rounded up to whole slots).
	pub fn advance(&mut self, secs: u64) -> Result<(), BlockError> {
		let header = self.ext.execute_with(Executive::finalize_block);
		// The parent hash without the extrinsics root: sr25519 signatures are randomised, so the
		// real header hash would differ between runs of the same seed.
		let mut stable = header;
		stable.set_extrinsics_root(H256::zero());
		self.parent = BlakeTwo256::hash_of(&stable);
		let slots = secs.saturating_mul(1_000).div_ceil(SLOT_DURATION).max(1);
		self.now_ms = self.now_ms.saturating_add(slots.saturating_mul(SLOT_DURATION));
		self.start_block()
	}

	fn apply_once(&mut self, who: usize, call: RuntimeCall) -> Applied {
		let signers = &self.signers;
		let xt = self.ext.execute_with(|| signed(signers, who, call));
		let info = xt.get_dispatch_info();
		let base =
			mirror_runtime::configs::RuntimeBlockWeights::get().get(info.class).base_extrinsic;
		let declared = info.total_weight().saturating_add(base);
		let events_before = self.ext.execute_with(System::event_count);
		let (result, nanos, proof) = if self.measure {
			// Commit, so that the proof recorder sees every read this call makes of the state.
			let _ = self.ext.commit_all();
			let ((result, nanos), proof) = self.ext.execute_and_prove(|| {
				let start = Instant::now();
				let result = apply_as_block_builder(xt);
				(result, start.elapsed().as_nanos() as u64)
			});
			(result, nanos, proof.encoded_size() as u64)
		} else {
			(self.ext.execute_with(|| apply_as_block_builder(xt)), 0, 0)
		};
		let events = self.ext.execute_with(|| {
			System::read_events_no_consensus()
				.skip(events_before as usize)
				.map(|record| record.event.clone())
				.collect()
		});
		Applied { result, declared, nanos, proof, events }
	}

	/// Signs `call` as signer `who` (with their next nonce) and applies it to the open block. A
	/// full block is finalised and the call retried in the next one, 3 s later.
	pub fn submit(&mut self, who: usize, call: RuntimeCall) -> Result<Applied, BlockError> {
		let applied = self.apply_once(who, call.clone());
		if matches!(
			applied.result,
			Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
		) {
			self.advance(3)?;
			return Ok(self.apply_once(who, call));
		}
		Ok(applied)
	}

	/// Whether each dispatch class of the open block is within its weight limit.
	pub fn block_weight_ok(&mut self) -> Result<(), String> {
		self.ext.execute_with(|| {
			let limits = mirror_runtime::configs::RuntimeBlockWeights::get();
			let used = System::block_weight();
			for class in [DispatchClass::Normal, DispatchClass::Operational] {
				if let Some(max) = limits.get(class).max_total {
					if !used.get(class).all_lte(max) {
						return Err(format!(
							"block {} uses {:?} of {class:?} weight, above {max:?}",
							System::block_number(),
							used.get(class)
						));
					}
				}
			}
			Ok(())
		})
	}
}

/// Applies `xt` as the node's block builder does: in a storage transaction that is kept if the
/// extrinsic is included (whatever its dispatch result) and rolled back if it is refused.
fn apply_as_block_builder(xt: UncheckedExtrinsic) -> ApplyExtrinsicResult {
	sp_io::storage::start_transaction();
	let result = Executive::apply_extrinsic(xt);
	if result.is_ok() {
		sp_io::storage::commit_transaction();
	} else {
		sp_io::storage::rollback_transaction();
	}
	result
}

/// `call` signed by signer `who` with their next nonce, immortal, as a wallet sends it.
fn signed(signers: &Signers, who: usize, call: RuntimeCall) -> UncheckedExtrinsic {
	let account = signers.id(who).clone();
	let nonce = System::account_nonce(&account);
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		mirror_runtime::CheckFeed::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	);
	let signature = match SignedPayload::new(call.clone(), extension.clone()) {
		Ok(payload) => payload.using_encoded(|bytes| signers.pair(who).sign(bytes)),
		// An extension that cannot build its implicit data: sign anything, the block builder
		// refuses it the same way.
		Err(_) => signers.pair(who).sign(b"unsignable"),
	};
	UncheckedExtrinsic::new_signed(
		call,
		account.into(),
		sp_runtime::MultiSignature::Sr25519(signature),
		extension,
	)
}

/// The name of a dispatch error: `Pallet.Error` for a module error.
pub fn error_name(error: &DispatchError) -> String {
	match error {
		DispatchError::Module(m) => {
			let variant = m.message.or_else(|| error_variant(m.index, m.error[0])).unwrap_or("?");
			format!("{}.{variant}", pallet_name(m.index))
		}
		DispatchError::Token(t) => format!("Token.{t:?}"),
		DispatchError::Arithmetic(a) => format!("Arithmetic.{a:?}"),
		DispatchError::Transactional(t) => format!("Transactional.{t:?}"),
		other => format!("{other:?}"),
	}
}

/// The runtime's name of the pallet at `index`.
pub fn pallet_name(index: u8) -> &'static str {
	use frame_support::traits::PalletsInfoAccess;
	static NAMES: std::sync::OnceLock<Vec<(u8, &'static str)>> = std::sync::OnceLock::new();
	NAMES
		.get_or_init(|| {
			mirror_runtime::AllPalletsWithSystem::infos()
				.into_iter()
				.map(|info| (info.index as u8, info.name))
				.collect()
		})
		.iter()
		.find(|(i, _)| *i == index)
		.map(|(_, name)| *name)
		.unwrap_or("?")
}

fn variant_name<E: scale_info::TypeInfo + 'static>(index: u8) -> Option<&'static str> {
	match E::type_info().type_def {
		scale_info::TypeDef::Variant(def) => {
			def.variants.iter().find(|v| v.index == index).map(|v| v.name)
		}
		_ => None,
	}
}

/// The name of error `index` of the pallet at `pallet` (errors read back from events carry no
/// message).
fn error_variant(pallet: u8, index: u8) -> Option<&'static str> {
	use mirror_runtime::Runtime as R;
	match pallet_name(pallet) {
		"System" => variant_name::<frame_system::Error<R>>(index),
		"Balances" => variant_name::<pallet_balances::Error<R>>(index),
		"Sudo" => variant_name::<pallet_sudo::Error<R>>(index),
		"Utility" => variant_name::<pallet_utility::Error<R>>(index),
		"Assets" => variant_name::<pallet_assets::Error<R>>(index),
		"Oracle" => variant_name::<pallet_mirror_oracle::Error<R>>(index),
		"CollateralOracle" => variant_name::<pallet_mirror_collateral_oracle::Error<R>>(index),
		"Amm" => variant_name::<pallet_mirror_amm::Error<R>>(index),
		"Mint" => variant_name::<pallet_mirror_mint::Error<R>>(index),
		"LpStaking" => variant_name::<pallet_mirror_lp_staking::Error<R>>(index),
		"Factory" => variant_name::<pallet_mirror_factory::Error<R>>(index),
		"Gov" => variant_name::<pallet_mirror_gov::Error<R>>(index),
		"Collector" => variant_name::<pallet_mirror_collector::Error<R>>(index),
		"Community" => variant_name::<pallet_mirror_community::Error<R>>(index),
		_ => None,
	}
}
