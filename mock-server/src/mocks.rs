//! The wiremock front end: how the engine in `server.rs` is wired into wiremock's mocks, for
//! [`crate::MockApi`].
//!
//! wiremock checks an incoming request against its mounted mocks in priority order (lower
//! number first) and lets the first that matches answer, all while holding one lock for the
//! whole server. We mount up to three mocks on that ladder:
//!
//! 1. priority 1, the **gate**: a matcher that never matches. It runs first for every request,
//!    so it is where the engine admits each request ([`Shared::admit`]); it leaves the decision
//!    in a slot for the mocks below.
//! 2. priority 2, the **drop** mock, mounted only if a fault drops connections: it matches the
//!    requests the engine chose to drop and answers with wiremock's `respond_with_err`, after
//!    which hyper closes the connection without writing an answer. wiremock offers no other way
//!    to drop a connection, which is why this needs its own mock.
//! 3. priority 10, the **API**: one catch-all mock (`matchers::any()`) that answers everything
//!    else with what the engine says ([`Shared::respond`]), status faults included.
//!
//! Because everything above runs under wiremock's lock, it must be quick: the engine only picks
//! pre-rendered bytes. The latency is handed to wiremock with `set_delay`, which it awaits after
//! releasing the lock, so slow answers overlap instead of queueing.
//!
//! wiremock also keeps a copy of every request the matching mock answered (for its verification
//! reports), whatever the recording setting: fine for a test, not for a server that runs for
//! days. The standalone server therefore uses the hyper front end (`serve.rs`) instead.

use std::sync::{Arc, Mutex};

use wiremock::matchers::any;
use wiremock::{Match, Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::files::{OCTET_STREAM, file_bytes};
use crate::routes::Body;
use crate::server::{ConnectionDropped, JSON, Outcome, Shared, Ticket, lock};

/// The gate's decision for the request being matched right now. wiremock matches one request
/// at a time (its lock), so one slot is enough.
type Slot = Arc<Mutex<Ticket>>;

/// Admits each request (see the module docs). Never matches.
struct Gate(Arc<Shared>, Slot);

impl Match for Gate {
    fn matches(&self, request: &Request) -> bool {
        *lock(&self.1) = self.0.admit(request.url.path());
        false
    }
}

/// Matches the requests the engine chose to drop.
struct Dropped(Arc<Shared>, Slot);

impl Match for Dropped {
    fn matches(&self, _request: &Request) -> bool {
        self.0.drops(*lock(&self.1))
    }
}

/// Everything that is not dropped: the JSONPlaceholder API, and the status faults.
struct Api(Arc<Shared>, Slot);

impl Respond for Api {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let ticket = *lock(&self.1);
        match self.0.respond(ticket, request) {
            Outcome::Answer { reply, after } => {
                let mut template = ResponseTemplate::new(reply.status);
                for (name, value) in reply.headers {
                    template = template.insert_header(name, value);
                }
                // wiremock sends a body whole: a file is made in full here, after one latency.
                let template = match reply.body {
                    Body::Json(body) => template.set_body_raw(body, JSON),
                    Body::File(range) => template.set_body_raw(file_bytes(range), OCTET_STREAM),
                };
                if after.is_zero() {
                    template
                } else {
                    template.set_delay(after)
                }
            }
            Outcome::Drop => unreachable!("the drop mock, higher on the ladder, takes these"),
        }
    }
}

/// Mounts the gate, the drop mock if needed, and the API on a freshly started `server`.
pub(crate) async fn mount(server: &MockServer, shared: &Arc<Shared>) {
    let slot = Slot::default();
    Mock::given(Gate(shared.clone(), slot.clone()))
        .respond_with(ResponseTemplate::new(500))
        .with_priority(1)
        .named("gate: numbers requests, draws latency, picks faults")
        .mount(server)
        .await;
    if shared.may_drop() {
        let (engine, ticket) = (shared.clone(), slot.clone());
        Mock::given(Dropped(shared.clone(), slot.clone()))
            .respond_with_err(move |request: &Request| {
                // Only for the arrival log: the decision to drop is already made.
                let _ = engine.respond(*lock(&ticket), request);
                ConnectionDropped
            })
            .with_priority(2)
            .named("fault: dropped connections")
            .mount(server)
            .await;
    }
    Mock::given(any())
        .respond_with(Api(shared.clone(), slot))
        .with_priority(10)
        .named("JSONPlaceholder routes and status faults")
        .mount(server)
        .await;
}
