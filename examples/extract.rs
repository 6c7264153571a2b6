//! The main job: extract everything from news articles and print one JSON object per
//! document per line.
//!
//! ```text
//! cargo run --release --example extract -- [OPTIONS] PATH...
//! cargo run --release --example extract -- --jsonl < documents.jsonl
//!
//! PATH       a file (one document; its id is the path) or a directory (every file in it,
//!            recursively, in sorted order)
//! --jsonl    read documents from stdin, one JSON object per line: {"id", "text", "date"?}
//! --date D   the publication date (YYYY-MM-DD) of the plain files given as paths
//! --pretty   indent the JSON for humans
//! --threads N
//!            extract on N threads (default: all cores); output stays in input order
//! --gazetteer FILE
//!            extra gazetteer entries (the TSV format of data/README.md); may be repeated
//! ```
//!
//! A file that cannot be read or is not UTF-8, or an input line that is not a valid
//! document, is reported on stderr with its path or line number; every other document is
//! still processed, and the exit code is 1 at the end. Nothing is skipped silently.

use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use intisari::{Date, Document, Extraction, Extractor};

struct Options {
    jsonl: bool,
    pretty: bool,
    date: Option<Date>,
    threads: Option<usize>,
    gazetteers: Vec<PathBuf>,
    paths: Vec<PathBuf>,
}

const USAGE: &str = "usage: extract [--pretty] [--threads N] [--date YYYY-MM-DD] PATH...\n       \
                     extract [--pretty] [--threads N] --jsonl < documents.jsonl";

fn parse_args() -> Result<Options, String> {
    let mut options =
        Options { jsonl: false, pretty: false, date: None, threads: None, gazetteers: Vec::new(), paths: Vec::new() };
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--jsonl") => options.jsonl = true,
            Some("--pretty") => options.pretty = true,
            Some("--date") => {
                let value = args.next().ok_or("--date needs a value, YYYY-MM-DD")?;
                let value = value.to_string_lossy();
                let date = value.parse::<Date>().map_err(|e| format!("--date {value}: not a date YYYY-MM-DD ({e})"))?;
                options.date = Some(date);
            }
            Some("--threads") => {
                let value = args.next().ok_or("--threads needs a number")?;
                let value = value.to_string_lossy();
                match value.parse::<usize>() {
                    Ok(threads) if threads > 0 => options.threads = Some(threads),
                    _ => return Err(format!("--threads {value}: not a number of threads (1 or more)")),
                }
            }
            Some("--gazetteer") => {
                options.gazetteers.push(PathBuf::from(args.next().ok_or("--gazetteer needs a file")?));
            }
            Some("-h" | "--help") => return Err(USAGE.to_string()),
            Some(flag) if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"));
            }
            _ => options.paths.push(PathBuf::from(arg)),
        }
    }
    match (options.jsonl, options.paths.is_empty()) {
        (true, false) => Err(format!("--jsonl reads stdin; do not give paths too\n{USAGE}")),
        (false, true) => Err(USAGE.to_string()),
        _ => Ok(options),
    }
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Some(threads) = options.threads
        && let Err(error) = rayon::ThreadPoolBuilder::new().num_threads(threads).build_global()
    {
        eprintln!("--threads {threads}: cannot start the threads: {error}");
        return ExitCode::from(2);
    }
    let extractor = if options.gazetteers.is_empty() {
        Extractor::new()
    } else {
        let mut builder = Extractor::builder();
        for path in &options.gazetteers {
            builder.gazetteer_path(path);
        }
        match builder.build() {
            Ok(extractor) => extractor,
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::from(2);
            }
        }
    };
    // Inputs that cannot be read are reported where they are met and counted; the
    // documents that can be read flow through one stream, a bounded window at a time.
    let mut failures = 0usize;
    let result = if options.jsonl {
        let documents = io::stdin().lock().lines().enumerate().filter_map(|(index, line)| {
            let number = index + 1;
            let line = line.map_err(|error| eprintln!("stdin line {number}: {error}")).ok();
            let Some(line) = line else {
                failures += 1;
                return None;
            };
            if line.trim().is_empty() {
                return None;
            }
            match serde_json::from_str::<Document>(&line) {
                Ok(document) => Some(document),
                Err(error) => {
                    eprintln!("stdin line {number}: not a document {{\"id\", \"text\", \"date\"?}}: {error}");
                    failures += 1;
                    None
                }
            }
        });
        write_all(extractor.extract_stream(documents), options.pretty)
    } else {
        let mut listing_failures = 0;
        let paths = files(&options.paths, &mut listing_failures);
        failures += listing_failures;
        let documents = paths.into_iter().filter_map(|path| match read_document(&path) {
            Ok(text) => Some(Document { id: path.display().to_string(), text, date: options.date }),
            Err(message) => {
                eprintln!("{}: {message}", path.display());
                failures += 1;
                None
            }
        });
        write_all(extractor.extract_stream(documents), options.pretty)
    };
    if let Err(error) = result {
        // A closed pipe (`| head`) is the reader's choice, not a failure to report.
        if error.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("cannot write the output: {error}");
        return ExitCode::FAILURE;
    }
    if failures > 0 {
        eprintln!("{failures} input(s) could not be processed; see the messages above");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Writes each extraction as one JSON line (or indented JSON with `pretty`) to stdout.
fn write_all(extractions: impl Iterator<Item = Extraction>, pretty: bool) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for extraction in extractions {
        if pretty {
            serde_json::to_writer_pretty(&mut out, &extraction)?;
        } else {
            serde_json::to_writer(&mut out, &extraction)?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// The files named by `paths`, directories expanded recursively in sorted order. Paths
/// that cannot be listed are reported and counted.
fn files(paths: &[PathBuf], failures: &mut usize) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        collect(path, &mut found, failures);
    }
    found
}

fn collect(path: &Path, found: &mut Vec<PathBuf>, failures: &mut usize) {
    if !path.is_dir() {
        found.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(error) => {
            eprintln!("{}: cannot list the directory: {error}", path.display());
            *failures += 1;
            return;
        }
    };
    let mut children = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => children.push(entry.path()),
            Err(error) => {
                eprintln!("{}: cannot list an entry: {error}", path.display());
                *failures += 1;
            }
        }
    }
    children.sort();
    for child in children {
        collect(&child, found, failures);
    }
}

fn read_document(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("cannot read: {error}"))?;
    String::from_utf8(bytes).map_err(|error| {
        format!(
            "not UTF-8 (first invalid byte at offset {}); convert it, e.g. with iconv",
            error.utf8_error().valid_up_to()
        )
    })
}
