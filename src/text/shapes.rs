//! Word tables for the many per-token lookups, with a cheap first test before hashing.

use std::borrow::Borrow;
use std::hash::Hash;

use rustc_hash::FxHashMap;

/// A table keyed by words, that tests a word's shape before hashing it: which lengths
/// occur after each first byte. A word whose shape is not among its keys' is not a key,
/// which costs a load and a bit test instead of a hash and a probe; most words of a text
/// fail it. Every recogniser's word table is one, so none forgets the test.
#[derive(Clone, Debug)]
pub(crate) struct WordMap<K, V> {
    /// For each first byte, bit `n` is set when a key of `n` bytes starts with it (keys
    /// of 63 bytes or more share bit 63).
    lengths: Box<[u64; 256]>,
    entries: FxHashMap<K, V>,
}

impl<K: Borrow<str> + Eq + Hash, V> WordMap<K, V> {
    /// The value of `word`, if it is a key. Inlined, so that the shape test costs a caller
    /// no call: most words stop there.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        let shaped =
            word.as_bytes().first().is_some_and(|&first| self.lengths[usize::from(first)] & length_bit(word) != 0);
        if shaped { self.entries.get(word) } else { None }
    }

    /// Whether `word` is a key.
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl<K: Borrow<str> + Eq + Hash, V> From<FxHashMap<K, V>> for WordMap<K, V> {
    fn from(entries: FxHashMap<K, V>) -> WordMap<K, V> {
        let mut lengths = Box::new([0; 256]);
        for key in entries.keys() {
            let key: &str = key.borrow();
            if let Some(&first) = key.as_bytes().first() {
                lengths[usize::from(first)] |= length_bit(key);
            }
        }
        WordMap { lengths, entries }
    }
}

impl<K: Borrow<str> + Eq + Hash, V> FromIterator<(K, V)> for WordMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> WordMap<K, V> {
        WordMap::from(entries.into_iter().collect::<FxHashMap<K, V>>())
    }
}

/// A set of words: a [`WordMap`] without values.
pub(crate) type WordSet<K> = WordMap<K, ()>;

fn length_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_and_other_words_are_not() {
        let set: WordSet<&str> = ["bali", "jakarta", "jum'at"].into_iter().map(|w| (w, ())).collect();
        assert!(["bali", "jakarta", "jum'at"].iter().all(|w| set.contains(w)));
        // Shapes no key has, and one a key has (`baru` like `bali`), which the table
        // itself then refuses.
        assert!(!["bandung", "kota", "", "baru"].iter().any(|w| set.contains(w)));
        let map: WordMap<Box<str>, u8> = [("dr".into(), 1), ("ir".into(), 2)].into_iter().collect();
        assert_eq!((map.get("dr"), map.get("ir"), map.get("di")), (Some(&1), Some(&2), None));
    }
}
