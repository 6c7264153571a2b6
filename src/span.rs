//! Byte spans into the caller's original text.

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of UTF-8 byte offsets into the original text.
///
/// Every span the crate reports lies on `char` boundaries inside the text it was
/// extracted from, so `&text[span.range()]` never panics for that text. Character
/// offsets, which some tools and annotation formats use instead, are derived on request
/// with [`Span::to_char_span`] rather than stored twice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    ///
    /// # Panics
    ///
    /// Panics if `start > end`, which is always a bug in the caller.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// The span as a `Range` for slicing: `&text[span.range()]`.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Converts byte offsets into `char` (Unicode scalar value) offsets in `text`, the
    /// unit used by many annotation formats and by Python string indexing.
    ///
    /// Returns `None` when the span is not on `char` boundaries inside `text`.
    ///
    /// # Examples
    ///
    /// ```
    /// use intisari::Span;
    /// let text = "Dinas Pendidikan Nanggroe Aceh — Banda Aceh";
    /// let span = Span::new(text.find("Banda").unwrap(), text.len());
    /// assert_eq!(span.to_char_span(text), Some(Span::new(33, 43)));
    /// ```
    pub fn to_char_span(self, text: &str) -> Option<Span> {
        let slice = text.get(self.range())?;
        let start = text[..self.start].chars().count();
        Some(Span::new(start, start + slice.chars().count()))
    }

    /// Converts `char` offsets in `text` into byte offsets; the inverse of
    /// [`Span::to_char_span`]. Returns `None` when the span reaches past the text or
    /// ends before it starts.
    pub fn from_char_span(text: &str, chars: Span) -> Option<Span> {
        if chars.end < chars.start {
            return None;
        }
        let mut offsets = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
        let start = offsets.nth(chars.start)?;
        let end = if chars.end == chars.start { start } else { offsets.nth(chars.end - chars.start - 1)? };
        Some(Span::new(start, end))
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

/// `partition_point` for searches whose answers lie near the last one, as a pass through a
/// document makes them (forwards, or back within a window of tokens): it gallops from the
/// last answer, forwards or back (1, 2, 4… items), then searches within the last leap.
/// Over a long document's entities a search of the whole slice misses the cache at nearly
/// every probe; a gallop reads near where the last one ended, and costs a few probes more
/// than a binary search when the answer is far.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Nearby {
    at: usize,
}

impl Nearby {
    /// The index of the first item of `items` (partitioned by `before`, as for
    /// `partition_point`) for which `before` is false.
    pub fn partition_point<T>(&mut self, items: &[T], before: impl Fn(&T) -> bool) -> usize {
        let at = self.at.min(items.len());
        // The answer is within `low..=high`.
        let (low, high) = if at > 0 && !before(&items[at - 1]) {
            // Back: `items[high]` is not before.
            let (mut high, mut leap) = (at - 1, 1);
            loop {
                if high == 0 {
                    break (0, 0);
                }
                let probe = high.saturating_sub(leap);
                if before(&items[probe]) {
                    break (probe + 1, high);
                }
                high = probe;
                leap *= 2;
            }
        } else {
            // On: `items[low - 1]`, if any, is before.
            let (mut low, mut high, mut leap) = (at, at, 1);
            while high < items.len() && before(&items[high]) {
                low = high + 1;
                high = (high + leap).min(items.len());
                leap *= 2;
            }
            (low, high)
        };
        self.at = low + items[low..high].partition_point(before);
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_round_trip_over_multibyte_text() {
        let text = "Ibu “Nani” — di Jakarta";
        let byte = Span::new(text.find("Nani").unwrap(), text.find("Nani").unwrap() + 4);
        let chars = byte.to_char_span(text).unwrap();
        assert_eq!(chars, Span::new(5, 9));
        assert_eq!(Span::from_char_span(text, chars), Some(byte));
    }

    #[test]
    fn char_span_rejects_offsets_inside_a_char() {
        let text = "“a”";
        assert_eq!(Span::new(1, 3).to_char_span(text), None);
        assert_eq!(Span::from_char_span(text, Span::new(0, 4)), None);
    }

    #[test]
    fn nearby_searches_answer_as_partition_point_does() {
        let items: Vec<usize> = (0..300).map(|i| i / 3 * 2).collect();
        // Ascending, repeated, jumping and going back a little and a lot, past both ends.
        let queries = [0, 1, 1, 2, 7, 8, 9, 150, 151, 400, 3, 0, 500, 199, 198, 200, 196, 131, 1_000, 0, 1, 397];
        let mut nearby = Nearby::default();
        for query in queries {
            let expected = items.partition_point(|&item| item < query);
            assert_eq!(nearby.partition_point(&items, |&item| item < query), expected, "{query}");
        }
        // Every query after every other.
        for (first, second) in (0..202).flat_map(|first| (0..202).map(move |second| (first, second))) {
            let mut nearby = Nearby::default();
            nearby.partition_point(&items, |&item| item < first);
            let expected = items.partition_point(|&item| item < second);
            assert_eq!(nearby.partition_point(&items, |&item| item < second), expected, "{first} {second}");
        }
        let mut on_empty = Nearby::default();
        assert_eq!(on_empty.partition_point(&[] as &[usize], |_| true), 0);
        // A shorter slice than the last answer.
        assert_eq!(nearby.partition_point(&items[..10], |&item| item < 5), 9);
    }
}
