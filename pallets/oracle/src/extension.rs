//! [`CheckFeed`]: the transaction extension that keeps failing feeds out of the pool and out of
//! blocks, so that `feed_prices` being free cannot be used to fill blocks for nothing.

use crate::{Call, Config, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::{Get, TransactionSource, Weight},
	traits::{IsSubType, OriginTrait},
	CloneNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::{InvalidTransaction, ValidTransaction},
};

/// Refuses, as an invalid transaction, a signed `Oracle::feed_prices` that would fail: the pool
/// never holds it and a block never includes it. The code of `InvalidTransaction::Custom` is the
/// [`crate::FeedInvalid`] discriminant. The pool validates against the next block, whose
/// per-block counts are fresh, so the per-block refusals (`AlreadyFed`, `TooManyFeedsInBlock`)
/// happen at block building; a valid feed lives at most [`Config::FeedLongevity`] blocks in the
/// pool. Every other call passes untouched. It carries no data, so a wallet signs it without
/// knowing it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	DefaultNoBound,
	CloneNoBound,
	EqNoBound,
	PartialEqNoBound,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct CheckFeed<T>(PhantomData<T>);

impl<T> CheckFeed<T> {
	/// The extension.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for CheckFeed<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckFeed")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckFeed<T>
where
	<T as frame_system::Config>::RuntimeCall: IsSubType<Call<T>>,
{
	const IDENTIFIER: &'static str = "CheckFeed";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		match call.is_sub_type() {
			Some(Call::feed_prices { prices }) => T::WeightInfo::check_feed(prices.len() as u32),
			_ => Weight::zero(),
		}
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		if let Some(Call::feed_prices { prices }) = call.is_sub_type() {
			// Any other origin fails in dispatch (`BadOrigin`) and pays.
			if let Some(feeder) = origin.as_signer() {
				Pallet::<T>::check_feed(feeder, prices)
					.map_err(|reason| InvalidTransaction::Custom(reason as u8))?;
				// A feed that cannot land soon is dropped rather than landing late as a fresh
				// price of a past moment.
				let valid = ValidTransaction {
					longevity: T::FeedLongevity::get(),
					..ValidTransaction::default()
				};
				return Ok((valid, (), origin));
			}
		}
		Ok((ValidTransaction::default(), (), origin))
	}

	impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}
