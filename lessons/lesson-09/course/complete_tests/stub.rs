//! Exercise 10: test a client that completes todos.
//!
//! This time the course gives you the code and you write the tests. Each function below is a
//! test of "complete todo `id`": it receives the code under test as `complete` (call it as
//! `complete(&server.uri(), id).await`), starts its own wiremock `MockServer`, mounts mocks,
//! calls `complete`, and decides.
//!
//! A test passes by returning `Ok(())`. It fails by returning `Err(message)` or by panicking,
//! as any Rust test may: `assert!`, `unwrap()`, and a `.expect(n)` that wiremock finds unmet
//! when the server is dropped all count as failing.
//!
//! The contract, which `cargo test -p lesson-09` checks by running your tests against a
//! correct implementation (they must pass) and against broken ones (each must fail):
//! - `complete_sends_one_patch` fails unless `complete` sends exactly one request,
//!   `PATCH /todos/{id}`, with the header `Content-Type: application/json` and the JSON body
//!   `{"completed": true}`, and returns `Ok` with the todo the server answered;
//! - `complete_reports_a_server_error` fails unless `complete` returns
//!   `Err(TodoError::Status(500))` (the lesson's `crate::TodoError`) when the server answers
//!   500;
//! - neither fails a correct implementation, however it writes its JSON (spaces, order).

use crate::CompleteTodo;

/// Passes if `complete` sends one `PATCH /todos/{id}` with `{"completed": true}` as JSON, and
/// returns the server's todo.
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
