//! `GovApi`: stakers, polls and votes, for clients and the UI.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use mirror_primitives::{GovParameters, GovStakerInfo, GovState, PollId, VoterInfo};

sp_api::decl_runtime_apis! {
	/// MIR staking and polls. `Poll` is the pallet's stored poll (`pallet_mirror_gov::PollOf`).
	pub trait GovApi<AccountId, Poll> where AccountId: Codec, Poll: Codec {
		/// `staker`'s stake: its MIR now, shares, and the MIR voted in polls in progress.
		fn staker(staker: AccountId) -> Option<GovStakerInfo>;

		/// Poll `poll_id`.
		fn poll(poll_id: PollId) -> Option<Poll>;

		/// Up to `limit` polls (at most 30), newest first, starting before `start_before`
		/// (`None`: the newest).
		fn polls(start_before: Option<PollId>, limit: u32) -> Vec<(PollId, Poll)>;

		/// `voter`'s vote in `poll_id`.
		fn voter(poll_id: PollId, voter: AccountId) -> Option<VoterInfo>;

		/// Totals: polls, shares, deposits, pending voting rewards, staked MIR.
		fn state() -> GovState;

		/// The parameters.
		fn parameters() -> GovParameters;
	}
}
