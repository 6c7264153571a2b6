//! A cheap first test of set membership for the many per-token word lookups.

/// The shapes of a set of words: which lengths occur after each first byte. A word whose
/// shape is not among them is not in the set, which costs a load and a bit test instead
/// of hashing the word; most words of a text fail it.
#[derive(Clone, Debug)]
pub(crate) struct WordShapes {
    /// For each first byte, bit `n` is set when a word of `n` bytes starts with it (words
    /// of 63 bytes or more share bit 63).
    lengths: Box<[u64; 256]>,
}

impl WordShapes {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordShapes {
        let mut lengths = Box::new([0; 256]);
        for word in words {
            if let Some(&first) = word.as_bytes().first() {
                lengths[usize::from(first)] |= length_bit(word);
            }
        }
        WordShapes { lengths }
    }

    /// Whether `word` may be one of the words: `false` means it is certainly not.
    pub fn may_contain(&self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&first| self.lengths[usize::from(first)] & length_bit(word) != 0)
    }
}

fn length_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_set_pass_and_most_others_do_not() {
        let shapes = WordShapes::new(["bali", "jakarta", "jum'at"]);
        assert!(["bali", "jakarta", "jum'at"].iter().all(|w| shapes.may_contain(w)));
        assert!(!shapes.may_contain("bandung") && !shapes.may_contain("kota") && !shapes.may_contain(""));
        // Same first byte and length: the shape cannot tell, the set lookup after it does.
        assert!(shapes.may_contain("baru"));
    }
}
