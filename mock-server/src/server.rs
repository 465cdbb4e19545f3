//! What the server does with a request, whichever front end received it.
//!
//! The crate has two front ends: wiremock (`mocks.rs`), which tests and lessons start through
//! [`crate::MockApi`], and a bare hyper server (`serve.rs`) for the long-running binary. They
//! must behave the same, down to which request fails and how long each one waits, so neither
//! decides anything itself: both hand every request to the [`Shared`] engine here, in two steps.
//!
//! 1. [`Shared::admit`] numbers the request and makes every decision about it at once: its
//!    latency and its fault, if any. Deciding once, in one place, keeps several faults
//!    consistent (the first one added wins) and keeps seeded runs repeatable.
//! 2. [`Shared::respond`] turns that decision into an [`Outcome`]: a [`Reply`] to send after a
//!    delay, or a connection to drop. It also writes the arrival log, when there is one.
//!
//! What a front end still does is its own business: reading the request, waiting, writing the
//! bytes, closing the connection.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use wiremock::Request;

use crate::Arrival;
use crate::ServeOptions;
use crate::data::{DATASET, Dataset};
use crate::files;
use crate::knobs::{Fault, FaultEffect, Latency, Numbered};
use crate::prng::hash_text;
use crate::routes::{Reply, answer};

/// The content type of every answer, charset included, as the real API sends it.
pub(crate) const JSON: &str = "application/json; charset=utf-8";

/// One server's configuration and what happened so far, shared by all its requests.
pub(crate) struct Shared {
    data: &'static Dataset,
    latency: Latency,
    seed: u64,
    faults: Vec<Fault>,
    /// The path the API is served under (see [`ServeOptions::base_path`]); empty for the root.
    base_path: String,
    /// How many requests have been admitted. An atomic, not a lock: the hyper front end admits
    /// requests from several threads at once, and a counter is all they need to share.
    requests_seen: AtomicU64,
    /// How many requests each path has had, keyed by the path's hash (eight bytes rather than a
    /// copy of the path), for the faults that select per path. `None` when no fault does, so
    /// that a server without them keeps nothing per path and its memory stays flat.
    requests_per_path: Option<Mutex<HashMap<u64, u64>>>,
    /// The arrival log, `None` when recording is off so that memory stays flat.
    arrivals: Option<Mutex<Vec<Arrival>>>,
}

/// What [`Shared::admit`] decided for one request. Small and `Copy`, so that a front end can
/// carry it from the moment a request arrives to the moment it is answered.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Ticket {
    /// Which fault (position in `Shared::faults`) this request gets, if any.
    fault: Option<usize>,
    /// The latency drawn for this request.
    delay: Duration,
}

/// What a front end must do with an admitted request.
pub(crate) enum Outcome {
    /// Wait `after`, then send `reply` (as JSON, see [`JSON`]).
    Answer { reply: Reply, after: Duration },
    /// Close the connection without a word: the [`FaultEffect::DropConnection`] fault. It
    /// happens at once, since a crashed server does not first make the client wait.
    Drop,
}

/// The error a front end hands to hyper to drop a connection: hyper closes a connection whose
/// request handler failed, without writing an answer, and the client sees a connection error.
#[derive(Debug)]
pub(crate) struct ConnectionDropped;

impl std::fmt::Display for ConnectionDropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("mock-server fault: connection dropped on purpose")
    }
}

impl std::error::Error for ConnectionDropped {}

/// Locks a mutex even if a panicking thread poisoned it: the data inside (a log, a ticket) is
/// still meaningful, and a mock server should keep serving.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// A fresh engine: request numbering starts at 1, and with `record` every request is logged.
    pub(crate) fn new(options: ServeOptions, record: bool) -> Shared {
        let ServeOptions {
            latency,
            seed,
            faults,
            base_path,
            // Connection limits concern the hyper front end's sockets, not the answers.
            limits: _,
        } = options;
        let counts_per_path = faults.iter().any(|fault| fault.select.counts_per_path());
        Shared {
            data: &DATASET,
            latency,
            seed,
            faults,
            base_path: base_path.trim_end_matches('/').to_owned(),
            requests_seen: AtomicU64::new(0),
            requests_per_path: counts_per_path.then(|| Mutex::new(HashMap::new())),
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

    /// Numbers a request for `path` (without its query) and decides its latency and fault.
    /// Call it exactly once per request: the numbers it takes, across the server and for the
    /// path, are what the faults and the seeded draws are based on.
    pub(crate) fn admit(&self, path: &str) -> Ticket {
        let index = self.requests_seen.fetch_add(1, Ordering::Relaxed) + 1;
        let request = Numbered {
            index,
            id: self.within_base(path).and_then(id_in_path),
            per_path: self.requests_per_path.as_ref().map(|counts| {
                let path = hash_text(path);
                let mut counts = lock(counts);
                let count = counts.entry(path).or_insert(0);
                *count += 1;
                (path, *count)
            }),
        };
        // The first fault, in the order they were added, that selects this request decides.
        // Each draws its random share from its own stream, keyed by its position.
        let fault = (0..self.faults.len()).find(|&position| {
            self.faults[position]
                .select
                .selects(self.seed, position, request)
        });
        Ticket {
            fault,
            delay: self.latency.draw(self.seed, index),
        }
    }

    /// Whether any fault drops connections.
    pub(crate) fn may_drop(&self) -> bool {
        self.faults
            .iter()
            .any(|fault| fault.effect == FaultEffect::DropConnection)
    }

    /// Whether the request holding `ticket` is to be dropped. wiremock needs to know before it
    /// answers, because dropping goes through a different kind of mock there.
    pub(crate) fn drops(&self, ticket: Ticket) -> bool {
        ticket
            .fault
            .is_some_and(|position| self.faults[position].effect == FaultEffect::DropConnection)
    }

    /// The answer to an admitted request (or the order to drop it), logged if recording is on.
    pub(crate) fn respond(&self, ticket: Ticket, request: &Request) -> Outcome {
        let effect = ticket.fault.map(|position| &self.faults[position].effect);
        let reply = match effect {
            None => self.answer(request),
            Some(FaultEffect::DropConnection) => {
                self.record(request, Duration::ZERO, effect.cloned());
                return Outcome::Drop;
            }
            Some(FaultEffect::Status(status)) => Reply::empty_object(*status),
            Some(FaultEffect::TooManyRequests { retry_after }) => {
                let mut reply = Reply::empty_object(429);
                let seconds = FaultEffect::retry_after_secs(*retry_after);
                reply.headers.push(("Retry-After", seconds.to_string()));
                reply
            }
        };
        self.record(request, ticket.delay, effect.cloned());
        // A failing server is not a faster one: status faults come after the usual latency.
        Outcome::Answer {
            reply,
            after: ticket.delay,
        }
    }

    /// The API's answer to `request`, whose path must lie under the base path.
    fn answer(&self, request: &Request) -> Reply {
        let Some(rest) = self.within_base(request.url.path()) else {
            return Reply::not_found();
        };
        // The course's own route, beside the API's (see `files.rs`).
        if matches!(request.method.as_str(), "GET" | "HEAD")
            && let Some(size) = files::size_in_path(rest)
        {
            return Reply::file(files::answer(size, request));
        }
        if self.base_path.is_empty() {
            return answer(self.data, request);
        }
        // The routes know nothing of the base path: hand them the request without it.
        let mut inner = request.clone();
        inner.url.set_path(rest);
        answer(self.data, &inner)
    }

    /// `path` without the base path (`/api/v1/posts/1` → `/posts/1`), or `None` when it lies
    /// outside it (`/posts/1`, `/api/v10/posts`).
    fn within_base<'p>(&self, path: &'p str) -> Option<&'p str> {
        let rest = path.strip_prefix(self.base_path.as_str())?;
        if rest.is_empty() {
            Some("/")
        } else {
            rest.starts_with('/').then_some(rest)
        }
    }

    /// Logs a request with its whole path as it arrived (base path included, query too).
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
