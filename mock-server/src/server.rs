//! How the API, the latency and the faults are wired into wiremock.
//!
//! wiremock checks an incoming request against its mounted mocks in priority order (lower
//! number first) and lets the first that matches answer, all while holding one lock for the
//! whole server. We mount three kinds of mock on that ladder:
//!
//! 1. priority 1, the **gate**: a matcher that never matches. It runs first for every request,
//!    so it is where each request gets its number, its latency and its fault decision (stored
//!    in a [`Ticket`]). Deciding once, in one place, keeps several faults consistent: the fault
//!    mocks below only read the decision.
//! 2. priority 2, one mock per **fault**, matching when the ticket names it. A status fault
//!    answers with `{}`; a dropped connection uses wiremock's `respond_with_err`, after which
//!    hyper closes the connection without writing an answer.
//! 3. priority 10, the **API**: one catch-all mock (`matchers::any()`) whose responder routes
//!    the request itself (see `routes.rs`).
//!
//! Because everything above runs under wiremock's lock, it must be quick: the responders only
//! pick pre-rendered bytes. The latency is handed to wiremock with `set_delay`, which it awaits
//! after releasing the lock, so slow answers overlap instead of queueing.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use wiremock::matchers::any;
use wiremock::{Match, Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::Arrival;
use crate::data::{DATASET, Dataset};
use crate::knobs::{Fault, FaultEffect, Latency};
use crate::routes::{Reply, answer};

/// The content type of every answer, charset included, as the real API sends it.
const JSON: &str = "application/json; charset=utf-8";

/// What every mock of one server shares: the configuration and what happened so far.
pub(crate) struct Shared {
    data: &'static Dataset,
    latency: Latency,
    seed: u64,
    faults: Vec<Fault>,
    /// How many requests the gate has numbered. Atomic so that the background sweep (see
    /// `lib.rs`) can read it without wiremock's lock.
    pub(crate) requests_seen: AtomicU64,
    /// The gate's decision for the request being handled right now. Only one request is ever
    /// being matched at a time (wiremock's lock), so one slot is enough.
    ticket: Mutex<Ticket>,
    /// The arrival log, `None` when recording is off so that memory stays flat.
    arrivals: Option<Mutex<Vec<Arrival>>>,
}

/// The gate's decision for one request.
#[derive(Clone, Copy, Default)]
struct Ticket {
    /// Which fault (position in `Shared::faults`) this request gets, if any.
    fault: Option<usize>,
    /// The latency drawn for this request.
    delay: Duration,
}

/// Locks a mutex even if a panicking thread poisoned it: the data inside (a log, a ticket) is
/// still meaningful, and a mock server should keep serving.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub(crate) fn new(latency: Latency, seed: u64, faults: Vec<Fault>, record: bool) -> Shared {
        Shared {
            data: &DATASET,
            latency,
            seed,
            faults,
            requests_seen: AtomicU64::new(0),
            ticket: Mutex::new(Ticket::default()),
            arrivals: record.then(|| Mutex::new(Vec::new())),
        }
    }

    /// A copy of the arrival log (empty when recording is off).
    pub(crate) fn arrivals(&self) -> Vec<Arrival> {
        self.arrivals
            .as_ref()
            .map(|log| lock(log).clone())
            .unwrap_or_default()
    }

    fn ticket(&self) -> Ticket {
        *lock(&self.ticket)
    }

    fn record(&self, request: &Request, delay: Duration, fault: Option<FaultEffect>) {
        if let Some(log) = &self.arrivals {
            let path = match request.url.query() {
                Some(query) => format!("{}?{query}", request.url.path()),
                None => request.url.path().to_string(),
            };
            lock(log).push(Arrival {
                at: Instant::now(),
                method: request.method.to_string(),
                path,
                headers: request.headers.clone(),
                delay,
                fault,
            });
        }
    }
}

/// The `{id}` a path is about: `/posts/3` and `/posts/3/comments` are about 3.
fn id_in_path(path: &str) -> Option<u64> {
    let mut segments = path.trim_matches('/').split('/');
    let (_resource, id) = (segments.next()?, segments.next()?);
    id.parse().ok()
}

/// Numbers each request and decides its latency and fault (see the module docs). Never matches.
struct Gate(Arc<Shared>);

impl Match for Gate {
    fn matches(&self, request: &Request) -> bool {
        let shared = &self.0;
        let index = shared.requests_seen.fetch_add(1, Ordering::Relaxed) + 1;
        let id = id_in_path(request.url.path());
        // The first fault, in the order they were added, that selects this request decides.
        // Each draws its random share from its own stream, keyed by its position.
        let fault = (0..shared.faults.len()).find(|&position| {
            shared.faults[position]
                .select
                .selects(shared.seed, position, index, id)
        });
        *lock(&shared.ticket) = Ticket {
            fault,
            delay: shared.latency.draw(shared.seed, index),
        };
        false
    }
}

/// Matches the requests the gate gave to fault number `.1`.
struct FaultChosen(Arc<Shared>, usize);

impl Match for FaultChosen {
    fn matches(&self, _request: &Request) -> bool {
        self.0.ticket().fault == Some(self.1)
    }
}

/// Answers a status fault: the status, `{}`, and `Retry-After` for 429.
struct FaultAnswer(Arc<Shared>, usize);

impl Respond for FaultAnswer {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let shared = &self.0;
        let effect = shared.faults[self.1].effect.clone();
        let delay = shared.ticket().delay;
        shared.record(request, delay, Some(effect.clone()));
        let template = match effect {
            FaultEffect::Status(status) => ResponseTemplate::new(status),
            FaultEffect::TooManyRequests { retry_after } => ResponseTemplate::new(429)
                .insert_header(
                    "Retry-After",
                    FaultEffect::retry_after_secs(retry_after).to_string(),
                ),
            FaultEffect::DropConnection => {
                unreachable!("dropped connections are mounted with respond_with_err")
            }
        };
        // A failing server is not a faster one: the failure comes after the usual latency.
        with_delay(template.set_body_raw(&b"{}"[..], JSON), delay)
    }
}

/// The error a dropped-connection fault hands to wiremock. hyper gets it from the request
/// handler and closes the connection without an answer; the client sees a connection error.
#[derive(Debug)]
struct ConnectionDropped;

impl std::fmt::Display for ConnectionDropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("mock-server fault: connection dropped on purpose")
    }
}

impl std::error::Error for ConnectionDropped {}

/// The JSONPlaceholder API itself.
struct Api(Arc<Shared>);

impl Respond for Api {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let shared = &self.0;
        let delay = shared.ticket().delay;
        shared.record(request, delay, None);
        let Reply {
            status,
            headers,
            body,
        } = answer(shared.data, request);
        let mut template = ResponseTemplate::new(status);
        for (name, value) in headers {
            template = template.insert_header(name, value);
        }
        with_delay(template.set_body_raw(body, JSON), delay)
    }
}

fn with_delay(template: ResponseTemplate, delay: Duration) -> ResponseTemplate {
    if delay.is_zero() {
        template
    } else {
        template.set_delay(delay)
    }
}

/// Mounts the gate, the faults and the API on `server`. Called at start, and again after the
/// background sweep has cleared wiremock's per-mock history (see `lib.rs`).
pub(crate) async fn mount(server: &MockServer, shared: &Arc<Shared>) {
    Mock::given(Gate(shared.clone()))
        .respond_with(ResponseTemplate::new(500))
        .with_priority(1)
        .named("gate: numbers requests, draws latency, picks faults")
        .mount(server)
        .await;
    for (position, fault) in shared.faults.iter().enumerate() {
        let chosen = Mock::given(FaultChosen(shared.clone(), position));
        let mock = match fault.effect {
            FaultEffect::DropConnection => {
                let shared = shared.clone();
                chosen.respond_with_err(move |request: &Request| {
                    shared.record(request, Duration::ZERO, Some(FaultEffect::DropConnection));
                    ConnectionDropped
                })
            }
            _ => chosen.respond_with(FaultAnswer(shared.clone(), position)),
        };
        mock.with_priority(2)
            .named(format!("fault: {fault}"))
            .mount(server)
            .await;
    }
    Mock::given(any())
        .respond_with(Api(shared.clone()))
        .with_priority(10)
        .named("JSONPlaceholder routes")
        .mount(server)
        .await;
}
