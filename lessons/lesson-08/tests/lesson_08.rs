//! Lesson 08: the atomic write proven on the filesystem, the skip proven from the server's side
//! (a saved post costs no request), the bound on concurrency measured by the server, and the
//! binary end to end. Every test works in a fresh folder of its own under the system's
//! temporary directory and removes it afterwards.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use futures::StreamExt;
use lesson_08::{
    SaveError, Saved, Tally, is_temp_post_name, post_path, remove_stale_temp_files, save_post,
    save_posts, temp_path_beside, write_atomically, write_atomically_in_one_trip,
};
use lesson_support::models::Post;
use lesson_support::testing::{LessonRun, run_lesson, server_answering, unused_local_url};
use mock_server::{Latency, MockApi};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-08");

/// A fresh, empty folder for one test, removed with its contents when dropped.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new() -> Scratch {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "lesson-08-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the system's temporary directory is writable");
        Scratch { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn arg(&self) -> &str {
        self.dir
            .to_str()
            .expect("the system's temporary directory has a UTF-8 path")
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

/// Both atomic writes, under one signature, so every property is proven for each.
async fn write_both_ways(which: usize, path: &Path, contents: &[u8]) -> io::Result<()> {
    match which {
        0 => write_atomically(path, contents).await,
        _ => write_atomically_in_one_trip(path.to_owned(), contents.to_owned()).await,
    }
}

/// A new file holds exactly the contents; a second write replaces it (even with fewer bytes);
/// nothing else is left in the folder.
#[tokio::test]
async fn an_atomic_write_creates_and_replaces_the_file_and_leaves_nothing_else() {
    for which in 0..2 {
        let scratch = Scratch::new();
        let path = scratch.path("post-7.json");

        write_both_ways(which, &path, b"the first, longer contents\n")
            .await
            .unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"the first, longer contents\n"
        );
        write_both_ways(which, &path, b"second\n").await.unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second\n");

        assert_eq!(scratch.entries(), ["post-7.json"], "way {which}");
    }
}

/// A destination that is a symlink is replaced by the new file; the file it pointed to is left
/// untouched: proof that the write went to another file and was renamed over the name.
#[cfg(unix)]
#[tokio::test]
async fn an_atomic_write_replaces_a_symlink_instead_of_writing_through_it() {
    for which in 0..2 {
        let scratch = Scratch::new();
        let sentinel = scratch.path("sentinel.txt");
        let path = scratch.path("post-7.json");
        std::fs::write(&sentinel, b"unchanged").unwrap();
        std::os::unix::fs::symlink(&sentinel, &path).unwrap();

        write_both_ways(which, &path, b"new").await.unwrap();

        assert_eq!(
            std::fs::read(&sentinel).unwrap(),
            b"unchanged",
            "way {which}"
        );
        assert!(std::fs::symlink_metadata(&path).unwrap().is_file());
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }
}

/// A write that cannot finish returns the error and removes its temporary file: a rename onto a
/// folder fails after the temporary file was written; a missing folder fails before.
#[tokio::test]
async fn a_failed_atomic_write_returns_the_error_and_leaves_no_temporary_file() {
    for which in 0..2 {
        let scratch = Scratch::new();
        let folder_in_the_way = scratch.path("post-7.json");
        std::fs::create_dir(&folder_in_the_way).unwrap();
        std::fs::write(folder_in_the_way.join("keep.txt"), b"x").unwrap();

        assert!(
            write_both_ways(which, &folder_in_the_way, b"new")
                .await
                .is_err()
        );
        assert_eq!(scratch.entries(), ["post-7.json"], "way {which}");
        assert!(folder_in_the_way.join("keep.txt").is_file());

        let missing = scratch.path("missing").join("post-7.json");
        let err = write_both_ways(which, &missing, b"new").await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}

/// Temporary names sit beside the destination, hidden, and never repeat; a path with no file
/// name is refused.
#[test]
fn temporary_names_are_beside_the_destination_and_unique() {
    let path = Path::new("/data/posts/post-7.json");
    let first = temp_path_beside(path).unwrap();
    let second = temp_path_beside(path).unwrap();
    assert_ne!(first, second);
    for temp in [&first, &second] {
        assert_eq!(temp.parent(), path.parent());
        let name = temp.file_name().unwrap().to_string_lossy();
        assert!(name.starts_with(".post-7.json.tmp-"), "{name}");
    }
    let err = temp_path_beside(Path::new("/")).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
}

/// A post is fetched with one GET and saved as pretty JSON, under `post-<id>.json`, equal to
/// what the server sent.
#[tokio::test]
async fn a_post_is_saved_as_pretty_json_under_its_id() {
    let api = MockApi::start().await;
    let client = lesson_support::client::client(&api.uri()).unwrap();
    let scratch = Scratch::new();

    let saved = save_post(&client, &api.uri(), &scratch.dir, 7)
        .await
        .unwrap();

    let text = std::fs::read_to_string(scratch.path("post-7.json")).unwrap();
    assert_eq!(saved, Saved::Written { bytes: text.len() });
    assert!(
        text.starts_with("{\n  \"userId\": 1,\n  \"id\": 7,"),
        "{text}"
    );
    assert!(text.ends_with("}\n"));
    let on_disk: Post = serde_json::from_str(&text).unwrap();
    let served: Post = client
        .get(format!("{}/posts/7", api.uri()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(on_disk, served);
    let paths: Vec<String> = api.arrivals().into_iter().map(|a| a.path).collect();
    assert_eq!(
        paths,
        ["/posts/7", "/posts/7"],
        "one to save, one to compare"
    );
}

/// A post whose file exists is skipped, and the server never hears of it.
#[tokio::test]
async fn a_saved_post_is_skipped_without_a_request() {
    let api = MockApi::start().await;
    let client = lesson_support::client::client(&api.uri()).unwrap();
    let scratch = Scratch::new();

    let first = save_post(&client, &api.uri(), &scratch.dir, 3)
        .await
        .unwrap();
    let again = save_post(&client, &api.uri(), &scratch.dir, 3)
        .await
        .unwrap();

    assert!(matches!(first, Saved::Written { .. }));
    assert_eq!(again, Saved::AlreadyThere);
    assert_eq!(api.arrivals().len(), 1);
}

/// A 404 (post 101 does not exist), a 500 or a body that is not a post is a `Fetch` error for
/// that id, and no file is written.
#[tokio::test]
async fn a_post_that_does_not_arrive_writes_no_file() {
    let api = MockApi::start().await;
    let client = lesson_support::client::client(&api.uri()).unwrap();
    let scratch = Scratch::new();

    let err = save_post(&client, &api.uri(), &scratch.dir, 101)
        .await
        .unwrap_err();
    match err {
        SaveError::Fetch { id: 101, source } => {
            assert_eq!(source.status().map(|s| s.as_u16()), Some(404));
        }
        other => panic!("expected a fetch error for post 101, got {other:?}"),
    }

    let failing = server_answering(ResponseTemplate::new(500)).await;
    let html = server_answering(ResponseTemplate::new(200).set_body_string("<html>")).await;
    for server in [&failing, &html] {
        let err = save_post(&client, &server.uri(), &scratch.dir, 1)
            .await
            .unwrap_err();
        assert!(matches!(err, SaveError::Fetch { id: 1, .. }), "{err:?}");
    }
    assert!(scratch.entries().is_empty(), "{:?}", scratch.entries());
}

/// With a limit of 4, the server never has more than 4 requests in flight, and sees exactly
/// 4 at its busiest: bounded, and still concurrent.
#[tokio::test]
async fn saving_many_posts_keeps_at_most_the_limit_in_flight() {
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(150)))
        .start()
        .await;
    let client = lesson_support::client::client(&api.uri()).unwrap();
    let scratch = Scratch::new();

    let outcomes: Vec<_> = save_posts(&client, &api.uri(), &scratch.dir, 1..=12, 4)
        .collect()
        .await;

    let mut tally = Tally::default();
    for (_, outcome) in &outcomes {
        tally.add(outcome);
    }
    assert_eq!(tally.to_string(), "saved 12, skipped 0, failed 0");
    assert_eq!(api.peak_in_flight(), 4);
    assert_eq!(scratch.entries().len(), 12);
    assert!(post_path(&scratch.dir, 12).is_file());
}

/// A second run over more ids requests only the posts the first run did not save.
#[tokio::test]
async fn a_second_run_requests_only_the_posts_not_yet_saved() {
    let api = MockApi::start().await;
    let client = lesson_support::client::client(&api.uri()).unwrap();
    let scratch = Scratch::new();

    let _: Vec<_> = save_posts(&client, &api.uri(), &scratch.dir, 1..=5, 3)
        .collect()
        .await;
    let before = api.arrivals().len();
    let second: Vec<_> = save_posts(&client, &api.uri(), &scratch.dir, 1..=7, 3)
        .collect()
        .await;

    let mut new_paths: Vec<String> = api.arrivals()[before..]
        .iter()
        .map(|a| a.path.clone())
        .collect();
    new_paths.sort();
    assert_eq!(new_paths, ["/posts/6", "/posts/7"]);
    let mut tally = Tally::default();
    for (_, outcome) in &second {
        tally.add(outcome);
    }
    assert_eq!(tally.to_string(), "saved 2, skipped 5, failed 0");
}

/// Every line the lesson prints fits 80 columns.
fn assert_fits_80_columns(run: &LessonRun) {
    assert!(
        run.stdout.lines().all(|line| line.chars().count() <= 80),
        "{run}"
    );
}

/// The default run saves posts 1 to 10 and says so file by file; the same command again skips
/// all ten.
#[test]
fn runs_offline_saves_the_posts_and_a_rerun_skips_them() {
    let scratch = Scratch::new();
    let args = ["--dir", scratch.arg(), "--latency", "20ms"];

    let first = run_lesson(LESSON, &args);
    first.assert_success();
    assert!(
        first.stdout.contains("saved 10, skipped 0, failed 0"),
        "{first}"
    );
    assert!(first.stdout.contains("post-1.json     saved"), "{first}");
    assert!(first.stdout.contains("Run it again"), "{first}");
    let expected: Vec<String> = {
        let mut names: Vec<String> = (1..=10).map(|id| format!("post-{id}.json")).collect();
        names.sort();
        names
    };
    assert_eq!(scratch.entries(), expected);
    assert_fits_80_columns(&first);

    let again = run_lesson(LESSON, &args);
    again.assert_success();
    assert!(
        again.stdout.contains("saved 0, skipped 10, failed 0"),
        "{again}"
    );
    assert!(
        again
            .stdout
            .contains("post-1.json     skipped  already saved, no request sent"),
        "{again}"
    );
    assert_fits_80_columns(&again);
}

/// Posts beyond 100 fail with 404, each reported for its id, and leave no file; the run still
/// succeeds with the hundred others.
#[test]
fn missing_posts_are_reported_per_id_and_write_no_file() {
    let scratch = Scratch::new();
    let run = run_lesson(
        LESSON,
        &[
            "--dir",
            scratch.arg(),
            "--count",
            "102",
            "--concurrency",
            "20",
            "--latency",
            "0",
        ],
    );
    run.assert_success();
    assert!(
        run.stdout
            .contains("post-101.json   failed   HTTP status client error (404 Not Found)"),
        "{run}"
    );
    assert!(run.stdout.contains("post-102.json   failed"), "{run}");
    assert!(
        run.stdout.contains("saved 100, skipped 0, failed 2"),
        "{run}"
    );
    assert!(run.stdout.contains("… and 90 more"), "{run}");
    assert!(!scratch.path("post-101.json").exists());
    assert_eq!(scratch.entries().len(), 100);
    assert_fits_80_columns(&run);
}

/// Without `--dir`, the posts go to a folder under the system's temporary directory (here
/// pointed at a scratch folder through `TMPDIR`), and the lesson says where.
#[cfg(unix)]
#[test]
fn without_a_dir_the_posts_go_under_the_system_temporary_directory() {
    let scratch = Scratch::new();
    let output = std::process::Command::new(LESSON)
        .args(["--count", "2", "--latency", "0"])
        .env_remove("API_BASE_URL")
        .env("TMPDIR", &scratch.dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let dir = scratch.path("async-http-course").join("posts");
    assert!(
        stdout.contains(&format!("into {}", dir.display())),
        "{stdout}"
    );
    assert!(dir.join("post-2.json").is_file());
}

/// A `--dir` that cannot be a folder (a path under a regular file) is one clear error, before
/// any request.
#[test]
fn a_dir_that_cannot_be_created_is_one_clear_error() {
    let scratch = Scratch::new();
    std::fs::write(scratch.path("a-file"), b"not a folder").unwrap();
    let under_a_file = scratch.path("a-file").join("posts");

    let run = run_lesson(LESSON, &["--dir", under_a_file.to_str().unwrap()]);

    run.assert_clean_failure("cannot save into");
    assert!(!run.stdout.contains("post-"), "{run}");
    assert_eq!(run.stderr.matches("error:").count(), 1, "{run}");
}

/// Bad flags are refused before anything is sent or written.
#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--count", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--count", "abc"]).assert_clean_failure("'abc'");
    run_lesson(LESSON, &["--concurrency", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
    run_lesson(LESSON, &["--latency", "soon"]).assert_clean_failure("'soon'");
}

/// `--deadline` takes a duration above zero, up to a day.
#[test]
fn malformed_deadlines_are_refused_clearly() {
    run_lesson(LESSON, &["--deadline", "0"]).assert_clean_failure("above zero");
    run_lesson(LESSON, &["--deadline", "soon"]).assert_clean_failure("'soon'");
    run_lesson(LESSON, &["--deadline", "100000s"]).assert_clean_failure("at most 86400s");
    let help = run_lesson(LESSON, &["--help"]);
    assert!(help.stdout.contains("--deadline <DURATION>"), "{help}");
    assert!(help.stdout.contains("[default: 60s]"), "{help}");
}

/// Longer than any test lasts: a server that waits this long before answering never answers.
const NEVER: Duration = Duration::from_secs(3600);

/// A server that answers posts 1 to `answered` at once and never answers any other request.
async fn posts_then_silence(answered: u64) -> MockServer {
    let server = MockServer::start().await;
    for id in 1..=answered {
        let post = Post {
            user_id: 1,
            id,
            title: format!("post {id}"),
            body: "a body".to_owned(),
        };
        Mock::given(method("GET"))
            .and(path(format!("/posts/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(post))
            .mount(&server)
            .await;
    }
    // The lowest priority: it answers (never) only what no post above matched.
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(NEVER))
        .with_priority(u8::MAX)
        .mount(&server)
        .await;
    server
}

/// Against a server that accepts every request and never answers, the run ends at its
/// deadline with one line saying what was done and what to do (before: three waves of the
/// client's 30-second timeout for the default ten posts). The server's side proves that the
/// deadline ended it: it received the first four requests and never a fifth, which a
/// timed-out request would have let in.
#[tokio::test]
async fn a_server_that_never_answers_is_given_up_at_the_deadline() {
    let scratch = Scratch::new();
    let server = posts_then_silence(0).await;

    let run = run_lesson(
        LESSON,
        &[
            "--dir",
            scratch.arg(),
            "--base-url",
            &server.uri(),
            "--deadline",
            "2s",
        ],
    );

    run.assert_clean_failure(
        "the 2s deadline passed: none of the 10 posts was done: no answer at all (is the server \
         answering?); run again to go on from there (saved posts are skipped), or raise it with \
         --deadline (such as --deadline 8s)",
    );
    assert!(run.stdout.contains("saved 0, skipped 0, failed 0"), "{run}");
    let received = server.received_requests().await.unwrap_or_default().len();
    assert!(received <= 4, "{received} requests: a fifth started\n{run}");
    assert!(scratch.entries().is_empty(), "{:?}", scratch.entries());
}

/// The posts saved before the deadline stay saved, and are skipped by the rerun, which asks
/// only for the others.
#[tokio::test]
async fn what_was_saved_before_the_deadline_stays_and_a_rerun_goes_on_from_there() {
    let scratch = Scratch::new();
    let server = posts_then_silence(3).await;
    let args = [
        "--dir",
        scratch.arg(),
        "--base-url",
        &server.uri(),
        "--count",
        "5",
        "--concurrency",
        "5",
        "--deadline",
        "2s",
    ];

    let run = run_lesson(LESSON, &args);
    run.assert_clean_failure(
        "the 2s deadline passed: 3 of 5 posts done (saved 3, skipped 0, failed 0), 2 unfinished",
    );
    assert_eq!(
        scratch.entries(),
        ["post-1.json", "post-2.json", "post-3.json"]
    );

    let again = run_lesson(LESSON, &args);
    again.assert_clean_failure("3 of 5 posts done (saved 0, skipped 3, failed 0), 2 unfinished");
}

/// A run killed halfway (`kill -9`) leaves its temporary file behind; the next run removes such
/// files and says how many, but only its own (`.post-<id>.json.tmp-<pid>-<n>`, a regular file)
/// and only those older than the run: a younger one (here dated in the future) belongs to a
/// run going on right now. A rerun then finds nothing to remove.
#[test]
fn a_run_removes_only_its_own_stale_temporary_files() {
    let scratch = Scratch::new();
    let hour = Duration::from_secs(3600);
    let now = std::time::SystemTime::now();
    let plant = |name: &str, modified: std::time::SystemTime| {
        let file = std::fs::File::create(scratch.path(name)).unwrap();
        file.set_modified(modified).unwrap();
    };
    plant(".post-3.json.tmp-4000000-0", now - hour);
    plant(".post-4.json.tmp-4000000-1", now + hour);
    plant("notes.txt", now - hour);
    plant(".post-5.json.tmp-x", now - hour);
    plant("post-6.json.tmp-4000000-2", now - hour);
    plant(".post-7.json.tmp-4000000-3.bak", now - hour);
    std::fs::create_dir(scratch.path(".post-8.json.tmp-4000000-4")).unwrap();
    let args = ["--dir", scratch.arg(), "--count", "2", "--latency", "0"];

    let run = run_lesson(LESSON, &args);

    run.assert_success();
    assert_eq!(
        run.stdout
            .matches("Removed 1 temporary file left by an interrupted run.")
            .count(),
        1,
        "{run}"
    );
    assert_eq!(
        scratch.entries(),
        [
            ".post-4.json.tmp-4000000-1",
            ".post-5.json.tmp-x",
            ".post-7.json.tmp-4000000-3.bak",
            ".post-8.json.tmp-4000000-4",
            "notes.txt",
            "post-1.json",
            "post-2.json",
            "post-6.json.tmp-4000000-2",
        ]
    );
    assert_fits_80_columns(&run);

    let again = run_lesson(LESSON, &args);
    again.assert_success();
    assert!(!again.stdout.contains("Removed"), "{again}");
}

/// Several stale files are counted in one line; the cleanup's own function agrees.
#[tokio::test]
async fn stale_temporary_files_are_counted() {
    let scratch = Scratch::new();
    for n in 0..3 {
        let name = format!(".post-{n}.json.tmp-4000000-{n}");
        std::fs::write(scratch.path(&name), b"half a post").unwrap();
    }
    // Written before this moment: older than a run that starts now.
    let started = std::time::SystemTime::now() + Duration::from_secs(1);
    assert_eq!(
        remove_stale_temp_files(&scratch.dir, started)
            .await
            .unwrap(),
        3
    );
    assert!(scratch.entries().is_empty(), "{:?}", scratch.entries());
    assert_eq!(
        remove_stale_temp_files(&scratch.dir, started)
            .await
            .unwrap(),
        0
    );
}

/// The cleanup's pattern is exactly the names `temp_path_beside` gives a post's file.
#[test]
fn the_cleanup_matches_exactly_the_temporary_names_of_posts() {
    let dir = Path::new("/some/dir");
    for id in [1, 42, 1000] {
        let temp = temp_path_beside(&post_path(dir, id)).unwrap();
        let name = temp.file_name().unwrap().to_str().unwrap();
        assert!(is_temp_post_name(name), "{name}");
    }
    for other in [
        "post-1.json",
        ".post-1.json",
        "post-1.json.tmp-2-3",
        ".post-.json.tmp-2-3",
        ".post-1.json.tmp-2",
        ".post-1.json.tmp-2-",
        ".post-1.json.tmp-2-3-4",
        ".post-x.json.tmp-2-3",
        ".notes.txt.tmp-2-3",
        ".post-1.json.tmp-2-3 ",
    ] {
        assert!(!is_temp_post_name(other), "{other}");
    }
}

/// When no post can be fetched (nothing listens, the server answers 500, the body is not
/// JSON), each failure is listed, no file is written, and the exit code says so.
#[tokio::test]
async fn a_server_that_never_answers_well_fails_every_post_and_exits_non_zero() {
    let scratch = Scratch::new();
    let dir = scratch.arg();

    let run = run_lesson(LESSON, &["--dir", dir, "--base-url", &unused_local_url()]);
    run.assert_clean_failure("all 10 posts failed");
    assert!(run.stdout.contains("post-10.json    failed"), "{run}");
    assert!(
        run.stdout.contains("saved 0, skipped 0, failed 10"),
        "{run}"
    );

    let failing = server_answering(ResponseTemplate::new(500)).await;
    run_lesson(LESSON, &["--dir", dir, "--base-url", &failing.uri()])
        .assert_clean_failure("500 Internal Server Error");

    let html = server_answering(ResponseTemplate::new(200).set_body_string("<html>")).await;
    run_lesson(LESSON, &["--dir", dir, "--base-url", &html.uri()])
        .assert_clean_failure("error decoding response body");

    assert!(scratch.entries().is_empty(), "{:?}", scratch.entries());
}

/// `lesson-08 | head -1`: once the reader has gone, the lesson stops quietly with status 141,
/// as `ls` does, instead of panicking in `println!`. The pipe is a real one, closed before the
/// lesson writes.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    let scratch = Scratch::new();
    run_lesson_into(LESSON, &["--dir", scratch.arg()], Sink::ClosedPipe)
        .assert_quiet_after_closed_pipe();
}

/// `lesson-08 > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line() {
    use lesson_support::testing::{Sink, run_lesson_into};
    let scratch = Scratch::new();
    run_lesson_into(LESSON, &["--dir", scratch.arg()], Sink::FullDisk)
        .assert_clean_failure("cannot write to stdout: No space left on device");
}

/// A failed post's line gives the reason without the URL, which the post's name already
/// tells: for a 500, the status alone, whole, not cut off inside a `for url (…)`.
#[tokio::test]
async fn a_failed_posts_line_gives_its_reason_without_the_url() {
    let scratch = Scratch::new();
    let failing = server_answering(ResponseTemplate::new(500)).await;

    let run = run_lesson(
        LESSON,
        &[
            "--dir",
            scratch.arg(),
            "--count",
            "2",
            "--base-url",
            &failing.uri(),
        ],
    );

    run.assert_clean_failure("500 Internal Server Error");
    let line = run
        .stdout
        .lines()
        .find(|line| line.contains("post-1.json"))
        .unwrap_or_else(|| panic!("no line for post 1:\n{run}"));
    assert_eq!(
        line, "  post-1.json     failed   HTTP status server error (500 Internal Server Error)",
        "{run}"
    );
    assert!(!run.stdout.contains("for url"), "{run}");
}
