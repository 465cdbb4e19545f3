//! Wrong: breaks "`complete_sends_one_patch` fails unless `complete`, given a base URL *with a path*, sends exactly one request of any kind, and that request is `PATCH {base URL}/todos/{id}`"
//! The learner mounts the mock like a real server's route (`PATCH` + the full path under a
//! base path), scoped with `mount_as_scoped` and `.expect(1)`, and then judges by hand what
//! reached it: the guard's `received_requests()` must hold exactly one request, with one
//! `Content-Type: application/json` line and the body `{"completed": true}` compared as JSON;
//! the returned todo is compared whole. But `MockGuard::received_requests` lists only the
//! requests *this mock matched*, not the server's log: a client that also sends a stray request
//! of another method or path (a `GET` to read the todo back, whose 404 it ignores, or a warm-up
//! request before the PATCH) gets through, because wiremock's 404 is not an error for a stray
//! call the client does not use. A learner reads "the guard's log" as "the log".

use lesson_support::models::Todo;
use serde_json::{Value, json};
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Where the API lives on the mock server: a prefix the client must keep.
const PREFIX: &str = "/api/v1";

/// An id no client would hard-code.
const ID: u64 = 4_481;

/// The todo the server answers after the PATCH: done, with an owner and a title.
fn answer() -> Todo {
    Todo {
        user_id: 6,
        id: ID,
        title: "oil the garden gate".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}{PREFIX}", server.uri());
    let answer = answer();

    // The route, as the real API has it; what came in on it is judged below, by hand, so that
    // a wrong header or body gets a clear message instead of wiremock's bare 404.
    let route = Mock::given(method("PATCH"))
        .and(path(format!("{PREFIX}/todos/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .named("PATCH /api/v1/todos/{id}")
        .mount_as_scoped(&server)
        .await;

    let result = complete(&base_url, ID).await;

    let received = route.received_requests().await;
    let [request] = received.as_slice() else {
        return Err(format!(
            "expected exactly one request, got {}",
            received.len()
        ));
    };

    let content_types: Vec<&[u8]> = request
        .headers
        .get_all("content-type")
        .iter()
        .map(|value| value.as_bytes())
        .collect();
    if content_types != [b"application/json".as_slice()] {
        return Err(format!(
            "expected one Content-Type: application/json, got {:?}",
            content_types
                .iter()
                .map(|value| String::from_utf8_lossy(value))
                .collect::<Vec<_>>()
        ));
    }

    let body: Value = serde_json::from_slice(&request.body).map_err(|err| {
        format!(
            "the body is not JSON ({err}): {}",
            String::from_utf8_lossy(&request.body)
        )
    })?;
    if body != json!({ "completed": true }) {
        return Err(format!(
            "expected the body {{\"completed\": true}}, got {body}"
        ));
    }

    let outcome = match result {
        Ok(todo) if todo == answer => Ok(()),
        other => Err(format!("expected Ok({answer:?}), got {other:?}")),
    };
    // Unmount the route now: its `.expect(1)` is checked here and panics if unmet.
    drop(route);
    outcome
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // A body that decodes as a todo: only the status can make this an error.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;

    match complete(&server.uri(), ID).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
