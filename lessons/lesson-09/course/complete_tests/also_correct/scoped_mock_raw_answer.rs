//! Correct, written another way: the todo is written once as the server's raw JSON (camelCase
//! keys), answered with `set_body_raw` and parsed into the expected `Todo`; the one right
//! request is a *scoped* mock (`mount_as_scoped`) with `method`, the full `path` under a base
//! path, `header` (wiremock's exact list of values, so a second `Content-Type` line does not
//! match), `body_json_string` (parsed, so spacing and key order do not matter),
//! `.up_to_n_times(1)` and `.expect(1)`; both counts are asked for, the guard's (requests this
//! mock matched) and the server's (every request), and each must be 1; the guard is dropped
//! explicitly to verify it. The error test takes the status out with `match` and compares
//! `as_u16()`.

use lesson_support::models::Todo;
use wiremock::matchers::{any, body_json_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// The id both tests complete.
const ID: u64 = 9_052;

/// Where the API lives on the mock server.
const PREFIX: &str = "/v2/tasks";

/// The todo the server answers, as the server writes it: done, with an owner and a title.
const ANSWER: &str =
    r#"{ "userId": 13, "id": 9052, "title": "reseal the bathroom tiles", "completed": true }"#;

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let expected: Todo =
        serde_json::from_str(ANSWER).map_err(|err| format!("the test's own todo: {err}"))?;
    let server = MockServer::start().await;
    let base_url = format!("{}{PREFIX}", server.uri());

    let the_patch = Mock::given(method("PATCH"))
        .and(path(format!("{PREFIX}/todos/{ID}")))
        .and(header("content-type", "application/json"))
        .and(body_json_string(r#"{ "completed": true }"#))
        .respond_with(ResponseTemplate::new(200).set_body_raw(ANSWER, "application/json"))
        .up_to_n_times(1)
        .expect(1)
        .named("the one PATCH that completes the todo")
        .mount_as_scoped(&server)
        .await;

    let result = complete(&base_url, ID).await;

    let matched = the_patch.received_requests().await.len();
    let all = server
        .received_requests()
        .await
        .map_or(0, |requests| requests.len());
    // Verifies `.expect(1)` now (a panic if unmet), before the server goes.
    drop(the_patch);
    if matched != 1 || all != 1 {
        return Err(format!(
            "expected one request, the right PATCH: {matched} matched, {all} received"
        ));
    }

    let todo = result.map_err(|err| format!("expected Ok({expected:?}), got Err({err:?})"))?;
    if todo == expected {
        Ok(())
    } else {
        Err(format!("expected {expected:?}, got {todo:?}"))
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // The 500's body is a todo: only a client that reads the status first reports it.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_raw(ANSWER, "application/json"))
        .mount(&server)
        .await;
    let base_url = format!("{}{PREFIX}", server.uri());

    let result = complete(&base_url, ID).await;
    let status = match &result {
        Err(TodoError::Status(status)) => *status,
        other => return Err(format!("expected Err(Status(500)), got {other:?}")),
    };
    if status.as_u16() == 500 {
        Ok(())
    } else {
        Err(format!(
            "expected Err(Status(500)), got Err(Status({status}))"
        ))
    }
}
