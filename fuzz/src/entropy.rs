//! Where the driver's choices come from: a seeded PRNG (the deterministic mode) or a fuzzer's
//! input bytes (the coverage-guided mode). Both feed the same decoder.

/// A source of bytes. Exhausted input reads as zeroes and is remembered, so a libFuzzer input
/// ends its run instead of looping.
///
/// A seeded stream can be recorded: the bytes it gave, read back through [`Entropy::bytes`],
/// make the same choices. That is how a finding of the seeded soak joins libFuzzer's corpus.
pub struct Entropy<'a> {
	source: Source<'a>,
	exhausted: bool,
	recorded: Option<Vec<u8>>,
}

enum Source<'a> {
	Seeded(SplitMix64),
	Bytes { data: &'a [u8], pos: usize },
}

/// SplitMix64: small, fast, and the same sequence on every machine.
struct SplitMix64(u64);

impl SplitMix64 {
	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}
}

impl<'a> Entropy<'a> {
	/// An endless stream from `seed`.
	pub fn seeded(seed: u64) -> Self {
		Entropy { source: Source::Seeded(SplitMix64(seed)), exhausted: false, recorded: None }
	}

	/// This stream, keeping every byte it gives (see [`Entropy::recorded`]).
	pub fn recording(mut self) -> Self {
		self.recorded = Some(Vec::new());
		self
	}

	/// The bytes given so far, when recording: as a fuzzer input they decode to the same
	/// choices.
	pub fn recorded(&self) -> Option<&[u8]> {
		self.recorded.as_deref()
	}

	/// The stream of a fuzzer's input.
	pub fn bytes(data: &'a [u8]) -> Self {
		Entropy { source: Source::Bytes { data, pos: 0 }, exhausted: false, recorded: None }
	}

	/// Whether a finite input has run out.
	pub fn is_exhausted(&self) -> bool {
		self.exhausted
	}

	/// The next 64 bits.
	pub fn u64(&mut self) -> u64 {
		let value = match &mut self.source {
			Source::Seeded(rng) => rng.next(),
			Source::Bytes { data, pos } => {
				let mut out = [0u8; 8];
				for byte in out.iter_mut() {
					match data.get(*pos) {
						Some(b) => {
							*byte = *b;
							*pos += 1;
						}
						None => self.exhausted = true,
					}
				}
				u64::from_le_bytes(out)
			}
		};
		if let Some(recorded) = &mut self.recorded {
			recorded.extend_from_slice(&value.to_le_bytes());
		}
		value
	}

	/// The next byte.
	pub fn byte(&mut self) -> u8 {
		let value = match &mut self.source {
			Source::Seeded(rng) => rng.next() as u8,
			Source::Bytes { data, pos } => match data.get(*pos) {
				Some(b) => {
					*pos += 1;
					*b
				}
				None => {
					self.exhausted = true;
					0
				}
			},
		};
		if let Some(recorded) = &mut self.recorded {
			recorded.push(value);
		}
		value
	}

	/// A number in `0..n` (`0` when `n` is 0).
	pub fn below(&mut self, n: usize) -> usize {
		if n <= 1 {
			return 0;
		}
		if n <= 256 {
			(self.byte() as usize * n) >> 8
		} else {
			(self.u64() % n as u64) as usize
		}
	}

	/// True with probability `percent` / 100.
	pub fn chance(&mut self, percent: u8) -> bool {
		(self.byte() as u32 * 100) >> 8 < percent as u32
	}

	/// One of `items`, or `None` when there are none.
	pub fn pick<'b, T>(&mut self, items: &'b [T]) -> Option<&'b T> {
		if items.is_empty() {
			return None;
		}
		items.get(self.below(items.len()))
	}

	/// An index chosen by `weights`.
	pub fn weighted(&mut self, weights: &[u32]) -> usize {
		let total: u64 = weights.iter().map(|w| *w as u64).sum();
		if total == 0 {
			return 0;
		}
		let mut roll = self.u64() % total;
		for (i, w) in weights.iter().enumerate() {
			if roll < *w as u64 {
				return i;
			}
			roll -= *w as u64;
		}
		weights.len() - 1
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_seed_gives_the_same_stream() {
		let mut a = Entropy::seeded(7);
		let mut b = Entropy::seeded(7);
		for _ in 0..100 {
			assert_eq!(a.u64(), b.u64());
		}
		assert_ne!(Entropy::seeded(7).u64(), Entropy::seeded(8).u64());
	}

	#[test]
	fn finite_input_runs_out() {
		let mut e = Entropy::bytes(&[1, 2]);
		assert_eq!(e.byte(), 1);
		assert_eq!(e.byte(), 2);
		assert!(!e.is_exhausted());
		assert_eq!(e.byte(), 0);
		assert!(e.is_exhausted());
	}

	/// Two hundred choices of every kind the decoder makes.
	fn choices(e: &mut Entropy) -> Vec<u64> {
		(0..200)
			.map(|i| match i % 4 {
				0 => e.u64(),
				1 => e.byte() as u64,
				2 => e.below(1_000) as u64,
				_ => e.weighted(&[3, 5, 7]) as u64,
			})
			.collect()
	}

	#[test]
	fn a_recorded_stream_reads_back_as_the_same_choices() {
		let mut seeded = Entropy::seeded(3).recording();
		let made = choices(&mut seeded);
		let bytes = seeded.recorded().expect("recording").to_vec();
		let mut replayed = Entropy::bytes(&bytes);
		assert_eq!(made, choices(&mut replayed));
		assert!(!replayed.is_exhausted());
		replayed.byte();
		assert!(replayed.is_exhausted());
	}

	#[test]
	fn below_stays_below() {
		let mut e = Entropy::seeded(1);
		for n in 1..600 {
			assert!(e.below(n) < n);
		}
	}
}
