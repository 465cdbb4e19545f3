//! Lesson 11: downloads, resumes, restarts, refusals and stops, each seen on disk and from the
//! server's side; and the binary.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use lesson_11::{
    DownloadError, Downloaded, Progress, Start, download, download_client, expected_sha256,
    part_path, tag_path,
};
use lesson_support::testing::{RawAnswerServer, cut_short, run_lesson, unused_local_url};
use mock_server::{Latency, MockApi, PIECE, ServeOptions, file_bytes, serve};
use tokio::sync::{Notify, oneshot};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-11");

/// Not a round number, and more than two pieces of the mock's.
const SIZE: u64 = 150_001;

/// A fresh, empty folder for one test, removed with its contents when dropped.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new() -> Scratch {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "lesson-11-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the system's temporary directory is writable");
        Scratch { dir }
    }

    fn dest(&self) -> PathBuf {
        self.dir.join("file.bin")
    }

    /// The names in the folder, sorted.
    fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.dir)
            .expect("a scratch folder can be listed")
            .map(|entry| {
                let entry = entry.expect("a scratch folder's entries can be read");
                entry.file_name().to_string_lossy().into_owned()
            })
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Never completes: a download that is not to be stopped.
async fn never() {
    std::future::pending::<()>().await;
}

/// Downloads `/files/{size}` from `base` to `dest`, keeping every progress report.
async fn fetch(
    base: &str,
    size: u64,
    dest: &Path,
) -> (Result<Downloaded, DownloadError>, Vec<Progress>) {
    let client = download_client(base).expect("the client builds");
    let mut reports = Vec::new();
    let outcome = download(
        &client,
        &format!("{base}/files/{size}"),
        dest,
        never(),
        |progress| reports.push(progress),
    )
    .await;
    (outcome, reports)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("the file is there")
}

/// The hyper front end (the lessons' and the binary's), whose body comes a piece at a time with
/// the latency before each. Stops when the sender is dropped.
fn hyper_mock(latency: Duration) -> (String, oneshot::Sender<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let (stop, stopped) = oneshot::channel::<()>();
    let options = ServeOptions {
        latency: Latency::Fixed(latency),
        ..ServeOptions::default()
    };
    tokio::spawn(serve(listener, options, async {
        let _ = stopped.await;
    }));
    (base, stop)
}

#[tokio::test]
async fn downloads_the_whole_file_with_its_hash_and_progress() {
    let api = MockApi::start().await;
    let scratch = Scratch::new();
    let (outcome, reports) = fetch(&api.uri(), SIZE, &scratch.dest()).await;
    let downloaded = outcome.expect("the download succeeds");
    assert_eq!(downloaded.start, Start::Fresh);
    assert_eq!(downloaded.size, SIZE);
    assert_eq!(downloaded.sha256, expected_sha256(SIZE));
    assert!(
        read(&scratch.dest()) == file_bytes(0..SIZE),
        "the bytes differ"
    );
    // Only the file is left: no `.part`, no tag.
    assert_eq!(scratch.entries(), ["file.bin"]);
    // Progress from 0 to the size, never backwards, always against the size announced.
    assert_eq!(reports.first().map(|p| p.received), Some(0));
    assert_eq!(reports.last().map(|p| p.received), Some(SIZE));
    assert!(reports.windows(2).all(|w| w[0].received <= w[1].received));
    assert!(reports.iter().all(|p| p.total == Some(SIZE)), "{reports:?}");
}

/// A `.part` of the same version: only the rest is asked for (`Range`, `If-Range`), and the
/// hash covers the bytes already on disk too.
#[tokio::test]
async fn resumes_a_part_with_range_and_if_range() {
    let api = MockApi::start().await;
    let scratch = Scratch::new();
    let dest = scratch.dest();
    std::fs::write(part_path(&dest), file_bytes(0..70_000)).unwrap();
    std::fs::write(tag_path(&dest), "\"file-150001\"").unwrap();
    let (outcome, reports) = fetch(&api.uri(), SIZE, &dest).await;
    let downloaded = outcome.expect("the download succeeds");
    assert_eq!(downloaded.start, Start::Resumed { from: 70_000 });
    assert_eq!(downloaded.sha256, expected_sha256(SIZE));
    assert!(read(&dest) == file_bytes(0..SIZE), "the bytes differ");
    assert_eq!(scratch.entries(), ["file.bin"]);
    assert_eq!(reports.first().map(|p| p.received), Some(70_000));
    let arrivals = api.arrivals();
    assert_eq!(arrivals.len(), 1);
    assert_eq!(arrivals[0].headers["range"], "bytes=70000-");
    assert_eq!(arrivals[0].headers["if-range"], "\"file-150001\"");
}

/// A `.part` of another version: the server sends the whole file with 200, and the part is
/// thrown away, not continued.
#[tokio::test]
async fn starts_again_when_the_server_sends_the_whole_file() {
    let api = MockApi::start().await;
    let scratch = Scratch::new();
    let dest = scratch.dest();
    std::fs::write(part_path(&dest), vec![0xAA; 5_000]).unwrap();
    std::fs::write(tag_path(&dest), "\"file-99\"").unwrap();
    let (outcome, _) = fetch(&api.uri(), SIZE, &dest).await;
    let downloaded = outcome.expect("the download succeeds");
    assert_eq!(downloaded.start, Start::Restarted { had: 5_000 });
    assert_eq!(downloaded.sha256, expected_sha256(SIZE));
    assert!(read(&dest) == file_bytes(0..SIZE), "the bytes differ");
    assert_eq!(scratch.entries(), ["file.bin"]);
}

/// A `.part` that is the whole file (a run stopped before its rename): the server answers 416
/// to the range past its end, and the part is finished without downloading it again.
#[tokio::test]
async fn a_part_holding_the_whole_file_is_finished() {
    let api = MockApi::start().await;
    let scratch = Scratch::new();
    let dest = scratch.dest();
    std::fs::write(part_path(&dest), file_bytes(0..SIZE)).unwrap();
    let (outcome, _) = fetch(&api.uri(), SIZE, &dest).await;
    let downloaded = outcome.expect("the download succeeds");
    assert_eq!(downloaded.start, Start::Resumed { from: SIZE });
    assert_eq!(downloaded.sha256, expected_sha256(SIZE));
    assert_eq!(scratch.entries(), ["file.bin"]);
    assert_eq!(api.arrivals().len(), 1);
}

/// A `.part` longer than the file: 416, and the download starts again from nothing.
#[tokio::test]
async fn a_part_longer_than_the_file_starts_again() {
    let api = MockApi::start().await;
    let scratch = Scratch::new();
    let dest = scratch.dest();
    std::fs::write(part_path(&dest), vec![1; SIZE as usize + 10]).unwrap();
    let (outcome, _) = fetch(&api.uri(), SIZE, &dest).await;
    let downloaded = outcome.expect("the download succeeds");
    assert_eq!(downloaded.start, Start::Restarted { had: SIZE + 10 });
    assert!(read(&dest) == file_bytes(0..SIZE), "the bytes differ");
    let ranges: Vec<Option<String>> = api
        .arrivals()
        .iter()
        .map(|arrival| {
            arrival
                .headers
                .get("range")
                .map(|value| value.to_str().unwrap_or_default().to_owned())
        })
        .collect();
    assert_eq!(ranges, [Some("bytes=150011-".to_owned()), None]);
}

/// A 206 for other bytes than asked for: refused, and the part left as it was.
#[tokio::test]
async fn a_206_for_other_bytes_is_refused_and_the_part_kept() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(206)
                .insert_header("content-range", "bytes 0-9/100")
                .set_body_bytes(vec![7; 10]),
        )
        .mount(&server)
        .await;
    let scratch = Scratch::new();
    let dest = scratch.dest();
    std::fs::write(part_path(&dest), file_bytes(0..50)).unwrap();
    let (outcome, _) = fetch(&server.uri(), 100, &dest).await;
    let err = outcome.expect_err("a wrong range is refused");
    assert!(
        matches!(err, DownloadError::WrongRange { asked: 50, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("`Content-Range: bytes 0-9/100`"),
        "{err}"
    );
    assert_eq!(read(&part_path(&dest)), file_bytes(0..50));
    assert_eq!(scratch.entries(), ["file.bin.part"]);
}

#[tokio::test]
async fn an_error_status_downloads_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).set_body_string("{}"))
        .mount(&server)
        .await;
    let scratch = Scratch::new();
    let (outcome, _) = fetch(&server.uri(), SIZE, &scratch.dest()).await;
    let err = outcome.expect_err("a 503 is an error");
    assert!(
        matches!(err, DownloadError::Status(status) if status == 503),
        "{err:?}"
    );
    assert!(scratch.entries().is_empty(), "{:?}", scratch.entries());
}

/// A body that breaks off: an error that says so, the bytes that came kept in the `.part` for a
/// resume, and nothing under the final name.
#[tokio::test]
async fn a_body_that_breaks_off_leaves_what_came_in_the_part() {
    let server = RawAnswerServer::start(cut_short(200), false)
        .await
        .expect("the server starts");
    let scratch = Scratch::new();
    let dest = scratch.dest();
    let client = download_client(&server.url).expect("the client builds");
    let outcome = download(&client, &server.url, &dest, never(), |_| {}).await;
    let err = outcome.expect_err("a broken body is an error");
    assert!(
        err.to_string().contains("keeps them: run again to resume"),
        "{err}"
    );
    let DownloadError::BrokeOff { received, .. } = err else {
        panic!("expected BrokeOff, got {err:?}");
    };
    // Some of the 400 bytes announced came before the break, and all of those are on disk.
    assert!(received > 0 && received < 400, "{received}");
    assert_eq!(read(&part_path(&dest)).len() as u64, received);
    assert_eq!(scratch.entries(), ["file.bin.part"]);
}

/// Stopped between two pieces (as Ctrl-C does): the `.part` holds exactly the bytes counted, in
/// order, and a second run resumes from there to the same file and hash.
#[tokio::test]
async fn a_stop_keeps_every_byte_received_and_the_next_run_resumes() {
    let (base, _stop) = hyper_mock(Duration::from_millis(20));
    let size = 10 * PIECE as u64 + 123;
    let scratch = Scratch::new();
    let dest = scratch.dest();
    let client = download_client(&base).expect("the client builds");
    let url = format!("{base}/files/{size}");

    let stop = Notify::new();
    let outcome = download(&client, &url, &dest, stop.notified(), |progress| {
        if progress.received >= 3 * PIECE as u64 {
            stop.notify_one();
        }
    })
    .await;
    let err = outcome.expect_err("the download was stopped");
    let DownloadError::Cancelled { received, .. } = err else {
        panic!("expected Cancelled, got {err:?}");
    };
    assert!(
        received >= 3 * PIECE as u64 && received < size,
        "{received}"
    );
    assert!(
        read(&part_path(&dest)) == file_bytes(0..received),
        "the part is not the first {received} bytes"
    );
    assert!(
        !dest.exists(),
        "a stopped download left a file under the final name"
    );
    assert!(err.to_string().contains("run again to resume"), "{err}");

    let downloaded = download(&client, &url, &dest, never(), |_| {})
        .await
        .expect("the second run succeeds");
    assert_eq!(downloaded.start, Start::Resumed { from: received });
    assert_eq!(downloaded.sha256, expected_sha256(size));
    assert!(read(&dest) == file_bytes(0..size), "the bytes differ");
    assert_eq!(scratch.entries(), ["file.bin"]);
}

// ---------------------------------------------------------------------------------------------
// The binary.

#[test]
fn the_lesson_cuts_the_first_attempt_and_resumes_it() {
    let scratch = Scratch::new();
    let out = scratch.dest();
    let run = run_lesson(
        LESSON,
        &[
            "--size",
            "300001",
            "--out",
            out.to_str().expect("a UTF-8 path"),
            "--latency",
            "1ms",
        ],
    );
    run.assert_success();
    for expected in [
        "attempt 1: cut short after",
        "206 Partial Content",
        "300001 bytes in",
        "matches the file the mock serves",
    ] {
        assert!(
            run.stdout.contains(expected),
            "{expected:?} in:\n{}",
            run.stdout
        );
    }
    assert_eq!(read(&out).len(), 300_001);
    assert_eq!(scratch.entries(), ["file.bin"]);
}

#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--size", "2TiB"]).assert_clean_failure("at most 1TiB");
    run_lesson(LESSON, &["--size", "8 furlongs"]).assert_clean_failure("unknown unit");
    run_lesson(LESSON, &["--size", "lots"]).assert_clean_failure("is not a size");
    run_lesson(LESSON, &["--cut-at", "100"]).assert_clean_failure("'100'");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
}

#[test]
fn a_server_that_is_not_there_is_one_line_and_a_non_zero_exit() {
    let scratch = Scratch::new();
    let out = scratch.dest();
    run_lesson(
        LESSON,
        &[
            "--base-url",
            &unused_local_url(),
            "--out",
            out.to_str().expect("a UTF-8 path"),
        ],
    )
    .assert_clean_failure("the request failed");
}

#[test]
fn a_folder_that_does_not_exist_is_one_line_and_a_non_zero_exit() {
    let scratch = Scratch::new();
    let out = scratch.dir.join("no-such-folder").join("file.bin");
    run_lesson(
        LESSON,
        &[
            "--size",
            "1000",
            "--out",
            out.to_str().expect("a UTF-8 path"),
        ],
    )
    .assert_clean_failure("file.bin.part");
}

#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    let scratch = Scratch::new();
    let out = scratch.dest();
    run_lesson_into(
        LESSON,
        &[
            "--size",
            "1000",
            "--out",
            out.to_str().expect("a UTF-8 path"),
        ],
        Sink::ClosedPipe,
    )
    .assert_quiet_after_closed_pipe();
}
