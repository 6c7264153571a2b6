//! The `extract` example, the main job of the README: bad input is reported with its file
//! or line, every good document is still processed, and the exit code says so.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The example as `cargo test` builds it, beside this test's own executable.
fn example() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its path");
    let target = exe.parent().and_then(|deps| deps.parent()).expect("target/<profile>/deps");
    let example = target.join("examples").join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    assert!(example.exists(), "{} is built by `cargo test`", example.display());
    example
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(example())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn bad_json_lines_are_reported_by_line_and_good_ones_still_processed() {
    let input = "{\"id\": \"a\", \"text\": \"Banjir di Demak, Senin.\"}\nnot json\n\n\
                 {\"id\": \"b\", \"text\": \"Gempa di Sukabumi.\", \"date\": \"2024-03-04\"}\n\
                 {\"id\": \"c\", \"text\": \"x\", \"date\": \"kemarin\"}\n";
    let output = run(&["--jsonl", "--threads", "2"], input);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let ids: Vec<String> = stdout
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("stdin line 2:") && stderr.contains("stdin line 5:"), "{stderr}");
}

#[test]
fn unreadable_and_non_utf8_files_are_reported_by_path() {
    let dir = std::env::temp_dir().join(format!("intisari-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-good.txt"), "Warga Kulon Progo menanam cabai.").unwrap();
    std::fs::write(dir.join("b-latin1.txt"), b"Caf\xe9 di Bandung").unwrap();
    let missing = dir.join("c-missing.txt");
    let output = run(&[dir.to_str().unwrap(), missing.to_str().unwrap()], "");
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("a-good.txt"));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("b-latin1.txt: not UTF-8"), "{stderr}");
    assert!(stderr.contains("c-missing.txt: cannot read"), "{stderr}");
}

#[test]
fn bad_options_stop_before_any_work() {
    for args in [&["--date", "17-11-2023", "x.txt"][..], &["--threads", "0", "x.txt"], &["--bogus"]] {
        let output = run(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        assert!(!output.stderr.is_empty());
    }
}
