//! Many documents at once: a batch in parallel, and a stream with bounded memory.
//!
//! Both keep the input order and give, for every document, exactly what
//! [`Extractor::extract_document`] gives for it alone. With the `parallel` feature (on by
//! default) the documents are spread over the threads of the current rayon pool: all cores,
//! or the threads of a pool the caller installed (`ThreadPool::install`). Without it they
//! run one after another on the calling thread.

use std::collections::VecDeque;
use std::ops::Range;

#[cfg(feature = "parallel")]
use rayon::prelude::*;

use crate::{Document, Extraction, Extractor};

/// The most text a thread extracts as one group, stage by stage (a longer document is a
/// group alone): a hundred articles, whose tokens, at eight bytes per byte of text, still
/// fit a core's 4 MB cache. Against one article at a time, groups of 64 KB ran short
/// articles 3-5% faster on one thread, groups of 256 KB 10-15% (15-25% on two).
const GROUP_BYTES: usize = 256 << 10;

/// The most documents in one group, whatever their length: empty or tiny documents still
/// spread over the threads, and a thread keeps buffers for at most this many.
const GROUP_DOCUMENTS: usize = 256;

/// How much a stream reads ahead per thread: enough for four full groups, so every thread
/// is busy while one long document finishes. It stops at this many documents, or once
/// the documents read reach this many bytes and number one per thread at least (so the
/// window ends up to one document past the bytes), which bounds its memory.
const DOCUMENTS_PER_THREAD: usize = 512;
const BYTES_PER_THREAD: usize = 4 * GROUP_BYTES;

impl Extractor {
    /// Extracts every document, in parallel when the `parallel` feature is on; the results
    /// are in the order of `documents`.
    ///
    /// # Examples
    ///
    /// ```
    /// use intisari::{Document, Extractor};
    ///
    /// let documents = vec![
    ///     Document::new("a", "Gempa mengguncang Sukabumi, Senin."),
    ///     Document::new("b", "BPS merilis data inflasi di Jakarta."),
    /// ];
    /// let found = Extractor::new().extract_batch(&documents);
    /// assert_eq!(found.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    /// ```
    pub fn extract_batch(&self, documents: &[Document]) -> Vec<Extraction> {
        let groups = groups(documents, threads());
        let group = |range: Range<usize>| self.extract_group(&documents[range]);
        #[cfg(feature = "parallel")]
        return groups.into_par_iter().flat_map_iter(group).collect();
        #[cfg(not(feature = "parallel"))]
        return groups.into_iter().flat_map(group).collect();
    }

    /// Extracts documents as they come from `documents`, yielding the extractions in input
    /// order. It reads ahead a bounded window of documents (up to 512 documents or about
    /// 1 MB per thread) and extracts each window as a batch, so an unbounded input runs in
    /// bounded memory.
    ///
    /// # Examples
    ///
    /// ```
    /// use intisari::{Document, Extractor};
    ///
    /// let lines = ["Banjir di Demak, Senin.", "Kapal tiba di Makassar."];
    /// let documents = lines.iter().enumerate().map(|(i, text)| Document::new(i.to_string(), *text));
    /// let extractor = Extractor::new();
    /// let ids: Vec<String> = extractor.extract_stream(documents).map(|e| e.id).collect();
    /// assert_eq!(ids, ["0", "1"]);
    /// ```
    pub fn extract_stream<I>(&self, documents: I) -> Stream<'_, I::IntoIter>
    where
        I: IntoIterator<Item = Document>,
    {
        Stream { extractor: self, documents: documents.into_iter(), window: Vec::new(), ready: VecDeque::new() }
    }
}

/// The iterator of [`Extractor::extract_stream`].
#[derive(Debug)]
pub struct Stream<'a, I> {
    extractor: &'a Extractor,
    documents: I,
    /// The documents read ahead; reused between windows.
    window: Vec<Document>,
    ready: VecDeque<Extraction>,
}

impl<I: Iterator<Item = Document>> Iterator for Stream<'_, I> {
    type Item = Extraction;

    fn next(&mut self) -> Option<Extraction> {
        if self.ready.is_empty() {
            self.window.clear();
            let threads = threads();
            let mut bytes = 0;
            while self.window.len() < DOCUMENTS_PER_THREAD * threads
                && (bytes < BYTES_PER_THREAD * threads || self.window.len() < threads)
            {
                let Some(document) = self.documents.next() else { break };
                bytes += document.text.len();
                self.window.push(document);
            }
            self.ready.extend(self.extractor.extract_batch(&self.window));
        }
        self.ready.pop_front()
    }
}

/// The threads documents are spread over.
fn threads() -> usize {
    #[cfg(feature = "parallel")]
    return rayon::current_num_threads();
    #[cfg(not(feature = "parallel"))]
    return 1;
}

/// Consecutive ranges of `documents` to extract as groups: of at most [`GROUP_BYTES`] of
/// text (a longer document alone) and [`GROUP_DOCUMENTS`] documents, and, over several
/// threads, small enough to make four groups or more for each, which balances their work.
fn groups(documents: &[Document], threads: usize) -> Vec<Range<usize>> {
    let limit = if threads == 1 {
        GROUP_BYTES
    } else {
        let total: usize = documents.iter().map(|d| d.text.len()).sum();
        (total / (4 * threads)).clamp(1, GROUP_BYTES)
    };
    let mut groups = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (at, document) in documents.iter().enumerate() {
        if at > start && (bytes + document.text.len() > limit || at - start == GROUP_DOCUMENTS) {
            groups.push(start..at);
            (start, bytes) = (at, 0);
        }
        bytes += document.text.len();
    }
    if start < documents.len() {
        groups.push(start..documents.len());
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_cover_the_documents_in_order_within_the_limits() {
        let documents = |sizes: &[usize]| -> Vec<Document> {
            sizes.iter().map(|&size| Document::new("", "a".repeat(size))).collect()
        };
        let half = GROUP_BYTES / 2;
        // One thread: groups fill up to the limit; a longer document is alone, and an
        // empty one joins the next.
        let one = documents(&[half, half, half, 3 * GROUP_BYTES, 0, GROUP_BYTES]);
        assert_eq!(groups(&one, 1), [0..2, 2..3, 3..4, 4..6]);
        // Eight threads get four groups each, even of short documents.
        let short = documents(&[half; 32]);
        assert_eq!(groups(&short, 8), (0..32).map(|at| at..at + 1).collect::<Vec<_>>());
        assert_eq!(groups(&short, 1).len(), 16);
        // One thread needs no balance: a small batch is one group.
        assert_eq!(groups(&documents(&[10, 10, 10]), 1), std::iter::once(0..3).collect::<Vec<_>>());
        assert!(groups(&[], 2).is_empty());
        let empty = documents(&[0, 0]);
        assert_eq!(groups(&empty, 2), std::iter::once(0..2).collect::<Vec<_>>());
        // Empty documents, however many, make groups of at most GROUP_DOCUMENTS.
        let many = documents(&[0; 600]);
        let sizes: Vec<usize> = groups(&many, 2).iter().map(|g| g.len()).collect();
        assert_eq!(sizes, [GROUP_DOCUMENTS, GROUP_DOCUMENTS, 600 - 2 * GROUP_DOCUMENTS]);
    }
}
