//! The one error type of the crate.

use std::path::PathBuf;

/// Everything that can go wrong while building an [`Extractor`](crate::Extractor) or
/// loading data.
///
/// Extraction itself never fails: any `&str` is valid input. Errors come from data files
/// and options supplied by the caller, and each variant says where the problem is and what
/// to change.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a data file (a gazetteer or lexicon) could not be used.
    #[error("{source_name}, line {line}: {reason}")]
    Data {
        /// The file name or the name given to the reader the data came from.
        source_name: String,
        /// The 1-based line number of the offending line.
        line: usize,
        /// What is wrong with the line and how to fix it.
        reason: String,
    },
    /// A data file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// An option passed to the builder or a parser is not acceptable.
    #[error("invalid option: {0}")]
    Option(String),
}
