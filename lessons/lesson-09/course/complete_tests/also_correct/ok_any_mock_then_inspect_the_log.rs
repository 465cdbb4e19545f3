//! Correct, written another way: no matchers at all; the server answers every request (`any()`), and the test then judges the one request from `received_requests()` by hand: its count, method, full path, every `Content-Type` value (`get_all`, not `get`), and the body parsed as a JSON value; the error test first takes the status out of the error, then compares it with `StatusCode::INTERNAL_SERVER_ERROR`
//!
//! Exercise 14: test a client that completes todos.
//!
//! This time the course gives you the code and you write the tests. Each function below is a
//! test of "complete todo `id`": it receives the code under test as `complete`, starts its own
//! wiremock `MockServer`, mounts mocks, calls `complete(&base_url, id).await` with a base URL
//! on that server, and decides.
//!
//! A test passes by returning `Ok(())`. It fails by returning `Err(message)` or by panicking,
//! as any Rust test may: `assert!`, `unwrap()`, and a `.expect(n)` that wiremock finds unmet
//! when the server is dropped all count as failing.
//!
//! The contract, which `cargo test -p lesson-09` checks by running your tests against correct
//! implementations (they must pass) and against broken ones (each must fail):
//! - `complete_sends_one_patch` fails unless `complete`, given a base URL *with a path*,
//!   sends exactly one request of any kind, and that request is `PATCH {base URL}/todos/{id}`:
//!   the base URL's path kept (an API often lives under a prefix, so call `complete` with
//!   `format!("{}/api/v1", server.uri())`, not the bare `server.uri()`, and a client that
//!   drops the prefix fails your test);
//! - with the header `Content-Type: application/json`, and no other `Content-Type` line (HTTP
//!   allows one: a second, even after the right one, is another content type);
//! - with the JSON body `{"completed": true}`: `true` the JSON boolean, and no other field (a
//!   PATCH changes every field it is sent);
//! - and unless `complete` returns `Ok` with the todo your server answered, every field of it
//!   (`userId`, `id`, `title`, `completed`): answer the todo a server answers to this PATCH
//!   (`completed: true`), with a title and an owner other than 0, which no client could make up;
//! - `complete_reports_a_server_error` fails unless `complete` returns exactly
//!   `Err(TodoError::Status(500))` (the lesson's `crate::TodoError`) when the server answers
//!   500: not another status, not `Transport` or `Decode`, and not `Ok`, whatever the 500's
//!   body (a client that decodes the body before it looks at the status returns `Ok` for a 500
//!   whose body is a todo, so answer one);
//! - neither fails a correct implementation, however it writes its JSON (spaces, line breaks,
//!   key order), whatever other headers it adds or leaves out (`Accept`, `User-Agent`), however
//!   it builds its URL, and however long it takes within the test's 10 s (await `complete` to
//!   its end). The base URL you give has no trailing `/`;
//! - a test must finish within 10 seconds.

use lesson_support::models::Todo;
use reqwest::StatusCode;
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/svc/v2", server.uri());
    let answer = Todo {
        user_id: 5,
        id: 23,
        title: "renew the library card".to_owned(),
        completed: true,
    };
    // Answer anything: what was asked is judged below, from the server's log.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .mount(&server)
        .await;

    let result = complete(&base_url, 23).await;
    let received = server.received_requests().await.unwrap_or_default();

    let [request] = received.as_slice() else {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    };
    if request.method.as_str() != "PATCH" {
        return Err(format!("expected PATCH, got {}", request.method));
    }
    if request.url.path() != "/svc/v2/todos/23" {
        return Err(format!(
            "expected the path /svc/v2/todos/23, got {}",
            request.url.path()
        ));
    }
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
    match result {
        Ok(todo) if todo == answer => Ok(()),
        other => Err(format!("expected Ok({answer:?}), got {other:?}")),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // A real todo, wire names and all: a client that decodes before it looks at the status
    // gets a todo out of it, and returns `Ok`.
    let todo = Todo {
        user_id: 5,
        id: 23,
        title: "renew the library card".to_owned(),
        completed: true,
    };
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(&todo))
        .mount(&server)
        .await;

    let status = match complete(&server.uri(), 23).await {
        Err(TodoError::Status(status)) => status,
        other => return Err(format!("expected Err(Status(500)), got {other:?}")),
    };
    if status != StatusCode::INTERNAL_SERVER_ERROR {
        return Err(format!("expected Status(500), got Status({status})"));
    }
    Ok(())
}
