//! Helpers for testing the lessons end to end (enabled by the `testing` feature).
//!
//! A lesson's integration tests run its real binary, the way a learner does, and check what it
//! prints and how it exits, including against servers that misbehave on purpose.

use std::process::{Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

mod blocked_polls;
pub mod figures;
pub use blocked_polls::blocked_polls;
mod heartbeat;
mod held_still;
pub use held_still::held_still;
mod held;
pub use heartbeat::Heartbeat;
pub use held::{Held, holding};
mod raw_answer;
pub mod second_process;
pub use raw_answer::{RawAnswerServer, cut_short};
mod slow_body;
pub use slow_body::{BodyGate, SlowAnswer, SlowArrival, SlowBodyServer};
mod watchdog;

use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// What a finished lesson run printed, and how it exited.
#[derive(Debug)]
pub struct LessonRun {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Runs a lesson binary (pass `env!("CARGO_BIN_EXE_lesson-NN")`) with `args` and waits for it.
///
/// `API_BASE_URL` is removed from its environment, so a value set in the developer's shell
/// cannot redirect the test.
pub fn run_lesson(binary: &str, args: &[&str]) -> LessonRun {
    run_lesson_with(binary, args, Stdio::piped(), Stdio::piped())
}

/// Where [`run_lesson_into`] sends a lesson's output: the two places `println!` cannot write to.
#[derive(Clone, Copy, Debug)]
pub enum Sink {
    /// A real pipe whose reading end is closed before the lesson starts, as after
    /// `lesson-NN | head -1` once `head` has its line: every write fails with a broken pipe.
    /// Closed beforehand rather than after a line, so that the lesson cannot finish writing
    /// first, however fast it runs. (Unix only.)
    ClosedPipe,
    /// `/dev/full`, where every write fails with "No space left on device", as on a full disk.
    /// (Linux only.)
    FullDisk,
}

impl Sink {
    fn open(self) -> Stdio {
        match self {
            #[cfg(unix)]
            Sink::ClosedPipe => {
                // tokio's `pipe` registers both ends with a runtime; this one lives only until
                // the writing end is taken back out of it, as a plain blocking descriptor.
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_io()
                    .build()
                    .expect("a runtime to make a pipe in");
                let _inside = runtime.enter();
                let (writer, reader) = tokio::net::unix::pipe::pipe().expect("a pipe");
                drop(reader);
                writer
                    .into_blocking_fd()
                    .expect("the pipe's writing end")
                    .into()
            }
            Sink::FullDisk => std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full (Linux) opens for writing")
                .into(),
            #[cfg(not(unix))]
            Sink::ClosedPipe => unimplemented!("a closed pipe is made with Unix calls"),
        }
    }
}

/// Runs a lesson like [`run_lesson`], its stdout going to `sink` (so `stdout` comes back empty)
/// and its stderr captured.
pub fn run_lesson_into(binary: &str, args: &[&str], sink: Sink) -> LessonRun {
    run_lesson_with(binary, args, sink.open(), Stdio::piped())
}

/// Runs a lesson like [`run_lesson`], its stdout captured and its stderr going to `sink` (so
/// `stderr` comes back empty): the notices, progress bars and error lines a lesson writes there
/// must not panic either.
pub fn run_lesson_with_stderr_into(binary: &str, args: &[&str], sink: Sink) -> LessonRun {
    run_lesson_with(binary, args, Stdio::piped(), sink.open())
}

fn run_lesson_with(binary: &str, args: &[&str], stdout: Stdio, stderr: Stdio) -> LessonRun {
    let output = Command::new(binary)
        .args(args)
        .env_remove("API_BASE_URL")
        .stdout(stdout)
        .stderr(stderr)
        .output()
        .unwrap_or_else(|err| panic!("could not start {binary}: {err}"));
    LessonRun {
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

impl LessonRun {
    /// Asserts the run succeeded, showing everything it printed if it did not.
    pub fn assert_success(&self) -> &Self {
        assert!(self.status.success(), "the lesson failed:\n{self}");
        self
    }

    /// Asserts the run failed the way the course promises: a non-zero exit, an error line on
    /// stderr that contains `expected`, and no panic.
    pub fn assert_clean_failure(&self, expected: &str) -> &Self {
        assert!(
            !self.status.success(),
            "the lesson should have failed:\n{self}"
        );
        assert!(
            !self.stderr.contains("panicked"),
            "the lesson panicked:\n{self}"
        );
        let error_line = self
            .stderr
            .lines()
            .find(|line| line.starts_with("error:"))
            .unwrap_or_else(|| panic!("no line starting with `error:` on stderr:\n{self}"));
        assert!(
            error_line.contains(expected),
            "the error line should mention {expected:?}:\n{self}"
        );
        self
    }

    /// Asserts the run ended the way `ls` ends in `ls | head`: quietly, with
    /// [`CLOSED_PIPE_STATUS`](crate::output::CLOSED_PIPE_STATUS) (141), with no panic and no
    /// error line.
    pub fn assert_quiet_after_closed_pipe(&self) -> &Self {
        assert_eq!(
            self.status.code(),
            Some(crate::output::CLOSED_PIPE_STATUS),
            "the lesson should have stopped quietly with status 141:\n{self}"
        );
        assert!(
            !self.stderr.contains("panicked"),
            "the lesson panicked:\n{self}"
        );
        assert!(
            !self.stderr.lines().any(|line| line.starts_with("error:")),
            "a closed pipe is not an error to report:\n{self}"
        );
        self
    }
}

impl std::fmt::Display for LessonRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit status: {}\n--- stdout\n{}--- stderr\n{}",
            self.status, self.stdout, self.stderr
        )
    }
}

/// A URL on this machine where nothing listens, and nothing will for the rest of the test run.
///
/// A port that was free a moment ago can be taken by the next server a parallel test starts,
/// and then "refused" becomes a 200. So the port stays bound, by a socket that never listens:
/// connecting to it is refused, and no server can take it. The socket is kept open on purpose
/// until the test process ends (one descriptor per call).
pub fn unused_local_url() -> String {
    crate::api::unused_local_url().expect("a free port on loopback")
}

/// A wiremock server of the check's own, with nothing mounted.
///
/// Every server of the checks is a fresh one, never one from wiremock's pool
/// (`MockServer::start()`), which hands a dropped server, and its address, to the next check:
/// code under check that keeps state per URL (a cache, a circuit breaker, all of them wrong)
/// would then meet an earlier check's URL, and which check caught it would depend on the order
/// the pool was used in. It listens on a [`mock_server::loopback_listener`] whose connections
/// close with a reset, leaving no port in `TIME_WAIT`: the course's suite starts servers by the
/// thousand.
///
/// # Panics
/// When no loopback port is free.
pub async fn fresh_server() -> MockServer {
    fresh_server_builder().start().await
}

/// The builder behind [`fresh_server`], for a server that needs one more setting.
///
/// # Panics
/// When no loopback port is free.
pub fn fresh_server_builder() -> wiremock::MockServerBuilder {
    let listener = mock_server::loopback_listener(mock_server::Closing::Reset)
        .expect("a free port on loopback for a check's server");
    MockServer::builder().listener(listener)
}

/// A [`mock_server::loopback_listener`] on tokio, for a server of the check's own written on
/// bare TCP: outside the ports clients get, with a queue for every connection a check opens at
/// once, and closing its connections as `closing` says.
///
/// # Errors
/// When no port on loopback can be had, or outside a tokio runtime.
pub fn check_listener(closing: mock_server::Closing) -> std::io::Result<tokio::net::TcpListener> {
    let listener = mock_server::loopback_listener(closing)?;
    listener.set_nonblocking(true)?;
    tokio::net::TcpListener::from_std(listener)
}

/// A server that gives the same answer to every request: a 500, a body that is not JSON, …
pub async fn server_answering(template: ResponseTemplate) -> MockServer {
    let server = fresh_server().await;
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

/// One exercise, as its checks name it to the learner.
#[derive(Debug, Clone, Copy)]
pub struct Exercise {
    /// The number the course runner uses: `cargo xtask hint 7`.
    pub number: u32,
    /// The file the learner edits, from the repository root.
    pub file: &'static str,
}

/// A check's outcome: `Ok`, or what to tell the learner.
pub type Verdict = Result<(), String>;

/// A failed check, as the error its test returns. A test that returns an error fails without
/// panicking, so the learner sees the message alone: no "panicked at" line pointing into the
/// course's code, and no backtrace even when `RUST_BACKTRACE=1` is set (as it is on many
/// machines). `Debug` is what the test harness prints, so it prints the message as it is.
pub struct CheckFailed(pub String);

impl std::fmt::Debug for CheckFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The text a panic was raised with (`panic!("..")`, `expect("..")`, a formatted message), or
/// nothing when its payload is of another type.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Drops each of `calls` on its own, each under a catch of its own, and returns the text of the
/// first panic a drop raised. Dropped together (a `Vec`, a `join_all`), a second panic while the
/// first unwinds would abort the whole test binary, and every check with it.
pub fn drop_each<T>(calls: impl IntoIterator<Item = T>) -> Option<String> {
    let mut first = None;
    for call in calls {
        if let Err(payload) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(call)))
        {
            first.get_or_insert_with(|| panic_message(payload.as_ref()));
        }
    }
    first
}

impl Exercise {
    /// Runs the learner's code. A panic becomes a message rather than a crash, so that the
    /// untouched stub (`todo!()`) and an `unwrap` that fires are both explained, once, in the
    /// check's own words instead of a backtrace.
    pub async fn run<F: std::future::Future>(&self, future: F) -> Result<F::Output, String> {
        use futures::FutureExt;
        quiet_panics::install();
        // Code under check may build a client of its own (`Client::new()`): the course's TLS
        // provider must be in place first (see `lesson_support::client::install_tls_provider`).
        crate::client::install_tls_provider();
        let outcome = std::panic::AssertUnwindSafe(quiet_panics::Quietly(Box::pin(future), *self))
            .catch_unwind()
            .await;
        outcome.map_err(|payload| {
            let message = panic_message(payload.as_ref());
            let location = quiet_panics::last_location();
            if message.contains("not yet implemented") {
                self.fail("this exercise is still the stub: replace the `todo!()` with your code")
            } else {
                self.fail(&format!(
                    "your code panicked at {location}: {message}. Never a panic: {}",
                    panic_advice(&message)
                ))
            }
        })
    }

    /// [`Exercise::run`] for a call given nothing to do (no ids): it must return at once, so
    /// the check gives up after 5 s with the rule broken (never a hang) instead of waiting for
    /// ever. `asked` says what the call was given ("asked about no ids").
    pub async fn run_with_nothing_to_do<F: std::future::Future>(
        &self,
        asked: &str,
        future: F,
    ) -> Result<F::Output, String> {
        let limit = std::time::Duration::from_secs(5);
        match tokio::time::timeout(limit, self.run(future)).await {
            Ok(outcome) => outcome,
            Err(_) => Err(self.fail(&format!(
                "{asked}, your function had not returned {} s later: with nothing to fetch there \
                     is nothing to wait for, so it returns at once (never a hang)",
                limit.as_secs()
            ))),
        }
    }

    /// [`Exercise::run`] with a time limit, for a call that has no reason to take long: past
    /// `limit`, the check fails with the rule a call that long broke (every call ends) instead of
    /// waiting for ever.
    pub async fn run_within<F: std::future::Future>(
        &self,
        limit: std::time::Duration,
        future: F,
    ) -> Result<F::Output, String> {
        match tokio::time::timeout(limit, self.run(future)).await {
            Ok(outcome) => outcome,
            Err(_) => Err(self.fail(&format!(
                "a call of your function had not returned {} s after it began, longer than \
                 any answer of the checks takes: every call ends, with `Ok` or an `Err`, \
                 whatever earlier calls did (nothing of yours waits for ever, such as for a \
                 slot, lock or permit that an earlier call never gave back)",
                limit.as_secs()
            ))),
        }
    }

    /// A failure message that names the exercise, its file and where to find help.
    pub fn fail(&self, message: &str) -> String {
        format!(
            "exercise {} ({}): {message}\n  (stuck? `cargo xtask hint {}` gives a hint)",
            self.number, self.file, self.number
        )
    }
}

/// What to do instead of the panic whose message is `message`, told from the kind of panic
/// (the standard library's own wording), not guessed.
fn panic_advice(message: &str) -> &'static str {
    if message.contains("with overflow") {
        "arithmetic on any input the contract allows must not overflow: compute with the \
         `checked_*` or `saturating_*` methods (`checked_mul`, `saturating_pow`), which cannot \
         panic"
    } else if message.contains("index out of bounds") || message.contains("no entry found for key")
    {
        "look a value up with `.get(..)`, which gives an `Option` when it is missing, instead of \
         indexing with `[..]`"
    } else {
        "handle a failure as a value (return it, or map it to a variant) instead of unwrapping \
         it or asserting it away"
    }
}

/// Gzip, as a gzip stream of one stored (uncompressed) block: what a server sends for
/// `Content-Encoding: gzip`, made without a compression library (the course's reqwest reads
/// no compressed body: a check serves this to whoever asks for gzip).
///
/// # Panics
/// If `data` is 64 KiB or more.
pub fn gzip_stored(data: &[u8]) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0_u32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    // A test's body: a post, a list of comments, well under 64 KiB.
    let length = u16::try_from(data.len()).expect("a test's body fits one stored block");
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    out.push(1); // the last block, stored
    out.extend(length.to_le_bytes());
    out.extend((!length).to_le_bytes());
    out.extend(data);
    out.extend(crc32(data).to_le_bytes());
    out.extend(u32::from(length).to_le_bytes());
    out
}

/// The codings an `Accept-Encoding` value names, each with its weight (`q`, 1 when not given),
/// names in lower case.
fn codings(value: &str) -> impl Iterator<Item = (String, f32)> + '_ {
    value.split(',').filter_map(|item| {
        let mut parts = item.split(';');
        let name = parts.next()?.trim().to_ascii_lowercase();
        let weight = parts
            .filter_map(|param| param.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        (!name.is_empty()).then_some((name, weight))
    })
}

/// The `Accept-Encoding` values of a request.
fn accept_encodings(request: &wiremock::Request) -> Vec<String> {
    request
        .headers
        .get_all("accept-encoding")
        .iter()
        .filter_map(|value| value.to_str().ok().map(str::to_owned))
        .collect()
}

/// Matches a request whose `Accept-Encoding` asks for a compressed body: gzip, deflate, br,
/// zstd or `*` with a weight above 0 (`gzip;q=0` refuses gzip, and does not ask for it).
#[derive(Debug, Clone, Copy)]
pub struct AsksForCompression;

impl wiremock::Match for AsksForCompression {
    fn matches(&self, request: &wiremock::Request) -> bool {
        accept_encodings(request).iter().any(|value| {
            codings(value).any(|(name, weight)| {
                weight > 0.0
                    && matches!(
                        name.as_str(),
                        "gzip" | "x-gzip" | "deflate" | "br" | "zstd" | "compress" | "*"
                    )
            })
        })
    }
}

/// Matches a request whose `Accept-Encoding` refuses `identity`, the plain body: `identity;q=0`,
/// or `*;q=0` with no `identity` of weight above 0 beside it.
#[derive(Debug, Clone, Copy)]
pub struct RefusesIdentity;

impl wiremock::Match for RefusesIdentity {
    fn matches(&self, request: &wiremock::Request) -> bool {
        accept_encodings(request).iter().any(|value| {
            let named: Vec<(String, f32)> = codings(value).collect();
            let identity = named.iter().find(|(name, _)| name == "identity");
            let star_refused = named.iter().any(|(name, q)| name == "*" && *q <= 0.0);
            match identity {
                Some((_, weight)) => *weight <= 0.0,
                None => star_refused,
            }
        })
    }
}

/// A server that answers every request with `json` (a JSON body) the way JSONPlaceholder does:
/// gzipped when the request's `Accept-Encoding` asks for a compressed body ([`AsksForCompression`]),
/// plain otherwise, and `406 Not Acceptable` when it refuses the plain body ([`RefusesIdentity`]).
/// The course's reqwest is built without its `gzip` feature: code that asks for an encoding by
/// hand gets bytes `.json()` cannot read.
pub async fn compressing_when_asked(json: Vec<u8>) -> MockServer {
    let server = fresh_server().await;
    Mock::given(RefusesIdentity)
        .respond_with(ResponseTemplate::new(406))
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(AsksForCompression)
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(gzip_stored(&json), "application/json"),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(json, "application/json"))
        .with_priority(3)
        .mount(&server)
        .await;
    server
}

/// Runs `future` for at most `limit` of *real* time, even on tokio's paused clock: `None` if it
/// had not finished by then.
///
/// A check on the paused clock (`tokio::time::pause`) relies on the clock jumping ahead whenever
/// every task waits for a timer. Code that keeps the runtime from ever being idle, or that holds
/// the clock still (tokio does not move a paused clock while a `spawn_blocking` task runs), makes
/// a `tokio::time::timeout` on that clock wait for ever; this bound is kept by a thread of its
/// own, on the wall clock.
pub async fn within_real_time<F: std::future::Future>(
    limit: std::time::Duration,
    future: F,
) -> Option<F::Output> {
    let (ring, rung) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || {
        std::thread::sleep(limit);
        // The check may be over already: nobody listens then, and that is fine.
        let _ = ring.send(());
    });
    tokio::select! {
        output = future => Some(output),
        _ = rung => None,
    }
}

/// A base URL a learner may pass by mistake: `127.0.0.1:{port}`, its `http://` left out, with a
/// server listening at that very address. It is no URL (a scheme starts with a letter), so a
/// request to it fails in `send()` with a builder error; a URL parsed with `.expect(…)` on the
/// way panics instead, and code that mends it with a scheme of its own reaches the server, which
/// [`NotAUrl::reached`] tells. (With nothing listening, such code would fail to connect and
/// return an `Err` as well: the server is what makes the difference visible.)
pub struct NotAUrl {
    server: MockServer,
    base: String,
}

impl NotAUrl {
    /// Starts the server (it answers 404 to everything) and makes its address a base URL
    /// without a scheme.
    pub async fn start() -> Self {
        let server = fresh_server().await;
        let base = server.address().to_string();
        NotAUrl { server, base }
    }

    /// The base URL to pass: `127.0.0.1:{port}`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `Some(rule broken)` when any request reached the server: the code added a scheme to a
    /// base URL that had none, instead of letting `send()` fail.
    pub async fn reached(&self) -> Option<String> {
        let requests = self.server.received_requests().await.unwrap_or_default();
        let first = requests.first()?;
        let count = match requests.len() {
            1 => "one request".to_owned(),
            n => format!("{n} requests"),
        };
        Some(format!(
            "the base URL was {:?}, which is no URL (no scheme), yet {count} reached the server \
             listening at that address (the first: {} {}): a base URL that is no URL is an Err \
             from `send()`, not mended with a scheme of your own",
            self.base,
            first.method,
            first.url.path(),
        ))
    }
}

/// The header that [`tagged_client`] adds to every request it sends.
pub const CLIENT_TAG_HEADER: &str = "x-course-client";

/// A client that marks each of its requests with a header, so a check can see from the
/// server's side whether the code under test used the client it was given. A `Client::new()`
/// or `reqwest::get` made inside the code would send requests without the mark.
///
/// It resolves no host name but `localhost`: checks talk to `127.0.0.1`, and code under check
/// that sends the given client anywhere else by name (a fallback to the public API, say) gets
/// an error naming that host instead of reaching the internet.
pub fn tagged_client(base_url: &str) -> reqwest::Client {
    tagged_client_builder(base_url)
        .build()
        .expect("the course's client settings are valid")
}

/// The settings of [`tagged_client`], for a check that needs one more (a short timeout, a
/// connect timeout) on a client that is still marked and still cannot leave the machine.
pub fn tagged_client_builder(base_url: &str) -> reqwest::ClientBuilder {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        CLIENT_TAG_HEADER,
        reqwest::header::HeaderValue::from_static("given-to-the-exercise"),
    );
    crate::client::client_builder(base_url)
        .default_headers(headers)
        .dns_resolver(LoopbackOnly {
            attempts: ConnectionAttempts::default(),
        })
        // Never through a proxy, whatever the environment or the system says: a check may name
        // its server otherwise than `localhost` (and resolve that name to it), and a proxy would
        // take that request off the machine, or fail it.
        .no_proxy()
        // No root certificates: a client that only reaches this machine over plain HTTP never
        // checks one, and loading the system's (a few hundred PEM files, parsed on every
        // `build()`) was most of the checks' CPU time, since they build a client per scenario.
        .tls_certs_only([])
}

/// How many connections a [`counting_client`] has tried to open, refused ones included.
#[derive(Debug, Clone, Default)]
pub struct ConnectionAttempts(Arc<AtomicUsize>);

impl ConnectionAttempts {
    /// The attempts so far.
    pub fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }

    /// Whether the [`counting_client`] that counts into this, or a clone of it, is still alive:
    /// its resolver holds a handle to the count, and goes when the last clone of the client
    /// does (with its connection pool). So a check that has dropped its own client, and every
    /// task that used it, can see a clone that something else kept.
    pub fn client_alive(&self) -> bool {
        Arc::strong_count(&self.0) > 1
    }
}

/// A [`tagged_client`] that counts the connections it tries to open. A refused connection
/// reaches no server, so no server can count a request sent again after one; the client can.
///
/// It counts the name lookups its resolver answers, one per connection it opens (reqwest keeps
/// no cache of names, and by default retries nothing but HTTP/2's refused streams), so the
/// base URL must name the host `localhost`: an address such as `127.0.0.1` is not looked up.
/// [`refused_localhost_url`] is such a URL.
pub fn counting_client(base_url: &str) -> (reqwest::Client, ConnectionAttempts) {
    let attempts = ConnectionAttempts::default();
    let client = tagged_client_builder(base_url)
        .dns_resolver(LoopbackOnly {
            attempts: attempts.clone(),
        })
        .build()
        .expect("the course's client settings are valid");
    (client, attempts)
}

/// [`unused_local_url`] with the host named `localhost`, for a [`counting_client`]:
/// `http://localhost:PORT`, where every connection is refused.
pub fn refused_localhost_url() -> String {
    unused_local_url().replacen("127.0.0.1", "localhost", 1)
}

/// How many times, in words, for messages: `not at all`, `once`, `twice`, `3 times`.
pub fn count_of_times(n: usize) -> String {
    match n {
        0 => "not at all".to_owned(),
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

/// What a server received, as `GET /path` lines, for messages and comparisons.
pub fn request_lines(arrivals: &[mock_server::Arrival]) -> Vec<String> {
    arrivals
        .iter()
        .map(|arrival| format!("{} {}", arrival.method, arrival.path))
        .collect()
}

/// A resolver that knows `localhost` and refuses every other name, so that a check's client can
/// never leave the machine (see [`tagged_client`]).
/// It counts the lookups of `localhost` it answers (see [`counting_client`]).
struct LoopbackOnly {
    attempts: ConnectionAttempts,
}

impl reqwest::dns::Resolve for LoopbackOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        let attempts = self.attempts.clone();
        Box::pin(async move {
            if host.eq_ignore_ascii_case("localhost") {
                attempts.0.fetch_add(1, Ordering::SeqCst);
                let loopback = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
                let addrs: reqwest::dns::Addrs = Box::new(std::iter::once(loopback));
                Ok(addrs)
            } else {
                Err(format!("the course's checks resolve only localhost, not {host}").into())
            }
        })
    }
}

/// The value of header `name` in a request a wiremock server received, as text (bytes that are
/// not UTF-8 shown as `\u{FFFD}`), or `(none)` when the request did not carry it: what the
/// checks' messages show of a header.
pub fn header_or_none(request: &wiremock::Request, name: &str) -> String {
    request
        .headers
        .get(name)
        .map_or("(none)".to_owned(), |value| {
            String::from_utf8_lossy(value.as_bytes()).into_owned()
        })
}

/// The target a wiremock server received: the path and, when there is one, `?` and the query
/// (`/posts/7?copy=2` is another resource than `/posts/7`).
pub fn request_target(request: &wiremock::Request) -> String {
    let query = request
        .url
        .query()
        .map_or(String::new(), |query| format!("?{query}"));
    format!("{}{query}", request.url.path())
}

/// Whether a request carried the mark of [`tagged_client`].
pub fn is_tagged(headers: &wiremock::http::HeaderMap) -> bool {
    headers.contains_key(CLIENT_TAG_HEADER)
}

/// A server whose posts answer after chosen delays: `(id, delay)` pairs. Each post is
/// `{"userId": 1, "id": id, "title": "post number {id}", "body": "…"}`; other paths get 404.
///
/// Checks use it to make the answers arrive in an order of their choosing.
pub async fn posts_with_delays(delays: &[(u64, std::time::Duration)]) -> MockServer {
    use wiremock::matchers::{method, path};
    let server = fresh_server().await;
    for &(id, delay) in delays {
        let post = serde_json::json!({"userId": 1, "id": id, "title": post_title(id), "body": "…"});
        Mock::given(method("GET"))
            .and(path(format!("/posts/{id}")))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(post)
                    .set_delay(delay),
            )
            .mount(&server)
            .await;
    }
    server
}

/// The title of post `id` on a [`posts_with_delays`] server.
pub fn post_title(id: u64) -> String {
    format!("post number {id}")
}

/// How long a check's runtime waits, once the check is over, for work still running on its
/// blocking pool (a `spawn_blocking` of the code under check that sleeps for a day, say) before
/// it leaves that thread behind.
const BLOCKING_WORK_LEFT_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

/// Runs one check (or a course test) to its end on a runtime of its own, as `#[tokio::test]`
/// would (one thread, every driver on), and then shuts that runtime down without waiting for
/// ever: dropping a runtime waits for every task of its blocking pool to return, and a wrong
/// answer's `spawn_blocking(|| std::thread::sleep(..))` would hang the test run long after its
/// check had failed. What is still running after [`BLOCKING_WORK_LEFT_AFTER`] is left behind.
///
/// # Panics
/// If the runtime cannot be built (no threads or file descriptors left), and with the check's
/// own panic, once the runtime is shut down.
pub fn on_a_check_runtime<T>(check: impl std::future::Future<Output = T>) -> T {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime for the check");
    // A failed assertion panics inside `block_on`: the runtime is shut down all the same
    // before the panic goes on (unwinding would drop it, and wait).
    // Watched while it runs: a task that holds its only thread for good ends the run with a
    // message (see `watchdog.rs`), where it would otherwise hang `cargo test` in silence.
    let watched = watchdog::Runtime::begin(runtime.handle().clone());
    let outcome =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| runtime.block_on(check)));
    drop(watched);
    runtime.shutdown_timeout(BLOCKING_WORK_LEFT_AFTER);
    outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// How long [`on_a_thread_of_its_own`] waits for the runtimes of a check's own before it gives
/// up on them.
pub const OWN_RUNTIME_PATIENCE: std::time::Duration = std::time::Duration::from_secs(15);

/// Runs `round`, which builds runtimes of its own and calls the code under check on them, on a
/// thread of its own, and waits for its outcome without holding the check's runtime: a runtime
/// cannot be started inside another, and the check's runtime must keep serving its mock servers
/// meanwhile. After [`OWN_RUNTIME_PATIENCE`], the check fails with `stuck()`, which names the
/// rule that a call that long broke; the thread is then left behind.
///
/// # Errors
/// What `round` returns as its error, the message of `stuck()` as `exercise`'s, or a line saying
/// the thread ended with no outcome (it panicked).
pub async fn on_a_thread_of_its_own<T: Send + 'static>(
    exercise: &Exercise,
    round: impl FnOnce() -> Result<T, String> + Send + 'static,
    stuck: impl FnOnce() -> String,
) -> Result<T, String> {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = sender.send(round());
    });
    match tokio::time::timeout(OWN_RUNTIME_PATIENCE, receiver).await {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(_)) => {
            Err("the check's thread for its own runtimes ended without an outcome".to_owned())
        }
        Err(_) => Err(exercise.fail(&stuck())),
    }
}

/// Declares one test that runs a check on the learner's function and fails with the check's
/// message: `lesson_support::check!(checks::finds_the_slowest_request, slowest_request);`
///
/// Usually generated by the `tests!` macro that [`exercise_checks!`] defines, not written by hand.
#[macro_export]
macro_rules! check {
    ($checks:ident :: $check:ident, $candidate:path) => {
        #[test]
        fn $check() -> Result<(), $crate::testing::CheckFailed> {
            $crate::testing::on_a_check_runtime(async {
                $checks::$check(&$candidate)
                    .await
                    .map_err($crate::testing::CheckFailed)
            })
        }
    };
}

/// An exercise's list of checks, written once, at the head of its `checks.rs`. From it come:
/// - `pub async fn all(candidate) -> Verdict`: every check in order, stopping at the first
///   failure, for `tests/course.rs` (kept wrong answers, correct variants);
/// - `tests!(candidate)`: one test per check, each on a runtime of its own
///   ([`on_a_check_runtime`]), for `tests/exercises.rs`, which must have the checks module in
///   scope as `checks`.
///
/// ```ignore
/// lesson_support::exercise_checks! {
///     candidate: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>;
///     returns_the_post_it_was_asked_for,
///     reports_a_missing_post_as_a_404,
/// }
/// ```
///
/// Every check is generic over the candidate's type, and each kept answer is a type of its
/// own: an exercise with hundreds of kept answers and dozens of checks compiles each check once
/// per answer. Such an exercise starts its list with `erased: Erased;`, naming a type of its
/// `checks.rs` that holds any answer behind one type: `Erased::new(candidate)` (for any
/// candidate that is `Copy + 'static`, as a function is) and `erased.call()`, which returns a
/// closure of the candidate's signature, one type for every answer. `all` then compiles the
/// checks once.
#[macro_export]
macro_rules! exercise_checks {
    (candidate: $($bound:tt)+) => {
        $crate::exercise_checks!(@split [] [] $($bound)+);
    };
    (erased: $erased:ident; candidate: $($bound:tt)+) => {
        $crate::exercise_checks!(@split [$erased] [] $($bound)+);
    };
    // Splits the trait bound from the list of checks at the `;`.
    (@split [$($erased:ident)?] [$($bound:tt)*] ; $($check:ident),+ $(,)?) => {
        $crate::exercise_checks!(@emit ($) [$($erased)?] [$($bound)*] $($check),+);
    };
    (@split [$($erased:ident)?] [$($bound:tt)*] $next:tt $($rest:tt)*) => {
        $crate::exercise_checks!(@split [$($erased)?] [$($bound)* $next] $($rest)*);
    };
    // Every check compiled for each answer's own type.
    (@emit ($d:tt) [] [$($bound:tt)*] $($check:ident),+) => {
        /// Runs every check in order and stops at the first failure.
        #[allow(dead_code)]
        pub async fn all<F>(candidate: F) -> $crate::testing::Verdict
        where
            F: $($bound)*,
        {
            // A check's second process runs that check alone.
            if let Some(only) = $crate::testing::second_process::serving() {
                $( if only == stringify!($check) {
                    return $check(&candidate).await;
                } )+
                return Ok(());
            }
            $( $check(&candidate).await?; )+
            Ok(())
        }

        $crate::exercise_checks!(@tests ($d) $($check),+);
    };
    // Every answer behind one type first: `$erased::new(candidate)`, and `.call()` on it.
    (@emit ($d:tt) [$erased:ident] [$($bound:tt)*] $($check:ident),+) => {
        /// Runs every check in order and stops at the first failure.
        #[allow(dead_code)]
        pub async fn all<F>(candidate: F) -> $crate::testing::Verdict
        where
            F: $($bound)* + Copy + 'static,
        {
            let erased = $erased::new(candidate);
            all_of(&erased.call()).await
        }

        /// [`all`], compiled once: for the one type behind which every answer is called.
        #[allow(dead_code)]
        async fn all_of<F>(candidate: &F) -> $crate::testing::Verdict
        where
            F: $($bound)*,
        {
            // A check's second process runs that check alone.
            if let Some(only) = $crate::testing::second_process::serving() {
                $( if only == stringify!($check) {
                    return $check(candidate).await;
                } )+
                return Ok(());
            }
            $( $check(candidate).await?; )+
            Ok(())
        }

        $crate::exercise_checks!(@tests ($d) $($check),+);
    };
    (@tests ($d:tt) $($check:ident),+) => {
        /// One `#[tokio::test]` per check, run against `$candidate`.
        #[allow(unused_macros)]
        macro_rules! tests {
            ($d candidate:path) => {
                $( $crate::check!(checks::$check, $d candidate); )+
            };
        }
        #[allow(unused_imports)]
        pub(crate) use tests;
    };
}

/// The course's proof about one exercise, for its `tests/course.rs`: the stub and every kept
/// wrong answer are rejected, each with the message meant for it, and every correct variant is
/// accepted. Written inside the module that holds the exercise's `checks`, with paths relative
/// to the exercise's folder:
///
/// ```ignore
/// #[path = "../course/fetch_post"]
/// mod fetch_post {
///     mod checks;
///     lesson_support::kept_answers! {
///         function: fetch_post;
///         wrong: {
///             always_post_one in "wrong/always_post_one.rs" => "use `id` in the path",
///         }
///         correct: {
///             client_execute in "also_correct/client_execute.rs",
///         }
///     }
/// }
/// ```
///
/// Each answer becomes a module, and a test in `rejects` or `accepts` named after it
/// (`fetch_post::rejects::always_post_one`). `cargo xtask verify` fails on a file in `wrong/`
/// or `also_correct/` that is not listed here.
#[macro_export]
macro_rules! kept_answers {
    (
        function: $function:ident;
        wrong: { $( $wrong:ident in $wrong_file:literal => $nudge:expr ),* $(,)? }
        correct: { $( $right:ident in $right_file:literal ),* $(,)? }
    ) => {
        mod stub;
        $( #[path = $wrong_file] mod $wrong; )*
        $( #[path = $right_file] mod $right; )*

        /// The stub, and each kept wrong answer, with the words its rejection must contain.
        mod rejects {
            #[test]
            fn stub() {
                $crate::testing::on_a_check_runtime(
                    $crate::testing::assert_rejected("stub", "still the stub", || {
                        super::checks::all(super::stub::$function)
                    }),
                );
            }
            $(
                #[test]
                fn $wrong() {
                    $crate::testing::on_a_check_runtime(
                        $crate::testing::assert_rejected(stringify!($wrong), $nudge, || {
                            super::checks::all(super::$wrong::$function)
                        }),
                    );
                }
            )*
        }

        /// Right answers written another way than the reference solution.
        mod accepts {
            $(
                #[test]
                fn $right() {
                    let verdict = $crate::testing::on_a_check_runtime(
                        super::checks::all(super::$right::$function),
                    );
                    $crate::testing::assert_accepted(stringify!($right), verdict);
                }
            )*
        }
    };
}

/// How many times [`assert_rejected`] runs the checks on one wrong answer, at most, looking for
/// the rejection meant for it.
pub const RUNS_FOR_THE_MEANT_REJECTION: usize = 3;

/// Asserts that the checks reject a wrong answer, and with a message containing `nudge`: a
/// rejection for the wrong reason would teach the wrong lesson. `run` runs every check once,
/// in order, and returns the first rule broken (`checks::all`).
///
/// A wrong answer that breaks two rules may meet the other one first when the machine is busy:
/// a check that measures waits cannot tell a constant wait from a random one when every wait
/// is stretched at random by the load. Both rejections are true, and which one comes first is
/// the machine's doing, so the checks run again, up to [`RUNS_FOR_THE_MEANT_REJECTION`] times,
/// and any run whose first rule broken says `nudge` will do. A wrong answer that meets another
/// rule first on a quiet machine still fails here: every run says the same. An alternative
/// that is as much meant (two defects the answer keeps on purpose) is listed after ` || `.
///
/// # Panics
/// On any run that accepts the answer (a check a busy machine can fool is a defect too), or
/// when no run's message says `nudge`; the panic shows every message.
pub async fn assert_rejected<Run, Checked>(candidate: &str, nudge: &str, mut run: Run)
where
    Run: FnMut() -> Checked,
    Checked: Future<Output = Verdict>,
{
    let mut other_rejections = Vec::new();
    for _ in 0..RUNS_FOR_THE_MEANT_REJECTION {
        match run().await {
            Ok(()) => panic!("the checks accepted the wrong answer `{candidate}`"),
            Err(message) if nudge.split(" || ").any(|words| message.contains(words)) => return,
            Err(message) => other_rejections.push(message),
        }
    }
    panic!(
        "`{candidate}` was rejected {RUNS_FOR_THE_MEANT_REJECTION} times, but no message says \
         {nudge:?}:\n{}",
        other_rejections.join("\n---\n")
    );
}

/// Runs `test`, an ignored test of the current test binary, in a child process with a watchdog
/// of 3 s, and asserts that the watchdog stopped it with its message for exercise `exercise`.
/// For kept wrong answers that never give their thread back: the watchdog ends the process it
/// runs in, so such an answer cannot be checked alongside the others.
///
/// # Panics
/// If the child cannot be started, or was not stopped that way (that is the assertion).
pub fn assert_stopped_by_the_watchdog(test: &str, exercise: u32) {
    let started = std::time::Instant::now();
    let output = Command::new(std::env::current_exe().expect("a test binary knows its path"))
        .args(["--exact", test, "--ignored"])
        .env("COURSE_STUCK_AFTER_MS", "3000")
        .output()
        .expect("the test binary starts again");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(101), "{stderr}");
    assert!(
        stderr.contains("it waits only by awaiting, never by blocking the thread")
            && stderr.contains(&format!("exercise {exercise} ")),
        "{stderr}"
    );
    // Ended by the watchdog, not by some other limit.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

/// How many panics the current thread has seen so far, caught or not: a check that drives a
/// current-thread runtime on a thread of its own counts, with it, the panics of the tasks that
/// runtime ran (a task the code under check left behind, whose panic no one awaits).
pub fn panics_on_this_thread() -> usize {
    quiet_panics::panics_here()
}

/// Asserts that the checks accepted a correct variant: a check that rejects a right answer is as
/// much a lie as one that accepts a wrong one.
pub fn assert_accepted(candidate: &str, verdict: Verdict) {
    if let Err(message) = verdict {
        panic!("the checks rejected the correct variant `{candidate}`:\n{message}");
    }
}

/// Keeps the panics of the code under check out of the test output: the check reports them in
/// its own words. Other panics (a failing assertion in a test) print as usual.
mod quiet_panics {
    use std::cell::{Cell, RefCell};
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::Once;
    use std::task::{Context, Poll};

    thread_local! {
        /// Whether this thread is running code under check right now.
        static QUIET: Cell<bool> = const { Cell::new(false) };
        /// Where the last quiet panic happened, as `file:line:column`.
        static LOCATION: RefCell<String> = const { RefCell::new(String::new()) };
        /// How many panics this thread has seen, quiet or not.
        static PANICS: Cell<usize> = const { Cell::new(0) };
    }

    /// How many panics this thread has seen since the hook was installed.
    pub(super) fn panics_here() -> usize {
        install();
        PANICS.with(Cell::get)
    }

    /// Wraps the panic hook once per process: the hook is global, the switch is per thread, so
    /// tests running in parallel do not silence each other.
    pub(super) fn install() {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let default = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                PANICS.with(|panics| panics.set(panics.get() + 1));
                if QUIET.with(Cell::get) {
                    let location = info
                        .location()
                        .map(ToString::to_string)
                        .unwrap_or_else(|| "an unknown place".to_owned());
                    LOCATION.with(|last| *last.borrow_mut() = location);
                } else {
                    default(info);
                }
            }));
        });
    }

    /// Polls the future inside with panic output switched off, and only while polling it: a
    /// check that gives up on the future (a timeout drops it) or another task on the same
    /// thread is never left silenced. Each poll is watched too (see `watchdog.rs`): one that
    /// never returns ends the run with a message instead of a silent hang.
    pub(super) struct Quietly<F>(pub(super) Pin<Box<F>>, pub(super) super::Exercise);

    impl<F: Future> Future for Quietly<F> {
        type Output = F::Output;

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            let _quiet = Quiet::on();
            let _watched = super::watchdog::Poll::begin(self.1);
            self.0.as_mut().poll(cx)
        }
    }

    /// Switches panic output off for this thread until dropped, even when dropped by a panic
    /// unwinding through it.
    struct Quiet {
        before: bool,
    }

    impl Quiet {
        fn on() -> Quiet {
            Quiet {
                before: QUIET.with(|flag| flag.replace(true)),
            }
        }
    }

    impl Drop for Quiet {
        fn drop(&mut self) {
            QUIET.with(|flag| flag.set(self.before));
        }
    }

    #[cfg(test)]
    pub(super) fn is_quiet() -> bool {
        QUIET.with(Cell::get)
    }

    pub(super) fn last_location() -> String {
        LOCATION.with(|last| last.borrow().clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const EXERCISE: Exercise = Exercise {
        number: 0,
        file: "a/file.rs",
    };

    /// Nothing answers at the unused URL: the connection is refused.
    #[tokio::test]
    async fn the_unused_local_url_refuses_connections() {
        let url = unused_local_url();
        crate::client::install_tls_provider();
        let err = reqwest::get(&url).await.expect_err("nothing listens");
        assert!(err.is_connect(), "{err:?}");
    }

    /// The checks' client reaches loopback, and no other host by name.
    #[tokio::test]
    async fn the_tagged_client_resolves_only_localhost() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let port = server.address().port();
        let client = tagged_client(&server.uri());
        let local = client
            .get(format!("http://localhost:{port}/"))
            .send()
            .await
            .expect("localhost answers");
        assert_eq!(local.status(), 204);
        let err = client
            .get("http://jsonplaceholder.typicode.com/posts/1")
            .send()
            .await
            .expect_err("no other name resolves");
        assert!(err.is_connect(), "{err:?}");
    }

    /// The counting client counts one attempt per connection, refused ones included, and
    /// none for a connection it reuses.
    #[tokio::test]
    async fn the_counting_client_counts_each_connection_it_tries() {
        let refused = refused_localhost_url();
        let (client, attempts) = counting_client(&refused);
        for _ in 0..3 {
            let err = client.get(format!("{refused}/posts/1")).send().await;
            assert!(err.is_err_and(|err| err.is_connect()));
        }
        assert_eq!(attempts.get(), 3);

        let server = server_answering(ResponseTemplate::new(204)).await;
        let url = format!("http://localhost:{}/", server.address().port());
        let (client, attempts) = counting_client(&url);
        for _ in 0..3 {
            let answer = client.get(&url).send().await.expect("localhost answers");
            assert_eq!(answer.status(), 204);
        }
        assert_eq!(
            attempts.get(),
            1,
            "one connection, kept alive for the next requests"
        );
    }

    /// A run cut short (a check's own timeout drops it) leaves panic output switched on.
    #[tokio::test]
    async fn a_cancelled_run_does_not_leave_panics_silenced() {
        let never = EXERCISE.run(std::future::pending::<()>());
        let _ = tokio::time::timeout(Duration::from_millis(10), never).await;
        assert!(!quiet_panics::is_quiet());
    }

    /// The stub's `todo!()` and any other panic become messages that name the file.
    #[tokio::test]
    async fn panics_become_messages() {
        let stub: Result<(), String> = EXERCISE.run(async { todo!() }).await;
        assert!(stub.unwrap_err().contains("still the stub"));
        let other: Result<(), String> = EXERCISE.run(async { panic!("boom") }).await;
        let message = other.unwrap_err();
        assert!(
            message.contains("a/file.rs") && message.contains("boom"),
            "{message}"
        );
        assert!(!quiet_panics::is_quiet());
    }

    /// A check's runtime does not wait for blocking work the code under check left behind:
    /// a `spawn_blocking` sleep of a minute ends the check in about `BLOCKING_WORK_LEFT_AFTER`,
    /// where dropping the runtime would wait the whole minute.
    #[test]
    fn a_check_runtime_leaves_long_blocking_work_behind() {
        let started = std::time::Instant::now();
        super::on_a_check_runtime(async {
            drop(tokio::task::spawn_blocking(|| {
                std::thread::sleep(std::time::Duration::from_secs(60));
            }));
        });
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "the check's runtime waited {:?} for its blocking pool",
            started.elapsed()
        );
    }
}
