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
    gazetteers: Vec<PathBuf>,
    paths: Vec<PathBuf>,
}

const USAGE: &str =
    "usage: extract [--pretty] [--date YYYY-MM-DD] PATH...\n       extract [--pretty] --jsonl < documents.jsonl";

fn parse_args() -> Result<Options, String> {
    let mut options = Options { jsonl: false, pretty: false, date: None, gazetteers: Vec::new(), paths: Vec::new() };
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
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failures = 0usize;
    let emit = |extraction: &Extraction, out: &mut BufWriter<io::StdoutLock>| -> io::Result<()> {
        if options.pretty {
            serde_json::to_writer_pretty(&mut *out, extraction)?;
        } else {
            serde_json::to_writer(&mut *out, extraction)?;
        }
        out.write_all(b"\n")
    };
    let result = if options.jsonl {
        let stdin = io::stdin().lock();
        (|| {
            for (index, line) in stdin.lines().enumerate() {
                let number = index + 1;
                let line = match line {
                    Ok(line) => line,
                    Err(error) => {
                        eprintln!("stdin line {number}: {error}");
                        failures += 1;
                        continue;
                    }
                };
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Document>(&line) {
                    Ok(document) => emit(&extractor.extract_document(&document), &mut out)?,
                    Err(error) => {
                        eprintln!("stdin line {number}: not a document {{\"id\", \"text\", \"date\"?}}: {error}");
                        failures += 1;
                    }
                }
            }
            Ok(())
        })()
    } else {
        (|| {
            for path in files(&options.paths, &mut failures) {
                match read_document(&path) {
                    Ok(text) => {
                        let mut document = Document::new(path.display().to_string(), text);
                        document.date = options.date;
                        emit(&extractor.extract_document(&document), &mut out)?;
                    }
                    Err(message) => {
                        eprintln!("{}: {message}", path.display());
                        failures += 1;
                    }
                }
            }
            Ok(())
        })()
    };
    if let Err(error) = result.and_then(|()| out.flush()) {
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
