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
//!   sends exactly one request of any kind, and that request is `PATCH {base URL}/todos/{id}`
//!   (a query string after it is not judged, either way: wiremock's `path` does not see it):
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

use crate::CompleteTodo;

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    // TODO: start a MockServer, mount a mock that answers a todo only to the right request,
    // call `complete`, and check what came back and what the server received.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = complete;
    todo!()
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    // TODO: make the server answer 500, call `complete`, and check the error it returns.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = complete;
    todo!()
}
