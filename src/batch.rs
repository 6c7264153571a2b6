//! Many documents at once: a batch in parallel, and a stream with bounded memory.
//!
//! Both keep the input order and give, for every document, exactly what
//! [`Extractor::extract_document`] gives for it alone. With the `parallel` feature (on by
//! default) the documents are spread over the threads of the current rayon pool: all cores,
//! or the threads of a pool the caller installed (`ThreadPool::install`). Without it they
//! run one after another on the calling thread.

use std::collections::VecDeque;

#[cfg(feature = "parallel")]
use rayon::prelude::*;

use crate::{Document, Extraction, Extractor};

/// How many documents a stream reads ahead per thread: enough to keep every thread busy
/// while one long document finishes, few enough that memory stays bounded.
const DOCUMENTS_PER_THREAD: usize = 16;

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
        #[cfg(feature = "parallel")]
        return documents.par_iter().map(|document| self.extract_document(document)).collect();
        #[cfg(not(feature = "parallel"))]
        return documents.iter().map(|document| self.extract_document(document)).collect();
    }

    /// Extracts documents as they come from `documents`, yielding the extractions in input
    /// order. It reads ahead a bounded window of documents (a few per thread) and extracts
    /// each window as a batch, so an unbounded input runs in bounded memory.
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
            self.window.extend(self.documents.by_ref().take(window_size()));
            self.ready.extend(self.extractor.extract_batch(&self.window));
        }
        self.ready.pop_front()
    }
}

fn window_size() -> usize {
    #[cfg(feature = "parallel")]
    return DOCUMENTS_PER_THREAD * rayon::current_num_threads();
    #[cfg(not(feature = "parallel"))]
    return DOCUMENTS_PER_THREAD;
}
